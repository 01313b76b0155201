import { describe, expect, it } from 'vitest';
import { confidenceView } from '../../../renderer/src/lib/confidence';
import { sampleHit } from '../sample-hit';

describe('confidence on screen', () => {
  it('a confident hit reads as an answer', () => {
    const v = confidenceView(sampleHit({ confidence: 'high', confidenceReason: 'Có đủ các từ quan trọng, đúng dấu.' }));
    expect(v.near).toBe(false);
    expect(v.label).toBe('Khớp câu hỏi');
  });

  it.each(['medium', 'low'] as const)('a %s hit reads as a near miss, with its reason', (confidence) => {
    const v = confidenceView(sampleHit({ confidence, confidenceReason: '' }));
    expect(v.near).toBe(true);
    expect(v.label).toBe('Gần đúng — kiểm tra lại');
    expect(v.reason.length).toBeGreaterThan(0);
    const said = confidenceView(sampleHit({ confidence, confidenceReason: 'Gần đúng — không có từ: dược.' }));
    expect(said.reason).toContain('dược');
  });
});
