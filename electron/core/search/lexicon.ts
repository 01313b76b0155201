/**
 * Query-time vocabularies kept as data (data/search/*.json): abbreviations and
 * question words. Compiled once into folded word sequences.
 */
import abbreviationsData from '../../../data/search/abbreviations.json';
import documentsData from '../../../data/documents.json';
import everydayData from '../../../data/search/everyday-words.json';
import fillerData from '../../../data/search/filler-words.json';
import levelData from '../../../data/search/level-words.json';
import stopData from '../../../data/search/stop-phrases.json';
import type { Level } from '../model';
import { foldedWords, tokenize } from '../text/tokenize';

export interface Abbreviation {
  /** Folded words of the abbreviation ("so", "do" for "sổ đỏ"). */
  key: string[];
  /** Original expansion text; tokenised by the query parser. */
  expansion: string;
  /**
   * An everyday word (data/search/everyday-words.json), not an abbreviation: its words must be typed with
   * these marks ("dừng", never "dụng"), unless `bare` (the folded phrase means nothing else).
   */
  exact?: string[];
  bare?: boolean;
  /** Words of the language ("sổ đỏ"): typed bare, they may be another phrase folding alike ("sơ đồ"). */
  ambiguous?: boolean;
}

/** A stop phrase: its folded words, and the words as written (a word typed with marks must match them). */
export type StopPhrase = string[] & { exact: readonly string[] };

export interface StopPhrases {
  anywhere: StopPhrase[];
  start: StopPhrase[];
  end: StopPhrase[];
}

function byLengthDesc<T extends { length: number }>(a: T, b: T): number {
  return b.length - a.length;
}

export function compileAbbreviations(data: { entries: Array<{ abbr: string[]; expansion: string }> }): Abbreviation[] {
  const out: Abbreviation[] = [];
  for (const e of data.entries) {
    for (const a of e.abbr) {
      // "NĐ-CP", "BNN&MT": the key is the letters run together, as people type them.
      const words = foldedWords(a.replace(/[-&]/g, ''));
      if (!words.length) continue;
      // An everyday name written as words ("sổ đỏ", "sổ hồng"), not capitals: typed with marks it must carry
      // its own ("sơ đồ" is no "sổ đỏ"); typed bare it may be it, or another phrase folding alike (`ambiguous`).
      const t = a === a.toUpperCase() ? null : tokenize(a);
      if (t && t.length === words.length) out.push({ key: words, expansion: e.expansion, exact: t.map((x) => x.exact), bare: true, ambiguous: true });
      else out.push({ key: words, expansion: e.expansion });
    }
  }
  return out.sort((a, b) => byLengthDesc(a.key, b.key));
}

export function compileStopPhrases(data: { anywhere: string[]; start: string[]; end: string[] }): StopPhrases {
  const compile = (list: string[]) =>
    list
      .map((p) => {
        const t = tokenize(p);
        return Object.assign(
          t.map((x) => x.fold),
          { exact: t.map((x) => x.exact) },
        ) as StopPhrase;
      })
      .filter((w) => w.length > 0)
      .sort(byLengthDesc);
  return { anywhere: compile(data.anywhere), start: compile(data.start), end: compile(data.end) };
}

/** Everyday words → the texts' words ("dừng" → "ngừng", "công nhân" → "người lao động"), matched by their marks. */
export function compileEverydayWords(data: { entries: Array<{ abbr: string[]; expansion: string; bare?: boolean }> }): Abbreviation[] {
  const out: Abbreviation[] = [];
  for (const e of data.entries) {
    for (const a of e.abbr) {
      const t = tokenize(a);
      if (t.length) out.push({ key: t.map((x) => x.fold), exact: t.map((x) => x.exact), expansion: e.expansion, bare: e.bare === true });
    }
  }
  return out;
}

export const ABBREVIATIONS: Abbreviation[] = [...compileAbbreviations(abbreviationsData), ...compileEverydayWords(everydayData)].sort((a, b) =>
  byLengthDesc(a.key, b.key),
);
export const STOP_PHRASES: StopPhrases = compileStopPhrases(stopData);

