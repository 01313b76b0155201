import { describe, expect, it } from 'vitest';
import type { RecordListItem } from '../../../electron/api/contract';
import { byCoverage, byDirection, bySectorAndLevel, directionOf, proceduresBySector } from '../../../renderer/src/lib/charts';
import { sampleHit, sampleStatus } from '../sample-hit';

const item = (over: Partial<RecordListItem>): RecordListItem => ({ ...sampleHit(), field: null, ...over }) as RecordListItem;

describe('statistics numbers', () => {
  it('sorts where a power went by mechanism and level', () => {
    expect(directionOf({ mechanism: 'phan-dinh', level: 'xa' })).toBe('huyen-xa');
    expect(directionOf({ mechanism: 'phan-dinh', level: 'tinh' })).toBe('huyen-tinh');
    expect(directionOf({ mechanism: 'phan-cap', level: 'xa' })).toBe('trung-uong-dia-phuong');
    expect(directionOf({ mechanism: 'phan-quyen', level: 'trung-uong' })).toBe('khac');
    expect(directionOf({ mechanism: 'uy-quyen', level: 'tinh' })).toBe('khac');
  });

  it('counts only records in force on the day, and every one once', () => {
    const xs = [
      item({ id: '1', sector: 'justice', level: 'xa', mechanism: 'phan-dinh' }),
      item({ id: '2', sector: 'justice', level: 'tinh', mechanism: 'phan-cap' }),
      item({ id: '3', sector: 'finance', level: 'xa', mechanism: 'phan-dinh' }),
      item({ id: '4', sector: 'finance', level: 'xa', mechanism: 'phan-dinh', status: sampleStatus({ code: 'bai-bo' }) }),
    ];
    const d = byDirection(xs);
    expect(d.reduce((s, x) => s + x.count, 0)).toBe(3);
    expect(d.find((x) => x.direction === 'huyen-xa')!.count).toBe(2);
    const t = bySectorAndLevel(xs);
    expect(t.sectors).toEqual(['Tư pháp', 'Tài chính']);
    expect(t.levels.find((l) => l.level === 'xa')!.counts).toEqual([1, 1]);
  });

  it('puts each document in one coverage group', () => {
    const docs = [
      { number: 'a', textLoaded: true, records: 3 },
      { number: 'b', textLoaded: false, records: 2 },
      { number: 'c', textLoaded: false, records: 0 },
    ] as never;
    expect(byCoverage(docs).map((g) => g.documents.length)).toEqual([1, 1, 1]);
  });

  it('counts a national procedure once per sector, however many powers it carries out', () => {
    const xs = [
      item({ id: '1', sector: 'justice', nationalProcedures: ['1.000080', '1.000081'] }),
      item({ id: '2', sector: 'justice', nationalProcedures: ['1.000080'] }),
      item({ id: '3', sector: 'finance', nationalProcedures: ['2.1'] }),
      item({ id: '4', sector: 'health', nationalProcedures: [] }),
    ];
    expect(proceduresBySector(xs).map((x) => [x.sector, x.count])).toEqual([
      ['justice', 2],
      ['finance', 1],
    ]);
  });
});
