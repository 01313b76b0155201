/**
 * Word tokens of Vietnamese legal text, with offsets into the NFC text so the
 * search can highlight what the user sees. Legal identifiers stay whole:
 * "120/2025/NĐ-CP", "140/2025", TTHC codes "1.001193", "nd120", "đ5".
 */
import { exact, fold } from './normalize';

export interface Token {
  /** As written (NFC). */
  raw: string;
  /** [start, end) in text.normalize('NFC'). */
  start: number;
  end: number;
  exact: string;
  fold: string;
}

/** Identifier shapes first, then plain words (letters, marks and digits together: "nd120", "qh15"). */
const TOKEN_RE = /\d{1,4}\/\d{4}\/[\p{L}\p{M}\d]+(?:-[\p{L}\p{M}\d]+)*|\d+(?:[./]\d+)+|[\p{L}\p{M}\p{N}]+/gu;

/** "doỦy", "tịchỦy": the sources lost a space before a capital; a capital after a small letter starts a word. */
const GLUED_CAPITAL = /(?<=\p{Ll}\p{M}*)(?=\p{Lu})/u;

/** Longer runs are noise (or an attack on the query box), never a word. */
export const MAX_TOKEN_LENGTH = 48;

export interface TokenizeOptions {
  /** Split words glued by the sources ("doỦy ban"); for indexed text, not for queries. */
  splitGlued?: boolean;
}

export function tokenize(text: string, options: TokenizeOptions = {}): Token[] {
  const nfc = text.normalize('NFC');
  // Normalising the whole text at once is much faster than word by word; both
  // forms keep the length of NFC Vietnamese, so the word offsets carry over.
  // Rare scripts whose lower case changes length take the word-by-word path.
  const ex = exact(nfc);
  const fo = fold(nfc);
  const aligned = ex.length === nfc.length && fo.length === nfc.length;
  const out: Token[] = [];
  for (const m of nfc.matchAll(TOKEN_RE)) {
    const start = m.index ?? 0;
    const pieces = options.splitGlued && /\p{Lu}/u.test(m[0]) ? splitGlued(m[0], start) : [[m[0], start] as const];
    for (const [raw, at] of pieces) {
      if (raw.length > MAX_TOKEN_LENGTH) continue;
      const end = at + raw.length;
      const f = aligned ? fo.slice(at, end) : fold(raw);
      if (!f) continue;
      out.push({ raw, start: at, end, exact: aligned ? ex.slice(at, end) : exact(raw), fold: f });
    }
  }
  return out;
}

function splitGlued(word: string, start: number): Array<readonly [string, number]> {
  const parts = word.split(GLUED_CAPITAL);
  if (parts.length === 1) return [[word, start]];
  const out: Array<readonly [string, number]> = [];
  let at = start;
  for (const p of parts) {
    out.push([p, at]);
    at += p.length;
  }
  return out;
}

/** Folded words only: what the index and the FTS5 comparison see. */
export function foldedWords(text: string, options: TokenizeOptions = {}): string[] {
  return tokenize(text, options).map((t) => t.fold);
}
