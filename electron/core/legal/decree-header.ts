/**
 * What a decree says about itself: number, title, date of signing, where the body ends, when it takes effect.
 */
import { ARTICLE_RE } from './body-parse';
import { ANNEX_RE } from './annex-parse';
import { type LegalNode, type ParsedValidity, fullText } from './legal-node';
import { DATE_RE, addDays, isoDate, sentenceCase } from './text';

const NUMBER_RE = /Số:\s*(\d+)\s*\/\s*(\d{4})\s*\/\s*N[ĐD]\s*-\s*CP/iu;
/** A province's decision: "Số: 40/2026/QĐ-UBND". */
const PROVINCIAL_NUMBER_RE = /Số:\s*(\d+)\s*\/\s*(\d{4})\s*\/\s*Q[ĐD]\s*-\s*UBND/iu;

export function cleanLines(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\r?\n/)
    .map((l) => l.replace(/[\u00a0\u2007\u202f\t]/g, ' ').replace(/\s+$/u, '').trim());
}

export function findNumber(lines: string[]): string | null {
  for (const l of lines.slice(0, 40)) {
    const m = NUMBER_RE.exec(l);
    if (m) return `${Number(m[1])}/${m[2]}/NĐ-CP`;
    const q = PROVINCIAL_NUMBER_RE.exec(l);
    if (q) return `${Number(q[1])}/${q[2]}/QĐ-UBND`;
  }
  return null;
}

export function findIssued(lines: string[]): string | null {
  for (const l of lines.slice(0, 40)) {
    if (!/(Hà Nội|ngày)/u.test(l) || /Căn cứ/u.test(l)) continue;
    const m = DATE_RE.exec(l);
    if (m && m[1] && m[2] && m[3]) return isoDate(m[1], m[2], m[3]);
  }
  return null;
}

/** Lines after "NGHỊ ĐỊNH" up to "Căn cứ …" form the title. */
export function findTitle(lines: string[]): string | null {
  const start = lines.findIndex((l, i) => i < 60 && /^(?:NGHỊ ĐỊNH|QUYẾT ĐỊNH)$/u.test(l));
  if (start < 0) return null;
  const parts: string[] = [];
  for (const l of lines.slice(start + 1, start + 8)) {
    if (/^Căn cứ/u.test(l) || /^Chương/u.test(l)) break;
    if (l && !/^[-_=.…\s]+$/u.test(l)) parts.push(l.replace(/[_]{3,}/gu, '').trim());
  }
  if (parts.length === 0) return null;
  return sentenceCase(parts.join(' ').replace(/\s+/g, ' ').trim());
}

/** Where the body ends: the first annex heading (or the end of the text). */
export function annexStart(lines: string[]): number {
  const firstArticle = lines.findIndex((l) => ARTICLE_RE.test(l));
  for (let i = Math.max(firstArticle, 0); i < lines.length; i++) {
    if (ANNEX_RE.test(lines[i] ?? '')) return i;
  }
  return lines.length;
}

/** Placeholder for "từ ngày ký": replaced by the date the act was signed. */
export const SIGNED = 'signed';

export function findValidity(articles: LegalNode[]): ParsedValidity {
  const art = articles.find((a) => /hiệu lực/iu.test(a.heading ?? ''));
  if (!art) return { from: null, to: null, note: null };
  const text = fullText(art).replace(/\s+/g, ' ');
  let from: string | null = null;
  let to: string | null = null;
  const f = /có hiệu lực(?: thi hành)?(?: kể)? từ ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/u.exec(text);
  // "Nghị định này có hiệu lực thi hành kể từ ngày ký ban hành" (26/2026): the act takes effect when signed;
  // a later date in the article is then for some of its articles only.
  const onSigning = /(?:Nghị định|Quyết định) này có hiệu lực(?: thi hành)?(?: kể)? từ ngày ký/u.exec(text);
  if (onSigning && (!f || onSigning.index < f.index)) from = SIGNED;
  else if (f && f[1] && f[2] && f[3]) from = isoDate(f[1], f[2], f[3]);
  const endOn = /hết hiệu lực(?: thi hành)?(?: kể)? từ ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/u.exec(text);
  const untilEnd = /đến hết ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/u.exec(text);
  const untilBefore = /đến trước ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/u.exec(text);
  if (endOn && endOn[1] && endOn[2] && endOn[3]) to = isoDate(endOn[1], endOn[2], endOn[3]);
  else if (untilEnd && untilEnd[1] && untilEnd[2] && untilEnd[3])
    to = addDays(isoDate(untilEnd[1], untilEnd[2], untilEnd[3]), 1);
  else if (untilBefore && untilBefore[1] && untilBefore[2] && untilBefore[3])
    to = isoDate(untilBefore[1], untilBefore[2], untilBefore[3]);
  const exceptions = /trừ (?:các )?trường hợp|trừ quy định/u.test(text);
  const note = exceptions ? `Có ngoại lệ về hiệu lực, xem Điều ${art.citation.article}` : null;
  return { from, to, note };
}
