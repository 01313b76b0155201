/** Display helpers: Vietnamese labels and dates. Pure, no DOM. */
import { ACT_KIND_LABELS, actName, type DocumentInfo, type DocumentKind, type Validity } from '../../../electron/core/model';

/** "2025-07-01" → "01/07/2025" (dates are shown the Vietnamese way). */
export function viDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** The day before an ISO date: Validity.to is the first day it no longer applies. */
function dayBefore(iso: string): string {
  const d = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Last day in force, shown: Validity.to "2027-03-01" → "28/02/2027". */
export function lastDay(to: string): string {
  return viDate(dayBefore(to));
}

export const VALIDITY_STATUS_LABELS: Record<Validity['status'], string> = {
  'hieu-luc': 'Đang có hiệu lực',
  'het-hieu-luc': 'Hết hiệu lực',
  'chua-hieu-luc': 'Chưa có hiệu lực',
};

/** "Hiệu lực từ 01/07/2025 đến hết 28/02/2027". */
export function validityText(v: Validity): string {
  const from = `Hiệu lực từ ${viDate(v.from)}`;
  return v.to ? `${from} đến hết ${viDate(dayBefore(v.to))}` : from;
}

export const KIND_LABELS: Record<DocumentKind, string> = {
  'phan-dinh': 'Phân định thẩm quyền',
  'phan-quyen-phan-cap': 'Phân quyền, phân cấp',
  both: 'Phân định; phân quyền, phân cấp',
};

/** What a document is: for the batch its kind of re-assignment, for a later act what kind of act (and whose province). */
export function kindLabel(d: Pick<DocumentInfo, 'kind'> & Partial<Pick<DocumentInfo, 'actKind' | 'province'>>): string {
  if (d.actKind && d.actKind !== 'batch') {
    const label = ACT_KIND_LABELS[d.actKind] ?? d.actKind;
    return d.province ? `${label} — ${d.province}` : label;
  }
  return KIND_LABELS[d.kind] ?? d.kind;
}

/** "Nghị định 120/2025/NĐ-CP", "Quyết định 40/2026/QĐ-UBND" for a document number. */
export function decreeName(number: string): string {
  return /^\d+\/\d{4}\/\S+$/u.test(number) ? `${actName(number)} ${number}` : number;
}
