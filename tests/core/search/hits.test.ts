/**
 * Excerpts (hits.ts): a scanned clause's mangled number is not shown ("„__L. Ủy ban …" in 217/2026
 * Điều 53 khoản 1, a scan of "1. Ủy ban …"); a clause's real number or point stays.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { excerptOf } from '../../../electron/core/search/hits';
import type { SearchDoc } from '../../../electron/core/search';
import { registerCorpus } from './register-docs';

let docs: SearchDoc[];
beforeAll(async () => {
  docs = (await registerCorpus({ acts: 'all' })).docs;
});

const highlight = (...words: string[]) => ({ whole: new Set(words), prefixes: [] as string[] });

describe('excerpts', () => {
  it('drop what a scan made of a clause number, on the real text of 217/2026 Điều 53 khoản 1', () => {
    const d = docs.find((x) => x.record.citation.document === '217/2026/NĐ-CP' && x.record.citation.article === 53 && x.record.citation.clause === 1)!;
    expect(d.provisionText).toMatch(/^[^\p{L}\p{N}]+L\. Ủy ban/u);
    const { excerpt, ranges } = excerptOf(d.provisionText!, highlight('xay', 'nha'));
    expect(excerpt).toMatch(/^Ủy ban nhân dân cấp xã/u);
    for (const [s, e] of ranges) expect(['xây', 'nhà']).toContain(excerpt!.slice(s, e).toLowerCase());
    expect(ranges.length).toBeGreaterThan(0);
  });

  it('keep a clause number or point, and a quote', () => {
    for (const t of ['1. Thẩm quyền cấp giấy phép xây dựng', 'a) Quyết định giao đất xây nhà', '“Điều 5. Giấy phép xây dựng”']) {
      expect(excerptOf(t, highlight('xay')).excerpt).toBe(t);
    }
  });
});
