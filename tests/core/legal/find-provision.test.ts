import { describe, expect, it } from 'vitest';
import { citationKey, findProvision, parseDecree } from '../../../electron/core/legal/structure';
import { decreeFiles, hasSources, readDecree } from './sources';

describe.skipIf(!hasSources)('findProvision (indexed by citation key) on the real decrees', () => {
  it('finds, for every provision of every decree, the same provision a scan finds first', () => {
    let checked = 0;
    for (const file of decreeFiles()) {
      const parsed = parseDecree(readDecree(file));
      for (const p of parsed.provisions) {
        const scan = parsed.provisions.find((q) => citationKey(q.citation) === citationKey(p.citation));
        expect(findProvision(parsed, p.citation)).toBe(scan);
        checked++;
      }
      const missing = { ...parsed.provisions[0]!.citation, article: 9999, clause: null, point: null };
      expect(findProvision(parsed, missing)).toBeNull();
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('sees a provision added to the text after a first lookup', () => {
    const parsed = parseDecree(readDecree(decreeFiles()[0]!));
    const first = parsed.provisions[0]!;
    const extra = { ...first, citation: { ...first.citation, article: 9998, clause: null, point: null } };
    expect(findProvision(parsed, extra.citation)).toBeNull();
    parsed.provisions.push(extra);
    expect(findProvision(parsed, extra.citation)).toBe(extra);
  });
});
