/**
 * Turning ranked record positions into SearchHits: highlight ranges in the
 * title, and a short excerpt of the clause around the first match. Work is
 * bounded by the excerpt, not by the clause: some annex items run to pages.
 */
import type { Ranges, SearchHit } from '../results';
import { formatCitation } from '../model';
import { fold } from '../text/normalize';
import { tokenize } from '../text/tokenize';
import type { SearchDoc } from './fields';

/** Decides whether a folded word of the text is one the query matched. */
export interface Highlighter {
  whole: Set<string>;
  prefixes: string[];
}

export function matches(h: Highlighter, word: string): boolean {
  if (h.whole.has(word)) return true;
  for (const p of h.prefixes) if (word.startsWith(p)) return true;
  return false;
}

interface Folded {
  nfc: string;
  /** Same length as nfc (null when the fold changed the length: then the slow path). */
  folded: string | null;
  /** First position of each folded word, built when the text is first excerpted (a clause can run to pages). */
  first?: Map<string, number>;
}

/** Folded forms of titles and clauses, once per text: keystrokes show the same hits again and again. */
const cache = new Map<string, Folded>();
const MAX_CACHED = 20_000;

function foldedOf(text: string): Folded {
  let f = cache.get(text);
  if (!f) {
    const nfc = text.normalize('NFC');
    const folded = fold(nfc);
    f = { nfc, folded: folded.length === nfc.length ? folded : null };
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(text, f);
  }
  return f;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

/** a-z or 0-9: Vietnamese folds to these; a hand-written scan beats a regex per word here. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

function rangesIn(nfc: string, folded: string, h: Highlighter, from: number, to: number): Ranges {
  const out: Ranges = [];
  let i = from;
  while (i < to) {
    while (i < to && !isWordCode(folded.charCodeAt(i))) i++;
    if (i >= to) break;
    const start = i;
    // A word, keeping identifiers whole: "1.001193", "120/2025".
    for (;;) {
      while (i < to && isWordCode(folded.charCodeAt(i))) i++;
      const c = folded.charCodeAt(i);
      if ((c === 46 || c === 47) && i + 1 < to && isWordCode(folded.charCodeAt(i + 1))) i++;
      else break;
    }
    if (!matches(h, folded.slice(start, i))) continue;
    const prev = out[out.length - 1];
    // Adjacent matched words ("đăng ký") become one range.
    if (prev && onlySpaces(nfc, prev[1], start)) prev[1] = i;
    else out.push([start, i]);
  }
  return out;
}

function onlySpaces(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (s.charCodeAt(k) !== 32) return false;
  return true;
}

function slowRanges(text: string, h: Highlighter): Ranges {
  const out: Ranges = [];
  for (const t of tokenize(text, { splitGlued: true })) {
    if (!matches(h, t.fold)) continue;
    const prev = out[out.length - 1];
    if (prev && /^\s*$/.test(text.slice(prev[1], t.start))) prev[1] = t.end;
    else out.push([t.start, t.end]);
  }
  return out;
}

/** Ranges of matched words in a (short) text such as a title. */
export function highlightRanges(text: string, h: Highlighter): Ranges {
  const { nfc, folded } = foldedOf(text);
  return folded === null ? slowRanges(text, h) : rangesIn(nfc, folded, h, 0, nfc.length);
}

/** Where each folded word first occurs: built once per text, so an excerpt costs lookups, not scans. */
function firstPositions(f: Folded): Map<string, number> {
  if (f.first) return f.first;
  const s = f.folded as string;
  const first = new Map<string, number>();
  let i = 0;
  while (i < s.length) {
    while (i < s.length && !isWordCode(s.charCodeAt(i))) i++;
    const start = i;
    while (i < s.length && isWordCode(s.charCodeAt(i))) i++;
    if (i > start) {
      const w = s.slice(start, i);
      if (!first.has(w)) first.set(w, start);
    }
  }
  f.first = first;
  return first;
}

/** Position of the first matched word (a word with other characters, "120/2025", is looked for with indexOf). */
function firstMatch(f: Folded, h: Highlighter): number {
  const folded = f.folded as string;
  const first = firstPositions(f);
  let best = -1;
  const better = (at: number | undefined) => at !== undefined && at >= 0 && (best < 0 || at < best);
  for (const w of h.whole) {
    if (!w) continue;
    const at = plainWord(w) ? first.get(w) : indexOfWord(folded, w);
    if (better(at)) best = at as number;
  }
  if (h.prefixes.length > 0) {
    // Words come in text order: the first one that completes a prefix is the earliest.
    for (const [w, at] of first) {
      if (best >= 0 && at >= best) break;
      if (h.prefixes.some((p) => p && w.startsWith(p))) {
        best = at;
        break;
      }
    }
  }
  return best;
}

function plainWord(w: string): boolean {
  for (let k = 0; k < w.length; k++) if (!isWordCode(w.charCodeAt(k))) return false;
  return true;
}

function indexOfWord(folded: string, needle: string): number {
  let at = folded.indexOf(needle);
  while (at >= 0) {
    const before = at === 0 ? '' : (folded[at - 1] as string);
    const after = folded[at + needle.length] ?? '';
    if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) return at;
    at = folded.indexOf(needle, at + 1);
  }
  return -1;
}

