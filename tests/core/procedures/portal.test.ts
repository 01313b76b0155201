/**
 * The national procedure database as published (../shared/sources/procedures): every record parsed,
 * run-together cells split into ways to file, time limits and fees; legal basis read without
 * mistaking 151/2024 for 151/2025; data/national-procedures.json up to date with the sources.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { basisNumbers, filingWays, levelsOf, parsePortalRecord } from '../../../electron/core/procedures/portal';
import { readNationalProcedures } from '../../../electron/core/procedures/read';
import { SOURCES, hasSources } from '../legal/sources';

const DATA = path.resolve(__dirname, '../../../data/national-procedures.json');

describe('run-together cells', () => {
  it('splits ways to file with their time and fee', () => {
    const ways = filingWays('Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến17 Ngày làm việcMiễn phí(Theo quy định…)Dịch vụ bưu chính30 Ngày làm việcMiễn phíTrực tiếp20 Ngày làm việcKhông có thông tin');
    expect(ways).toEqual([
      { way: 'Trực tuyến', time: '17 Ngày làm việc', fee: 'Miễn phí' },
      { way: 'Dịch vụ bưu chính', time: '30 Ngày làm việc', fee: 'Miễn phí' },
      { way: 'Trực tiếp', time: '20 Ngày làm việc', fee: null },
    ]);
  });
  it('reads a fee with no time given as a fee, not as a number of days', () => {
    expect(filingWays('Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến120,000 VNĐ(Theo khoản 1 …)')).toEqual([{ way: 'Trực tuyến', time: null, fee: '120,000 VNĐ' }]);
  });
  it('does not take words of a description for a way to file', () => {
    expect(filingWays('Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếpKhông có thông tinKhông có thông tinTrực tiếp tại Công an đơn vị, địa phương có thẩm quyền.')).toHaveLength(1);
  });
  it('reads decrees and laws of the legal basis exactly', () => {
    expect(basisNumbers('…Luật Trật tự, an toàn giao thông đường bộ151/2024/NĐ-CPLuật…lĩnh vực đất đai151/2025/NĐ-CPThực hiện…118/2025/NĐ-CLuật Đất đai31/2024/QH15Luật')).toEqual([
      '151/2024/NĐ-CP',
      '151/2025/NĐ-CP',
      '31/2024/QH15',
    ]);
  });
  it('maps levels', () => {
    expect(levelsOf('Cấp tỉnh, Cấp xã')).toEqual(['xa', 'tinh']);
    expect(levelsOf('Cấp bộ')).toEqual(['trung-uong']);
  });
  it('refuses a record with no code or name', () => {
    expect(parsePortalRecord({ ten_thu_tuc: 'x' })).toBeNull();
    expect(parsePortalRecord('not an object')).toBeNull();
  });
});

describe.skipIf(!hasSources)('the real database', () => {
  const { procedures, skipped } = readNationalProcedures([SOURCES]);

  it('loads all 2,642 records, none skipped, and data/ holds exactly what the sources give', () => {
    expect(procedures).toHaveLength(2642);
    expect(skipped).toEqual([]);
    expect(JSON.parse(readFileSync(DATA, 'utf8'))).toEqual(JSON.parse(JSON.stringify(procedures)));
  });

  it('finds a time limit wherever the cell gives one in days', () => {
    // Every procedure one of whose ways gives a time with its unit has a time limit; most give one.
    const withDays = procedures.filter((p) => p.ways.some((w) => w.time && !/không rõ đơn vị/u.test(w.time)));
    const timed = procedures.filter((p) => p.timeLimit);
    expect(timed.map((p) => p.code)).toEqual(withDays.map((p) => p.code));
    expect(timed.length / procedures.length).toBeGreaterThan(0.75);
    // A time limit told to a citizen always has its unit ("7" alone is kept in the ways, not as the limit).
    for (const p of timed) expect(p.timeLimit).toMatch(/^\d+(?:[.,]\d+)? (?:Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm)$/u);
  });

  it('knows which procedures cite the batch (the sources count 349 with 122, 131, 136, 145 and 226)', () => {
    const batch = new Set([...Array.from({ length: 32 }, (_, i) => `${120 + i}/2025/NĐ-CP`), '226/2025/NĐ-CP']);
    const citing = procedures.filter((p) => p.basis.some((b) => batch.has(b)));
    expect(citing.length).toBeGreaterThan(320);
    expect(citing.length).toBeLessThanOrEqual(349);
    expect(procedures.filter((p) => p.provincial).length).toBeGreaterThan(0);
  });
});
