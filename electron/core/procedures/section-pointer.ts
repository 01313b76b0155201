/**
 * Where the body of a decree sends a procedure to its annex ("Trình tự, thủ tục cấp Chứng chỉ hành nghề
 * đấu giá thực hiện theo quy định tại mục I Phụ lục I ban hành kèm theo Nghị định này"; 129/2025 writes
 * "mục 1 Phụ lục I"), the powers of that provision — else of its article — implement that section's
 * procedure. A link by the text itself, read from the provisions.
 */
import type { AuthorityRecord, Citation, Provision } from '../model';
import { within } from '../legal/extract';

const POINTER = /(?:theo|tại) (?:quy định tại )?[Mm]ục (\d+|[IVXLC]+) (?:(?:phần|Phần) ([A-H]|[IVXLC]+) )?Phụ lục ([IVXLC]+) (?:ban hành )?kèm theo Nghị định này/gu;

const ROMAN: Array<[number, string]> = [
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

function roman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

/** "mục 1 Phụ lục I" and "mục I Phụ lục I" name the same section: "mục I Phụ lục I" (the procedures' own citation). */
export function sectionAnnex(muc: string, phan: string | undefined, annex: string): string {
  const m = /^\d+$/u.test(muc) ? roman(Number(muc)) : muc.toUpperCase();
  if (!phan) return `mục ${m} Phụ lục ${annex}`;
  return /^[A-H]$/u.test(phan) ? `mục ${m} phần ${phan} Phụ lục ${annex}` : `mục ${m} Phần ${phan} Phụ lục ${annex}`;
}

/** A procedure's own section in the form the pointers are keyed by ("mục 1 Phụ lục I" → "mục I Phụ lục I"). */
export function romanSection(annex: string): string {
  return annex.replace(/^mục (\d+) /u, (_, n: string) => `mục ${roman(Number(n))} `);
}

/** document#annex-section → ids of the body powers whose provision points there. */
export function pointedByBody(provisions: Provision[], records: AuthorityRecord[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const body = records.filter((r) => r.citation.annex === null);
  for (const p of provisions) {
    if (p.citation.annex !== null || !p.text.includes('Phụ lục')) continue;
    for (const m of p.text.matchAll(POINTER)) {
      const key = `${p.citation.document}#${sectionAnnex(m[1]!, m[2], m[3]!)}`;
      const article: Citation = { ...p.citation, clause: null, point: null };
      let at = body.filter((r) => within(r.citation, p.citation));
      // The sentence sending to the annex is often a clause of its own; the power is then its article's.
      if (at.length === 0) at = body.filter((r) => within(r.citation, article));
      const deciding = at.filter((r) => r.role === 'quyet-dinh');
      const ids = (deciding.length ? deciding : at).map((r) => r.id);
      if (ids.length) out.set(key, [...new Set([...(out.get(key) ?? []), ...ids])]);
    }
  }
  return out;
}
