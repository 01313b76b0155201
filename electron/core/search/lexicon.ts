/**
 * Query-time vocabularies kept as data (data/search/*.json): abbreviations and
 * question words. Compiled once into folded word sequences.
 */
import abbreviationsData from '../../../data/search/abbreviations.json';
import stopData from '../../../data/search/stop-phrases.json';
import { foldedWords } from '../text/tokenize';

export interface Abbreviation {
  /** Folded words of the abbreviation ("so", "do" for "sổ đỏ"). */
  key: string[];
  /** Original expansion text; tokenised by the query parser. */
  expansion: string;
}

export interface StopPhrases {
  anywhere: string[][];
  start: string[][];
  end: string[][];
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
      if (words.length) out.push({ key: words, expansion: e.expansion });
    }
  }
  return out.sort((a, b) => byLengthDesc(a.key, b.key));
}

export function compileStopPhrases(data: { anywhere: string[]; start: string[]; end: string[] }): StopPhrases {
  const compile = (list: string[]) =>
    list.map((p) => foldedWords(p)).filter((w) => w.length > 0).sort(byLengthDesc);
  return { anywhere: compile(data.anywhere), start: compile(data.start), end: compile(data.end) };
}

export const ABBREVIATIONS: Abbreviation[] = compileAbbreviations(abbreviationsData);
export const STOP_PHRASES: StopPhrases = compileStopPhrases(stopData);
