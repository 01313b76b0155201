/**
 * The day's arrangement (on-day.ts): what took over an ended record answers in its place, at its rank —
 * only when the ended record answers the question (holds every informative word); an ended near miss
 * lifts nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, runSearch, type SearchEngine } from '../../../electron/core/search';
import type { AuthorityRecord } from '../../../electron/core/model';
import { registerCorpus } from './register-docs';

let engine: SearchEngine;
let records: Map<string, AuthorityRecord>;
beforeAll(async () => {
  const all = await registerCorpus({ acts: 'all' });
  engine = buildSearchIndex(all.docs);
  records = new Map(all.docs.map((d) => [d.record.id, d.record]));
});

describe('the law on the day, arranged', () => {
  it('land allocation without a fee, asked today: the province under 49/2026 Điều 14 khoản 1, the commune chairman of 151 Điều 10 under it', () => {
    // 49/2026 ended 151 Điều 10 from 31/01/2026 (điểm đ1 khoản 3 Điều 16); khoản 1 Điều 14 gives allocation to the province.
    const hits = runSearch(engine, { q: 'giao đất không thu tiền sử dụng đất', limit: 5, date: '2026-12-02' }).hits;
    expect(hits[0]!.citation).toMatchObject({ document: '49/2026/NĐ-CP', article: 14, clause: 1 });
    expect(hits[0]!.status.code).toBe('hieu-luc');
    const ended = hits.find((h) => h.citation.document === '151/2025/NĐ-CP' && h.citation.article === 10)!;
    expect(ended.status.code).toBe('bai-bo');
    expect(records.get(ended.id)!.replacedBy).toContain(hits[0]!.id);
  });

  it('a power not yet in force puts the transition it will take over first: ASEAN permits in 10/2025 and today', () => {
    // 144 Điều 46 khoản 1 điểm c keeps Cục Đường bộ Việt Nam "đến ngày 31 tháng 12 năm 2025"; khoản 1 Điều 31 (the
    // province) applies from 01/01/2026. Before, the province was shown in force from 01/07/2025 and the transition dropped.
    const q = 'cấp giấy phép liên vận ASEAN';
    const before = runSearch(engine, { q, limit: 5, date: '2025-10-01' }).hits;
    expect(before[0]?.holder).toBe('Cục Đường bộ Việt Nam');
    expect(before[0]?.status.code).toBe('hieu-luc');
    expect(before[1]?.citation).toMatchObject({ document: '144/2025/NĐ-CP', article: 31, clause: 1 });
    expect(before[1]?.status.code).toBe('chua-hieu-luc');
    expect(before[0]?.confidenceReason).toContain('sẽ thay thế');
    const today = runSearch(engine, { q, limit: 5, date: '2026-12-02' }).hits;
    expect(today[0]?.citation).toMatchObject({ document: '144/2025/NĐ-CP', article: 31, clause: 1 });
    expect(today[0]?.status.code).toBe('hieu-luc');
    expect(today.some((h) => h.holder === 'Cục Đường bộ Việt Nam' && h.status.code === 'hieu-luc')).toBe(false);
  });

  it('an ended near miss does not lift its successor above the record in force the ranking put first', () => {
    // "Khai tiền thuê đất" is 125's land-rent declaration; 151 Điều 10's allocation (ended, no "khai") put 49/2026 Điều 14 first.
    const hits = runSearch(engine, { q: 'Khai tiền thuê đất', limit: 5, date: '2026-03-15' }).hits;
    expect(hits[0]!.citation.document).toBe('125/2025/NĐ-CP');
  });
});
