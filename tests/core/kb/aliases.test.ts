import { describe, expect, it } from 'vitest';
import { aliasFits, aliasMatches, mergeAliases } from '../../../electron/core/kb/aliases';
import type { AuthorityRecord, Citation } from '../../../electron/core/model';

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

describe('alias fitting by holder', () => {
  const rec = (holder: string, clause: number | null = 3): AuthorityRecord =>
    ({ id: holder, citation: c(clause, null), holder, aliases: [] as string[] }) as unknown as AuthorityRecord;

  it('a holder key keeps a name off the other bodies of the same clause', () => {
    const m = { document: '129/2025/NĐ-CP', article: 35, clause: 3, holder: 'Sở Nội vụ' };
    expect(aliasFits(m, rec('Sở Nội vụ'))).toBe(true);
    expect(aliasFits(m, rec('Ủy ban nhân dân cấp xã'))).toBe(false);
    // The citation still has to match.
    expect(aliasFits(m, rec('Sở Nội vụ', 4))).toBe(false);
  });

  it('a list of holders fits each of them; no key fits every holder', () => {
    const m = { document: '129/2025/NĐ-CP', article: 35, holder: ['Sở Nội vụ', 'Ủy ban nhân dân cấp xã'] };
    expect(['Sở Nội vụ', 'Ủy ban nhân dân cấp xã'].every((h) => aliasFits(m, rec(h)))).toBe(true);
    expect(aliasFits(m, rec('Chủ tịch Ủy ban nhân dân cấp tỉnh'))).toBe(false);
    expect(aliasFits({ document: '129/2025/NĐ-CP', article: 35 }, rec('Chủ tịch Ủy ban nhân dân cấp tỉnh'))).toBe(true);
  });

  it('mergeAliases adds the names only to the records they fit', () => {
    const merged = mergeAliases([rec('Sở Nội vụ'), rec('Ủy ban nhân dân cấp xã')], [
      { match: { document: '129/2025/NĐ-CP', article: 35, clause: 3, holder: 'Sở Nội vụ' }, aliases: ['hòa giải lao động'] },
    ]);
    expect(merged.map((r) => r.aliases)).toEqual([['hòa giải lao động'], []]);
  });
});
