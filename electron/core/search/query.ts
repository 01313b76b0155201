/**
 * Query planning: what the user typed → content words, quoted phrases, a
 * citation reference ("nđ 120 điều 4 khoản 2"), with abbreviations expanded and
 * question words dropped. Pure and total: any string gives a plan, never an error.
 */
import { tokenize, type Token } from '../text/tokenize';
import { pairsOf } from './fields';
import type { Level } from '../model';
import {
  ABBREVIATIONS,
  FILLERS,
  LEVEL_WORDS,
  STOP_PHRASES,
  TITLE_RUN_MIN,
  type Abbreviation,
  type Fillers,
  type LevelWords,
  type Phrase,
  type StopPhrase,
  type StopPhrases,
} from './lexicon';

/** Longer input is cut: nobody types more, and the work must stay bounded. */
export const MAX_QUERY_LENGTH = 256;

export interface QueryTerm {
  fold: string;
  /** Exact form when the user typed marks on this word (rank exact-mark matches higher). */
  exact: string | null;
  /** Came from an abbreviation expansion. */
  expanded: boolean;
  /** The word being typed (no space after it yet): matched as a prefix. */
  partial: boolean;
  /**
   * Words of an abbreviation as typed ("sổ đỏ" beside its expansion): not required,
   * but they score where an everyday name (alias) uses them.
   */
  optional: boolean;
  /**
   * Filler ("nhiệm vụ", "quản lý nhà nước", "từ 01/7/2025"): not required, scores very little and makes
   * no syllable pair. Never set when the question is made only of filler.
   */
  filler: boolean;
  /** A function word ("của", "về", "đối với"): not required, but scores and pairs like any word. */
  soft: boolean;
}

export interface CitationRef {
  docNumber: number | null;
  docYear: number | null;
  article: number | null;
  clause: number | null;
  point: string | null;
  /** The words that spelled the reference, folded: searched as text when the document is unknown. */
  words: string[];
}

export interface ParsedQuery {
  /** Distinct content words in typing order. */
  terms: QueryTerm[];
  /** Folded content words in order (with repeats): source of the syllable pairs. */
  sequence: string[];
  /** Quoted phrases, folded words. */
  phrases: string[][];
  /** The last phrase is still being typed (no closing quote, no space yet): its last word is a prefix. */
  openPhrase: boolean;
  ref: CitationRef;
  /** Levels the question names ("xã", "Sở", "Bộ trưởng"): records of that level rank higher. */
  levels: Level[];
  /**
   * Everyday names typed bare that may be another phrase folding alike ("so do": "sổ đỏ" or "sơ đồ"), as their
   * syllable pairs: the search reads them literally too when the expansion finds only near misses.
   */
  ambiguous: string[];
}

interface Word {
  fold: string;
  exact: string | null;
  expanded: boolean;
  last: boolean;
  optional?: boolean;
  filler?: boolean;
  soft?: boolean;
}

