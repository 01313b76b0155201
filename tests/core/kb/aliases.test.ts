import { describe, expect, it } from 'vitest';
import { aliasMatches } from '../../../electron/core/kb/aliases';
import type { Citation } from '../../../electron/core/model';

const c = (clause: number | null, point: string | null): Citation => ({ document: '129/2025/NĐ-CP', article: 35, clause, point, annex: null });

describe('alias matching by citation', () => {
  it('an omitted key covers every value under it', () => {
    const m = { document: '129/2025/NĐ-CP', article: 35 };
    expect([c(null, null), c(3, null), c(3, 'đ')].every((x) => aliasMatches(m, x))).toBe(true);
    expect(aliasMatches(m, { ...c(3, null), article: 36 })).toBe(false);
  });

  it('null matches only the provision itself, not the points under it', () => {
    const m = { document: '129/2025/NĐ-CP', article: 35, clause: 3, point: null };
    expect(aliasMatches(m, c(3, null))).toBe(true);
    expect(aliasMatches(m, c(3, 'đ'))).toBe(false);
  });
});
