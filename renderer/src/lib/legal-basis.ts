/**
 * The legal basis as a clerk writes it at the head of a decision:
 * "Căn cứ điểm h khoản 1 Điều 5 Nghị định số 151/2025/NĐ-CP ngày 12 tháng 6 năm 2025 của Chính phủ quy định về …;"
 * An annex unit is "ban hành kèm theo" its act; a change in force on the day is named after it
 * ("được sửa đổi, bổ sung tại … Nghị định số 226/2025/NĐ-CP"), so the copy never cites a wording that no longer applies
 * without saying so. Pure, no DOM.
 */
import { actName, type Citation, type DocumentInfo, type TimelineEvent } from '../../../electron/core/model';

/** "12 tháng 6 năm 2025": the long form used in the basis of a legal document. */
export function longViDate(iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso ?? '');
  return m ? `ngày ${Number(m[3])} tháng ${Number(m[2])} năm ${m[1]}` : '';
}

/** Who issued an act, from its number (and its province for a provincial act); '' when we cannot tell. */
export function issuerOf(doc: Pick<DocumentInfo, 'number' | 'ministry' | 'province'>): string {
  const n = doc.number;
  if (/\/NĐ-CP$|\/NQ-CP$/u.test(n)) return 'Chính phủ';
  if (/\/QĐ-TTg$/u.test(n)) return 'Thủ tướng Chính phủ';
  if (/-UBND$/u.test(n) && doc.province) return /^(tỉnh|thành phố)\s/iu.test(doc.province) ? `Ủy ban nhân dân ${doc.province}` : `Ủy ban nhân dân tỉnh ${doc.province}`;
  if (/\/TT-/u.test(n) && doc.ministry) return doc.ministry;
  return '';
}

/** "Nghị định 49/2026/NĐ-CP" → "Nghị định số 49/2026/NĐ-CP" inside a citation written by the core. */
function withSo(text: string): string {
  return text.replace(/(Nghị định|Quyết định|Nghị quyết|Thông tư) (?!số )(\d+\/\d{4}\/)/gu, '$1 số $2');
}

function lowerFirst(s: string): string {
  return s ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s;
}

/** "điểm h khoản 1 Điều 5", "khoản 1 mục I Phụ lục ban hành kèm theo": the provision before the act's name. */
export function provisionPart(c: Citation): string {
  const parts: string[] = [];
  if (c.point) parts.push(`điểm ${c.point}`);
  if (c.clause != null) parts.push(`khoản ${c.clause}`);
  if (c.article != null) parts.push(`Điều ${c.article}`);
  if (c.annex) parts.push(`${c.annex} ban hành kèm theo`);
  return parts.join(' ');
}

/** The changes that shape the wording on `day` (added by, amended or replaced by), oldest first. */
function changesInForce(events: readonly TimelineEvent[], day: string): string[] {
  const out: string[] = [];
  for (const e of events) {
    if (e.on > day || e.kind === 'repealed') continue;
    const by = withSo(lowerFirst(e.by));
    const line = e.kind === 'added' ? `được bổ sung tại ${by}` : `được sửa đổi, bổ sung tại ${by}`;
    if (!out.includes(line)) out.push(line);
  }
  return out;
}

export interface LegalBasisInput {
  citation: Citation;
  document: Pick<DocumentInfo, 'number' | 'title' | 'issued' | 'ministry' | 'province'>;
  /** The record's timeline events (RecordDetail.timeline). */
  events?: readonly TimelineEvent[];
  /** The day the answer is for (ISO). */
  day: string;
}

/** The whole "Căn cứ …;" line. */
export function legalBasisText({ citation, document: doc, events = [], day }: LegalBasisInput): string {
  const where = provisionPart(citation);
  let title = lowerFirst(doc.title.trim());
  // A province name the source wrote in lower case ("tỉnh lào cai") is written as the province writes it.
  if (doc.province) title = title.replace(new RegExp(doc.province.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'), 'giu'), doc.province);
  const act = [`${actName(doc.number)} số ${doc.number}`, longViDate(doc.issued), issuerOf(doc) && `của ${issuerOf(doc)}`, title]
    .filter(Boolean)
    .join(' ');
  const changes = changesInForce(events, day);
  const tail = changes.length ? ` (${changes.join('; ')})` : '';
  return `Căn cứ ${where ? `${where} ` : ''}${act}${tail};`;
}
