/**
 * What kind of act a text is, read from its own words (never from its file name or folder):
 * a decree of the batch (the catalogue says so), a province's decision ("QĐ-UBND" with
 * "phân cấp" / "ủy quyền"), an amending act ("Sửa đổi, bổ sung …" in the title) or a later
 * act (a whole sector decree that repeals or re-assigns provisions of the batch).
 */
import type { ActKind, Citation } from '../model';
import { type ParsedDecree, fullText } from './structure';

/** "Nghị định số 151/2025/NĐ-CP", "Nghị định 146/2025/NĐ-CP", "Nghị định số 140/2025/NĐ- CP". */
export const DECREE_MENTION_RE = /Nghị\s+định(?:\s+số)?\s+(\d+)\s*\/\s*(\d{4})\s*\/\s*N[ĐD]\s*-\s*CP/gu;

export function decreeNumber(n: string, year: string): string {
  return `${Number(n)}/${year}/NĐ-CP`;
}

/** Province of a provincial act, from its issuer lines ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI"). */
export function provinceOf(text: string): string | null {
  const head = text.normalize('NFC').split(/\r?\n/u).slice(0, 12).join('\n');
  const m = /(?:TỈNH|THÀNH PHỐ)\s+([A-ZÀ-Ỹ][A-ZÀ-Ỹ ]+?)\s*(?:\n|-|$)/u.exec(head);
  if (!m?.[1]) return null;
  return m[1]
    .trim()
    .toLowerCase()
    .split(/\s+/u)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** Batch decrees that an act's text names inside a repeal, an amendment or a phân cấp basis. */
export function targetsOf(parsed: ParsedDecree, batch: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  const body = parsed.articles.map((a) => `${a.heading ?? ''}\n${fullText(a)}`).join('\n');
  for (const m of body.matchAll(DECREE_MENTION_RE)) {
    const n = decreeNumber(m[1]!, m[2]!);
    if (batch.has(n) && n !== parsed.number) found.add(n);
  }
  return [...found].sort();
}

const CHANGE_WORDS = /bãi bỏ|hết hiệu lực|sửa đổi, bổ sung|bổ sung (?:điểm|khoản|điều)|thay thế (?:các )?cụm từ/iu;

export interface ActClass {
  kind: ActKind | null;
  province: string | null;
  /** Batch decrees the act changes (amending, later) or rests on (provincial). */
  targets: string[];
  /** For a provincial act: the national provisions it delegates under ("khoản 1 Điều 14 Nghị định số 49/2026/NĐ-CP"). */
  basis?: Citation[];
}

/** "khoản 1 Điều 14 Nghị định số 49/2026/NĐ-CP": the provisions a provincial act rests on. */
export function basisOf(text: string): Citation[] {
  const out: Citation[] = [];
  const re = /(?:khoản (\d+) )?Điều (\d+) (?:của )?Nghị\s+định(?:\s+số)?\s+(\d+)\s*\/\s*(\d{4})\s*\/\s*N[ĐD]\s*-\s*CP/gu;
  for (const m of text.normalize('NFC').matchAll(re)) {
    const c: Citation = { document: decreeNumber(m[3]!, m[4]!), article: Number(m[2]), clause: m[1] ? Number(m[1]) : null, point: null, annex: null };
    if (!out.some((o) => o.document === c.document && o.article === c.article && o.clause === c.clause)) out.push(c);
  }
  return out;
}

/**
 * Kind of act. `batch` lists the numbers of the batch (from the catalogue); a decree outside it
 * that neither changes a batch decree nor is provincial gets kind null (an ordinary extra decree).
 */
export function classifyAct(parsed: ParsedDecree, text: string, batch: ReadonlySet<string>): ActClass {
  const number = parsed.number ?? '';
  if (batch.has(number)) return { kind: 'batch', province: null, targets: [] };
  const title = parsed.title ?? '';
  if (/QĐ-UBND$/u.test(number)) {
    const delegates = /phân cấp|ủy quyền|uỷ quyền/iu.test(`${title}\n${text.slice(0, 20000)}`);
    return { kind: delegates ? 'provincial' : null, province: provinceOf(text), targets: targetsOfAll(text), basis: basisOf(text) };
  }
  const targets = targetsOf(parsed, batch);
  if (targets.length === 0) return { kind: null, province: null, targets };
  const body = parsed.articles.map((a) => `${a.heading ?? ''}\n${fullText(a)}`).join('\n');
  if (!CHANGE_WORDS.test(body)) return { kind: null, province: null, targets: [] };
  const amending = /^sửa đổi, bổ sung/iu.test(title.trim());
  return { kind: amending ? 'amending' : 'later', province: null, targets };
}

/** Any decree a provincial act rests on ("khoản 1 Điều 14 Nghị định số 49/2026/NĐ-CP"). */
function targetsOfAll(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(DECREE_MENTION_RE)) found.add(decreeNumber(m[1]!, m[2]!));
  return [...found].sort();
}
