/** Display helpers: Vietnamese labels and dates. Pure, no DOM. */
import { ACT_KIND_LABELS, actName, type DocumentInfo, type DocumentKind, type Role, type Validity } from '../../../electron/core/model';

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

/**
 * The former holder as a text names it, null when it does not: a correction may write the words
 * "văn bản không nêu" as its value, which must read as "not named", never as a body.
 */
export function namedFormerHolder(v: string | null | undefined): string | null {
  const t = v?.trim();
  return t && !/^(văn bản )?không nêu\.?$/iu.test(t) ? t : null;
}

/**
 * A time limit as a sentence writes it: the portal capitalises its units ("17 Ngày làm việc",
 * "15 Ngày", "24 Giờ"); after a number they are lower case, as in the decrees ("05 ngày làm việc").
 */
export function timeText(v: string): string {
  return v.replace(/(\d)(\s*)(Ngày|Giờ|Tháng|Năm|Tuần)(?=\s|$|[,;.)])/gu, (_m, d: string, sp: string, unit: string) => `${d}${sp}${unit.toLowerCase()}`);
}

/** Today, the Vietnamese way ("02/12/2026"), from the machine's clock in its own time zone. */
export function todayVi(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(now.getDate())}/${p(now.getMonth() + 1)}/${now.getFullYear()}`;
}

const HOLDER_HEADINGS: Record<Role, string> = {
  'quyet-dinh': 'Cơ quan, người có thẩm quyền',
  'tiep-nhan': 'Nơi tiếp nhận hồ sơ',
  'phoi-hop': 'Cơ quan phối hợp',
  'trach-nhiem': 'Cơ quan có trách nhiệm thực hiện',
  'bai-bo': 'Cơ quan trước đây thực hiện',
};

/**
 * The heading above the holder on the answer card, by what the holder does: a clerk reads "who decides"
 * apart from "who receives the file"; one "Cơ quan thực hiện" for every role said neither.
 */
export function holderHeading(role: Role, inForce: boolean): string {
  const h = HOLDER_HEADINGS[role] ?? 'Cơ quan thực hiện';
  return inForce ? h : `${h} theo quy định này (không còn áp dụng)`;
}

/** A catalogue title that only repeats the number (a later act whose title is not known yet) says nothing: ''. */
export function documentTitle(d: Pick<DocumentInfo, 'number' | 'title'>): string {
  const t = d.title?.trim() ?? '';
  return t && t !== d.number.trim() && t !== decreeName(d.number) ? t : '';
}

/**
 * A holder shown as a name or a heading starts with a capital: the register keeps a holder as the
 * clause writes it, often from mid-sentence ("cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh",
 * "công an cấp xã"), which at the head of a card or a result reads as a cut-off line.
 */
export function holderName(holder: string | null | undefined): string {
  const h = holder?.trim() ?? '';
  return h.charAt(0).toLocaleUpperCase('vi') + h.slice(1);
}

/**
 * An engine's sentence as the window shows it: a command-line hint is for the CLI ("kb import …"),
 * never for a clerk, who imports a text in the app ("Nạp văn bản"). Sentences that only give the
 * command are left out; "… Nạp văn bản hoặc "kb import"" keeps the app's way alone.
 */
export function withoutCliHint(text: string): string {
  return text
    .replace(/\s*hoặc\s+(?:bằng\s+)?[«"“]?kb import[^»"”)]*[»"”]?/gu, '')
    .split(/(?<=[.!?])\s+/u)
    .filter((sentence) => !/\bkb (?:import|update|restore)\b|\bnpm run\b/u.test(sentence))
    .join(' ')
    .trim();
}
