/**
 * The statistics page's numbers, from the records on the day and the document list. Pure, no DOM:
 * the charts only draw what these return.
 */
import type { RecordListItem } from '../../../electron/api/contract';
import { LEVEL_LABELS, SECTOR_LABELS, type DocumentInfo, type Level } from '../../../electron/core/model';
import { inForce } from './status';

export const LEVEL_ORDER: Level[] = ['xa', 'tinh', 'trung-uong'];

/** Records in force on the day, by sector and level: rows by sector (largest first), one count per level. */
export function bySectorAndLevel(items: readonly RecordListItem[]): { sectors: string[]; levels: Array<{ level: Level; label: string; counts: number[] }> } {
  const live = items.filter((x) => inForce(x.status));
  const totals = new Map<string, number>();
  for (const x of live) totals.set(x.sector, (totals.get(x.sector) ?? 0) + 1);
  const order = [...totals.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s);
  return {
    sectors: order.map((s) => SECTOR_LABELS[s as keyof typeof SECTOR_LABELS] ?? s),
    levels: LEVEL_ORDER.map((level) => ({
      level,
      label: LEVEL_LABELS[level],
      counts: order.map((s) => live.filter((x) => x.sector === s && x.level === level).length),
    })),
  };
}

/** National procedure records linked to the powers of each sector (a procedure counted once per sector), largest first. */
export function proceduresBySector(items: readonly RecordListItem[]): Array<{ sector: string; label: string; count: number }> {
  const codes = new Map<string, Set<string>>();
  for (const x of items) {
    const set = codes.get(x.sector) ?? new Set<string>();
    for (const c of x.nationalProcedures ?? []) set.add(c);
    codes.set(x.sector, set);
  }
  return [...codes.entries()]
    .map(([sector, set]) => ({ sector, label: SECTOR_LABELS[sector as keyof typeof SECTOR_LABELS] ?? sector, count: set.size }))
    .filter((x) => x.count > 0)
    .sort((a, b) => b.count - a.count);
}

export type Direction = 'huyen-xa' | 'huyen-tinh' | 'trung-uong-dia-phuong' | 'khac';
export const DIRECTION_LABELS: Record<Direction, string> = {
  'huyen-xa': 'Cấp huyện → cấp xã (phân định)',
  'huyen-tinh': 'Cấp huyện → cấp tỉnh (phân định)',
  'trung-uong-dia-phuong': 'Trung ương → địa phương (phân quyền, phân cấp)',
  khac: 'Khác (ủy quyền, giữ ở trung ương)',
};

export function directionOf(x: Pick<RecordListItem, 'mechanism' | 'level'>): Direction {
  if (x.mechanism === 'phan-dinh') return x.level === 'xa' ? 'huyen-xa' : x.level === 'tinh' ? 'huyen-tinh' : 'khac';
  if ((x.mechanism === 'phan-quyen' || x.mechanism === 'phan-cap') && x.level !== 'trung-uong') return 'trung-uong-dia-phuong';
  return 'khac';
}

/** Records in force on the day, by where the power went. */
export function byDirection(items: readonly RecordListItem[]): Array<{ direction: Direction; label: string; count: number }> {
  const counts = new Map<Direction, number>();
  for (const x of items) if (inForce(x.status)) counts.set(directionOf(x), (counts.get(directionOf(x)) ?? 0) + 1);
  return (Object.keys(DIRECTION_LABELS) as Direction[]).map((d) => ({ direction: d, label: DIRECTION_LABELS[d], count: counts.get(d) ?? 0 }));
}

export type Coverage = 'text' | 'second-hand' | 'none';
export const COVERAGE_LABELS: Record<Coverage, string> = {
  text: 'Có toàn văn chính thức',
  'second-hand': 'Chỉ có nguồn thứ cấp',
  none: 'Chưa có dữ liệu',
};
export function coverageOf(d: Pick<DocumentInfo, 'textLoaded' | 'records'>): Coverage {
  return d.textLoaded ? 'text' : d.records > 0 ? 'second-hand' : 'none';
}
/** The documents by coverage, each group with its documents. */
export function byCoverage(docs: readonly DocumentInfo[]): Array<{ coverage: Coverage; label: string; documents: DocumentInfo[] }> {
  return (Object.keys(COVERAGE_LABELS) as Coverage[]).map((c) => ({ coverage: c, label: COVERAGE_LABELS[c], documents: docs.filter((d) => coverageOf(d) === c) }));
}