/**
 * Filler: words of a question about authority that tell records apart almost not at all. Two sources:
 * the curated phrases of data/search/filler-words.json, and runs of three or more words whose every
 * adjacent pair is common to the titles of the batch's decrees (`TITLE_PAIR_SHARE` of them): the
 * titles' boilerplate ("trong lĩnh vực quản lý nhà nước", "chính quyền địa phương 02 cấp").
 */
export interface Fillers {
  phrases: Phrase[];
  /** Function words ("của", "đối với"): not required, but they score and pair like any word. */
  functionWords: Phrase[];
  /**
   * Folded function words that count as such even typed without marks, alone: the light verbs of an
   * everyday question ("ra quyết định", "xin giấy phép", "xem hồ sơ"), which the records seldom write.
   */
  bareFunction: Set<string>;
  /** Phrases in which a function word is content ("nhà ở", "đất ở"): it stays required there. */
  functionNot: Phrase[];
  /** Folded adjacent pairs "a b" common to the decree titles. */
  titlePairs: Set<string>;
}

export const TITLE_PAIR_SHARE = 0.4;
/** A derived run needs this many words: two common words alone ("quản lý") may be the task itself. */
export const TITLE_RUN_MIN = 3;

export function compileFillers(
  data: { phrases: string[]; function?: string[]; functionBare?: string[]; functionNot?: string[] },
  titles: string[],
): Fillers {
  const counts = new Map<string, number>();
  for (const t of titles) {
    const w = foldedWords(t);
    const seen = new Set<string>();
    for (let i = 0; i + 1 < w.length; i++) seen.add(`${w[i]} ${w[i + 1]}`);
    for (const p of seen) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const titlePairs = new Set([...counts].filter(([, n]) => titles.length > 0 && n / titles.length >= TITLE_PAIR_SHARE).map(([p]) => p));
  const phrases = data.phrases.map(phraseOf).filter((p) => p.fold.length > 0).sort((a, b) => b.fold.length - a.fold.length);
  const functionWords = (data.function ?? []).map(phraseOf).filter((p) => p.fold.length > 0).sort((a, b) => b.fold.length - a.fold.length);
  const bareFunction = new Set((data.functionBare ?? []).flatMap((w) => phraseOf(w).fold));
  const functionNot = (data.functionNot ?? []).map(phraseOf).filter((p) => p.fold.length > 1);
  return { phrases, functionWords, bareFunction, functionNot, titlePairs };
}

/**
 * Level words: "xã", "Sở", "Bộ trưởng" in a question name the level of the holder asked about, and
 * decide between sister decrees (phân định at the commune, phân cấp to the province). Words that only
 * look like one ("xã hội", "cơ sở", "cán bộ") are listed as exceptions.
 */
export interface LevelWords {
  words: Array<{ key: Phrase; level: Level }>;
  /** Phrases containing a level word that do not name a level. */
  not: Phrase[];
}

/**
 * A phrase of the vocabularies, folded and exact: a word the user typed WITH marks matches only its
 * exact form ("tình" is not "tỉnh"); a word typed without marks matches the folded form.
 */
export interface Phrase {
  fold: string[];
  exact: string[];
}

export function phraseOf(text: string): Phrase {
  const t = tokenize(text);
  return { fold: t.map((x) => x.fold), exact: t.map((x) => x.exact) };
}

export function compileLevelWords(data: { levels: Record<string, string[]>; not: string[] }): LevelWords {
  const words: LevelWords['words'] = [];
  for (const [level, list] of Object.entries(data.levels)) {
    for (const p of list) {
      const key = phraseOf(p);
      if (key.fold.length) words.push({ key, level: level as Level });
    }
  }
  words.sort((a, b) => b.key.fold.length - a.key.fold.length);
  const not = data.not.map(phraseOf).filter((p) => p.fold.length > 0).sort((a, b) => b.fold.length - a.fold.length);
  return { words, not };
}

const batchTitles = (documentsData as Array<{ title: string; inBatch?: boolean }>).filter((d) => d.inBatch).map((d) => d.title);
export const FILLERS: Fillers = compileFillers(fillerData, batchTitles);
export const LEVEL_WORDS: LevelWords = compileLevelWords(levelData);
