import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ROLES } from '../../../electron/core/model';
import {
  decreeName,
  documentTitle,
  holderHeading,
  kindLabel,
  namedFormerHolder,
  timeText,
  todayVi,
  validityText,
  viDate,
} from '../../../renderer/src/lib/format';

/** Every time limit the portal's procedure records write, as collected (../shared/sources/procedures). */
function portalTimeCells(): string[] {
  const root = join(__dirname, '..', '..', '..', '..', 'shared', 'sources', 'procedures');
  const out: string[] = [];
  for (const dir of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const f of readdirSync(join(root, dir.name)).filter((n) => n.endsWith('.json')).slice(0, 60)) {
      const j = JSON.parse(readFileSync(join(root, dir.name, f), 'utf8')) as Record<string, unknown>;
      for (const v of Object.values(j)) if (typeof v === 'string' && /\d\s*(Ngày|Giờ|Tháng)/u.test(v)) out.push(v);
    }
  }
  return out;
}

describe('format', () => {
  it('shows ISO dates the Vietnamese way', () => {
    expect(viDate('2025-07-01')).toBe('01/07/2025');
    expect(viDate(null)).toBe('');
  });

  it('states the last day in force: "to" is the first day it no longer applies', () => {
    expect(validityText({ from: '2025-07-01', to: '2027-03-01', status: 'hieu-luc', note: null })).toBe(
      'Hiệu lực từ 01/07/2025 đến hết 28/02/2027',
    );
    expect(validityText({ from: '2025-07-01', to: null, status: 'hieu-luc', note: null })).toBe('Hiệu lực từ 01/07/2025');
  });

  it('names an act by its number, and a later act by its kind', () => {
    expect(decreeName('120/2025/NĐ-CP')).toBe('Nghị định 120/2025/NĐ-CP');
    expect(decreeName('40/2026/QĐ-UBND')).toBe('Quyết định 40/2026/QĐ-UBND');
    expect(kindLabel({ kind: 'phan-dinh' })).toBe('Phân định thẩm quyền');
    expect(kindLabel({ kind: 'phan-dinh', actKind: 'provincial', province: 'Lào Cai' })).toBe(
      'Văn bản của tỉnh (phân cấp, ủy quyền) — Lào Cai',
    );
  });

  it('reads "văn bản không nêu" written as a former holder as not named, and keeps a named one', () => {
    expect(namedFormerHolder('văn bản không nêu')).toBeNull();
    expect(namedFormerHolder('Văn bản không nêu.')).toBeNull();
    expect(namedFormerHolder(null)).toBeNull();
    expect(namedFormerHolder(' Ủy ban nhân dân cấp huyện ')).toBe('Ủy ban nhân dân cấp huyện');
  });

  it('writes the portal\'s time units in lower case after a number, as the decrees do, and changes nothing else', () => {
    const cells = portalTimeCells();
    expect(cells.length).toBeGreaterThan(20);
    for (const c of cells) {
      const t = timeText(c);
      expect(t, c).not.toMatch(/\d\s*(Ngày|Giờ|Tháng)(\s|$|[,;.)])/u);
      expect(t.toLowerCase(), c).toBe(c.toLowerCase());
    }
    expect(timeText('8–17 Ngày làm việc, tùy thủ tục')).toBe('8–17 ngày làm việc, tùy thủ tục');
    // A capital that does not follow a number is a sentence's own ("Ngày hẹn trả", a name).
    expect(timeText('Ngày làm việc thứ 3')).toBe('Ngày làm việc thứ 3');
    fc.assert(fc.property(fc.string(), (x) => timeText(x).length === x.length && timeText(timeText(x)) === timeText(x)));
  });

  it('writes today as dd/mm/yyyy, as every other date on the page', () => {
    expect(todayVi(new Date(2026, 11, 2, 9, 30))).toBe('02/12/2026');
    expect(todayVi(new Date(2025, 6, 1))).toBe(viDate('2025-07-01'));
  });

  it('heads the holder by its role, and says when the rule no longer applies', () => {
    const headings = ROLES.map((r) => holderHeading(r, true));
    expect(new Set(headings).size).toBe(ROLES.length);
    expect(holderHeading('quyet-dinh', true)).toBe('Cơ quan, người có thẩm quyền');
    expect(holderHeading('tiep-nhan', true)).toBe('Nơi tiếp nhận hồ sơ');
    for (const r of ROLES) expect(holderHeading(r, false)).toContain('không còn áp dụng');
  });

  it('drops a catalogue title that only repeats the number', () => {
    expect(documentTitle({ number: '217/2026/NĐ-CP', title: '217/2026/NĐ-CP' })).toBe('');
    expect(documentTitle({ number: '217/2026/NĐ-CP', title: 'Nghị định 217/2026/NĐ-CP' })).toBe('');
    expect(documentTitle({ number: '120/2025/NĐ-CP', title: 'Quy định về phân định thẩm quyền' })).toBe('Quy định về phân định thẩm quyền');
  });
});