const QUOTES = /["“”„«»]/;

/**
 * A vocabulary list grouped by its first folded word (order kept: longest first): each word of the question
 * looks at the few phrases that can start there, not at the whole list. Built once per list.
 */
const firstWordIndexes = new WeakMap<object, Map<string, unknown[]>>();
function startingWith<T>(list: readonly T[], firstOf: (t: T) => string | undefined, word: string): readonly T[] {
  let ix = firstWordIndexes.get(list) as Map<string, T[]> | undefined;
  if (!ix) {
    ix = new Map();
    for (const t of list) {
      const k = firstOf(t);
      if (k === undefined) continue;
      const group = ix.get(k);
      if (group) group.push(t);
      else ix.set(k, [t]);
    }
    firstWordIndexes.set(list, ix as Map<string, unknown[]>);
  }
  return ix.get(word) ?? NONE;
}
const NONE: readonly never[] = [];
const phraseFirst = (p: Phrase) => p.fold[0];

export function parseQuery(
  input: unknown,
  abbreviations: Abbreviation[] = ABBREVIATIONS,
  stops: StopPhrases = STOP_PHRASES,
  fillers: Fillers = FILLERS,
  levelWords: LevelWords = LEVEL_WORDS,
): ParsedQuery {
  const raw = typeof input === 'string' ? input.slice(0, MAX_QUERY_LENGTH) : '';
  const typingLast = raw.length > 0 && /[\p{L}\p{M}\p{N}]$/u.test(raw);

  const phrases: string[][] = [];
  let openPhrase = false;
  for (const m of raw.matchAll(/["“”„«»]([^"“”„«»]*)(["“”„«»]|$)/gu)) {
    const words = tokenize(m[1] ?? '').map((t) => t.fold);
    if (words.length > 1) {
      phrases.push(words);
      openPhrase = !m[2] && typingLast;
    }
  }
  const tokens = tokenize(raw.replace(new RegExp(QUOTES, 'gu'), ' '));
  const ref: CitationRef = { docNumber: null, docYear: null, article: null, clause: null, point: null, words: [] };
  let words = readReferences(tokens, ref).map<Word>((t, i, all) => ({
    fold: t.fold,
    exact: t.exact !== t.fold ? t.exact : null,
    expanded: false,
    last: i === all.length - 1 && t === tokens[tokens.length - 1],
  }));
  const ambiguous: string[] = [];
  words = expandAbbreviations(words, abbreviations, ambiguous);
  words = dropStopPhrases(words, stops);
  words = markFillers(words, fillers);
  const levels = levelsOf(words, levelWords);

  const terms: QueryTerm[] = [];
  const seen = new Map<string, QueryTerm>();
  for (const w of words) {
    const partial = w.last && typingLast && !w.expanded && !w.optional;
    const optional = w.optional === true;
    const filler = w.filler === true;
    const soft = w.soft === true;
    const known = seen.get(w.fold);
    if (known) {
      // A word typed twice: the complete occurrence wins over the partial one, a required one over an optional one.
      known.partial = known.partial && partial;
      known.exact = known.exact ?? w.exact;
      known.optional = known.optional && optional;
      known.filler = known.filler && filler;
      known.soft = known.soft && soft;
      continue;
    }
    const term: QueryTerm = { fold: w.fold, exact: w.exact, expanded: w.expanded, partial, optional, filler, soft };
    seen.set(w.fold, term);
    terms.push(term);
  }
  // Filler occurrences make no syllable pair ("quản lý nhà nước về quản lý chợ": only the second "quản lý").
  return { terms, sequence: words.filter((w) => !w.filler).map((w) => w.fold), phrases, openPhrase, ref, levels, ambiguous };
}

/** A vocabulary phrase at `at`: folded words match; a word typed with marks must match the exact form too. */
function startsWithPhrase(words: Word[], at: number, p: Phrase): boolean {
  if (at + p.fold.length > words.length) return false;
  for (let k = 0; k < p.fold.length; k++) {
    const w = words[at + k] as Word;
    if (w.fold !== p.fold[k] || (w.exact != null && w.exact !== p.exact[k])) return false;
  }
  return true;
}

/** Marks filler words (curated phrases, then runs of the decree titles' boilerplate); all-filler stays content. */
function markFillers(words: Word[], fillers: Fillers): Word[] {
  const plain = (w: Word | undefined) => w != null && !w.expanded && !w.optional;
  const out = words.map((w) => ({ ...w }));
  for (let i = 0; i < out.length; i++) {
    const p = startingWith(fillers.phrases, phraseFirst, (out[i] as Word).fold).find(
      (f) => startsWithPhrase(out, i, f) && f.fold.every((_f, j) => plain(out[i + j])),
    );
    if (p) {
      for (let j = 0; j < p.fold.length; j++) (out[i + j] as Word).filler = true;
      i += p.fold.length - 1;
    }
  }
  // Title boilerplate: a run of adjacent pairs that most decree titles share.
  for (let i = 0; i + 1 < out.length; ) {
    let j = i;
    while (j + 1 < out.length && plain(out[j]) && plain(out[j + 1]) && fillers.titlePairs.has(`${(out[j] as Word).fold} ${(out[j + 1] as Word).fold}`)) j++;
    if (j - i + 1 >= TITLE_RUN_MIN) for (let k = i; k <= j; k++) (out[k] as Word).filler = true;
    i = j > i ? j + 1 : i + 1;
  }
  // A question typed with marks: its words without marks are written so ("cho", not "chợ").
  const typedWithMarks = out.some((w) => w.exact != null && !w.expanded);
  for (let i = 0; i < out.length; i++) {
    // One function word alone only when typed with marks: "tai" may be "tài sản", "cua" may be "cửa".
    const p = startingWith(fillers.functionWords, phraseFirst, (out[i] as Word).fold).find(
      (f) =>
        startsWithPhrase(out, i, f) &&
        (f.fold.length > 1 ||
          (out[i] as Word).exact != null ||
          fillers.bareFunction.has(f.fold[0] as string) ||
          (typedWithMarks && f.exact[0] === f.fold[0])) &&
        f.fold.every((_f, j) => plain(out[i + j]) && !out[i + j]?.filler) &&
        !fillers.functionNot.some((n) => n.fold.some((_w, k) => i - k >= 0 && startsWithPhrase(out, i - k, n))),
    );
    if (p) {
      for (let j = 0; j < p.fold.length; j++) (out[i + j] as Word).soft = true;
      i += p.fold.length - 1;
    }
  }
  // The word being typed is not filler yet ("nhiệm" may become "nhiệm kỳ").
  const last = out[out.length - 1];
  if (last?.last && last.filler) {
    const lastPhraseWord = out.length >= 2 && (out[out.length - 2] as Word).filler;
    if (!lastPhraseWord) last.filler = false;
  }
  return out.every((w) => w.filler || w.optional) ? words : out;
}

/** Levels named by the question: the longest level phrase at each position; exceptions name none. */
function levelsOf(words: Word[], levelWords: LevelWords): Level[] {
  const out = new Set<Level>();
  for (let i = 0; i < words.length; i++) {
    const w0 = (words[i] as Word).fold;
    const not = startingWith(levelWords.not, phraseFirst, w0).find((p) => startsWithPhrase(words, i, p));
    // One word alone names a level only when typed with marks ("tinh" is also "tình", "tính").
    const hit = startingWith(levelWords.words, (w) => w.key.fold[0], w0).find(
      (w) => startsWithPhrase(words, i, w.key) && (w.key.fold.length > 1 || (words[i] as Word).exact != null),
    );
    if (not && (!hit || not.fold.length >= hit.key.fold.length)) {
      i += not.fold.length - 1;
      continue;
    }
    if (hit) {
      out.add(hit.level);
      i += hit.key.fold.length - 1;
    }
  }
  return [...out];
}

const NUM = /^\d{1,4}$/;
const DOC_NUMBER = /^(\d{1,4})\/(\d{4})(?:\/.*)?$/;

/** Removes citation words from the token stream, filling `ref`. */
function readReferences(tokens: Token[], ref: CitationRef): Token[] {
  const rest: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    const f = t.fold;
    let m: RegExpExecArray | null;
    const take = (n: number) => {
      for (let k = 0; k < n; k++) ref.words.push((tokens[i + k] as Token).fold);
      i += n - 1;
    };
    if ((m = DOC_NUMBER.exec(f)) && ref.docNumber == null) {
      ref.docNumber = Number(m[1]);
      ref.docYear = Number(m[2]);
      take(1);
    } else if ((m = /^nd(\d{1,4})$/.exec(f)) && ref.docNumber == null) {
      ref.docNumber = Number(m[1]);
      take(1);
    } else if (f === 'nd' && next && ref.docNumber == null && (NUM.test(next.fold) || DOC_NUMBER.test(next.fold))) {
      setDoc(ref, next.fold);
      take(2);
    } else if (f === 'nghi' && tokens[i + 1]?.fold === 'dinh' && tokens[i + 2] && ref.docNumber == null) {
      const n = tokens[i + 2] as Token;
      const so = n.fold === 'so' ? tokens[i + 3] : n;
      if (so && (NUM.test(so.fold) || DOC_NUMBER.test(so.fold))) {
        setDoc(ref, so.fold);
        take(so === n ? 3 : 4);
      } else rest.push(t);
    } else if ((m = /^(?:dieu|d)(\d{1,3})$/.exec(f)) && ref.article == null) {
      ref.article = Number(m[1]);
      take(1);
    } else if (f === 'dieu' && next && /^\d{1,3}$/.test(next.fold) && ref.article == null) {
      ref.article = Number(next.fold);
      take(2);
    } else if ((m = /^(?:khoan|k)(\d{1,3})$/.exec(f)) && ref.clause == null) {
      ref.clause = Number(m[1]);
      take(1);
    } else if (f === 'khoan' && next && /^\d{1,3}$/.test(next.fold) && ref.clause == null) {
      ref.clause = Number(next.fold);
      take(2);
    } else if (f === 'diem' && next && /^[a-zđ]$/.test(next.exact) && ref.point == null) {
      ref.point = next.exact;
      take(2);
    } else {
      rest.push(t);
    }
  }
  return rest;
}

function setDoc(ref: CitationRef, f: string): void {
  const m = DOC_NUMBER.exec(f);
  ref.docNumber = Number(m ? m[1] : f);
  ref.docYear = m ? Number(m[2]) : null;
}

function startsWithWords(words: Word[], at: number, key: string[]): boolean {
  if (at + key.length > words.length) return false;
  for (let k = 0; k < key.length; k++) if (words[at + k]?.fold !== key[k]) return false;
  return true;
}

/** An everyday word typed with its own marks (each word: exact as written; without marks only when `bare`). */
function typedAs(words: Word[], at: number, exact: string[], bare: boolean): boolean {
  return exact.every((e, k) => {
    const w = words[at + k] as Word;
    return w.exact == null ? bare || w.fold === e : w.exact === e;
  });
}

function expandAbbreviations(words: Word[], abbreviations: Abbreviation[], ambiguous: string[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const hit = startingWith(abbreviations, (a) => a.key[0], (words[i] as Word).fold).find(
      (a) => startsWithWords(words, i, a.key) && (a.exact == null || typedAs(words, i, a.exact, a.bare === true)),
    );
    if (!hit) {
      out.push(words[i] as Word);
      continue;
    }
    const last = (words[i + hit.key.length - 1] as Word).last;
    if (hit.ambiguous && hit.key.every((_k, k) => (words[i + k] as Word).exact == null)) ambiguous.push(...pairsOf(hit.key));
    for (let k = 0; k < hit.key.length; k++) out.push({ ...(words[i + k] as Word), optional: true, last: false });
    // The expansion is written with its marks: it means those words ("nhân dân", not "nhận dẫn").
    for (const t of tokenize(hit.expansion)) out.push({ fold: t.fold, exact: t.exact !== t.fold ? t.exact : null, expanded: true, last });
    i += hit.key.length - 1;
  }
  return out;
}

/** Question words go; but a query made only of them is kept as typed. */
function dropStopPhrases(words: Word[], stops: StopPhrases): Word[] {
  // Words spelled out from an abbreviation ("TTHC" → "thủ tục hành chính") are content.
  // A word typed with marks is that word: "cho hội" is not "cho hỏi", and alone too, "tội" is not "tôi", "hạ"
  // (tầng) not "hả": a content word, kept. Typed bare it may be the stop word, and goes. (Measured when lone
  // words were first matched by their marks: one procedure name, "Xóa đăng ký … kết cấu hạ tầng", whose first
  // hits are near misses either way, went from 1st to 9th; nothing else moved in any set.)
  const startsWith = (ws: Word[], at: number, key: StopPhrase) =>
    startsWithWords(ws, at, key) &&
    key.every((_k, j) => {
      const w = ws[at + j] as Word;
      return !w.expanded && !w.optional && (w.exact == null || w.exact === key.exact[j]);
    });
  // Phrases first ("như thế nào"), then what is only a question word at the edges ("… không").
  let out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const p = startingWith(stops.anywhere, (k) => k[0], (words[i] as Word).fold).find((s) => startsWith(words, i, s));
    if (p) i += p.length - 1;
    else out.push(words[i] as Word);
  }
  let changed = true;
  while (changed && out.length) {
    changed = false;
    const start = stops.start.find((p) => p.length < out.length && startsWith(out, 0, p));
    if (start) {
      out = out.slice(start.length);
      changed = true;
    }
    const end = stops.end.find((p) => p.length < out.length && startsWith(out, out.length - p.length, p));
    if (end) {
      out = out.slice(0, out.length - end.length);
      changed = true;
    }
  }
  return out.length ? out : words;
}
