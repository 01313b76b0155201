/**
 * The copied legal basis, on records of the real KB: every level (điểm / khoản / Điều / an annex's mục),
 * the act's date and issuer from the catalogue, a provincial decision, and a change in force on the day.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RecordDetail } from '../../../electron/api/contract';
import { ensureKb } from '../../../electron/core/kb/ensure';
import { openVerifiedKb } from '../../../electron/core/kb/manifest';
import type { KnowledgeBase } from '../../../electron/core/kb/open';
import { legalBasisText, longViDate } from '../../../renderer/src/lib/legal-basis';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = openVerifiedKb({ kbPath: (await ensureKb({ log: () => {} })).kbPath });
}, 300_000);

function basis(id: string, day: string, province: string | null = null): { text: string; d: RecordDetail } {
  const d = kb.getRecord(id, day, province);
  if (!d) throw new Error(`no record ${id}`);
  return { text: legalBasisText({ citation: d.record.citation, document: d.document, events: d.timeline, day: d.date }), d };
}

describe('legalBasisText', () => {
  it('writes the long Vietnamese date', () => {
    expect(longViDate('2025-06-12')).toBe('ngày 12 tháng 6 năm 2025');
    expect(longViDate(null)).toBe('');
  });

  it('a point of a clause of an article of a Government decree: số, ngày, của Chính phủ, the title in lower case', () => {
    const { text, d } = basis('151-d5-k1-pa-ct-ubnd-xa-quyet-dinh', '2025-10-01');
    expect(text.startsWith('Căn cứ điểm a khoản 1 Điều 5 Nghị định số 151/2025/NĐ-CP ')).toBe(true);
    expect(text).toContain(`${longViDate(d.document.issued)} của Chính phủ quy định về `);
    expect(text.endsWith(';')).toBe(true);
    expect(text).not.toContain('được sửa đổi');
  });

  it('an article alone and an annex unit "ban hành kèm theo" its decree', () => {
    expect(basis('120-d14-ubnd-xa-quyet-dinh', '2025-10-01').text).toMatch(/^Căn cứ Điều 14 Nghị định số 120\/2025\/NĐ-CP ngày \d+ tháng \d+ năm 2025 của Chính phủ /u);
    expect(basis('120-pl-mi-k1-ubnd-xa-quyet-dinh', '2025-10-01').text).toMatch(
      /^Căn cứ khoản 1 mục I Phụ lục ban hành kèm theo Nghị định số 120\/2025\/NĐ-CP ngày /u,
    );
  });

  it('a point added by an amending act names the act that added it, with its number written "số"', () => {
    const { text } = basis('151-d5-k1-po-ct-ubnd-xa-quyet-dinh', '2025-10-01');
    expect(text).toMatch(/^Căn cứ điểm o khoản 1 Điều 5 Nghị định số 151\/2025\/NĐ-CP /u);
    expect(text).toMatch(/\(được bổ sung tại khoản 1 Điều 6 Nghị định số 226\/2025\/NĐ-CP\);$/u);
  });

  it('a phrase replaced by 226/2025 is named from the day it applies, not before', () => {
    const after = basis('151-d16-k1-pb-co-quan-co-chuc-nang-quan-li-dat-dai-tin-trach-nhiem', '2025-10-01').text;
    expect(after).toContain('(được sửa đổi, bổ sung tại điểm a khoản 6 Điều 7 Nghị định số 226/2025/NĐ-CP)');
    const before = basis('151-d16-k1-pb-co-quan-co-chuc-nang-quan-li-dat-dai-tin-trach-nhiem', '2025-07-15').text;
    expect(before).not.toContain('226/2025');
  });

  it('a provincial decision is of the provincial People\'s Committee, its province written as a name', () => {
    const { text } = basis('40-2026-d3-k1-ct-ubnd-xa-quyet-dinh', '2026-07-01', 'Lào Cai');
    expect(text).toMatch(/^Căn cứ khoản 1 Điều 3 Quyết định số 40\/2026\/QĐ-UBND ngày \d+ tháng \d+ năm 2026 của Ủy ban nhân dân tỉnh Lào Cai /u);
    expect(text).not.toContain('lào cai');
  });
});
