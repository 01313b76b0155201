import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segments } from '../../../renderer/src/lib/highlight';

describe('segments', () => {
  it('marks the given ranges of a Vietnamese title', () => {
    const t = 'Đăng ký khai sinh';
    expect(segments(t, [[0, 7]])).toEqual([
      { text: 'Đăng ký', mark: true },
      { text: ' khai sinh', mark: false },
    ]);
  });

  it('merges overlapping and unsorted ranges', () => {
    expect(segments('abcdef', [[3, 5], [1, 4]]).filter((s) => s.mark).map((s) => s.text)).toEqual(['bcde']);
  });

  it('always shows the whole text exactly once, whatever the ranges', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.tuple(fc.integer({ min: -5, max: 60 }), fc.integer({ min: -5, max: 60 }))), (t, r) => {
        const segs = segments(t, r);
        expect(segs.map((s) => s.text).join('')).toBe(t);
        // no two marked segments touch: merged
        for (let i = 1; i < segs.length; i++) expect(segs[i]!.mark && segs[i - 1]!.mark).toBe(false);
      }),
    );
  });
});