const EXCERPT_BEFORE = 60;
const EXCERPT_LENGTH = 220;

/**
 * A scanned clause may open with what the scan made of its number ("„__L. Ủy ban …" for "1. Ủy ban …"):
 * marks that are no letter or digit, then at most one letter and its dot. Not shown.
 */
const SCAN_JUNK_START = /^[^\p{L}\p{N}\s(“"«]+\p{L}?[.)]?\s+(?=\p{L})/u;

export function excerptOf(text: string | null, h: Highlighter): { excerpt: string | null; ranges: Ranges } {
  if (!text) return { excerpt: null, ranges: [] };
  const f = foldedOf(text);
  const { nfc, folded } = f;
  const first = folded === null ? (slowRanges(nfc, h)[0]?.[0] ?? -1) : firstMatch(f, h);
  const from = SCAN_JUNK_START.exec(nfc)?.[0].length ?? 0;
  let start = first > from ? Math.max(from, first - EXCERPT_BEFORE) : from;
  if (start > from) {
    const space = nfc.indexOf(' ', start);
    if (space >= 0 && space < first) start = space + 1;
  }
  let end = Math.min(nfc.length, start + EXCERPT_LENGTH);
  if (end < nfc.length) {
    const space = nfc.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const lead = start > from ? '… ' : '';
  const excerpt = lead + nfc.slice(start, end) + (end < nfc.length ? ' …' : '');
  const shift = lead.length - start;
  const inWindow =
    folded === null
      ? slowRanges(nfc, h).filter(([s, e]) => s >= start && e <= end)
      : rangesIn(nfc, folded, h, start, end).filter(([, e]) => e <= end);
  return { excerpt, ranges: inWindow.map(([s, e]) => [s + shift, e + shift] as [number, number]) };
}

const citationTexts = new WeakMap<object, string>();

function citationText(r: SearchDoc['record']): string {
  let t = citationTexts.get(r);
  if (t === undefined) {
    t = formatCitation(r.citation);
    citationTexts.set(r, t);
  }
  return t;
}

export function toHit(doc: SearchDoc, score: number, h: Highlighter): SearchHit {
  const r = doc.record;
  const { excerpt, ranges } = excerptOf(doc.provisionText, h);
  return {
    id: r.id,
    title: r.title,
    holder: r.holder,
    level: r.level,
    holderKind: r.holderKind,
    role: r.role,
    mechanism: r.mechanism,
    sector: r.sector,
    formerHolder: r.formerHolder,
    citation: r.citation,
    citationText: citationText(r),
    sourceStatus: r.sourceStatus,
    caution: r.caution ?? null,
    score,
    titleRanges: highlightRanges(r.title, h),
    excerpt,
    excerptRanges: ranges,
    // Day-dependent fields are set by on-day.ts (withDay); these are the defaults of a hit out of context.
    status: { code: 'hieu-luc', label: '', from: r.timeline?.from ?? '', to: r.timeline?.to ?? null, madeBy: null, endedBy: null, note: null },
    act: r.act ?? 'batch',
    province: r.province ?? null,
    supersedes: null,
    supersededBy: [],
    delegation: null,
    timeLimit: r.timeLimit ?? r.procedureTimeLimit?.time ?? null,
    timeLimitSource: r.timeLimit ? null : (r.procedureTimeLimit?.source ?? null),
    // Set by the search (run.ts) from what the record holds of the question; a hit out of a search is a record as cited.
    confidence: 'high',
    confidenceReason: '',
  };
}
