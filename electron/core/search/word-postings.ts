/**
 * The posting list of one query word: the exact word; while it is being typed,
 * the union of its completions; when it exists nowhere, its one-edit neighbours
 * (long words only) at a low weight. Weights follow MiniSearch's prefix/fuzzy rules.
 */
import { FIELD_BOOST } from './fields';
import type { SearchEngine } from './engine';
import type { Highlighter } from './hits';
import type { Posting } from './postings';
import type { QueryTerm } from './query';

/** Fuzzy matching only for words this long: short syllables explode ("cap" ~ "cao", "cac", "cam" …). */
export const FUZZY_MIN_LENGTH = 4;
/** The word being typed is matched as a prefix from this length (one letter matches half the vocabulary). */
export const PREFIX_MIN_LENGTH = 2;
const PREFIX_WEIGHT = 0.6;
const FUZZY_WEIGHT = 0.2;

/** Posting of a word as typed: exact, prefix completions while typing, fuzzy as a last resort. */
export function wordPosting(engine: SearchEngine, term: QueryTerm, h: Highlighter): Posting {
  const reader = engine.postings;
  const exact = reader.posting(term.fold, FIELD_BOOST, 's');
  if (term.partial && term.fold.length >= PREFIX_MIN_LENGTH) {
    return reader.merged(`p\u0000${term.fold}`, () =>
      reader.completions(term.fold).map(([t, data]) => {
        const distance = t.length - term.fold.length;
        const weight = distance === 0 ? 1 : (PREFIX_WEIGHT * t.length) / (t.length + 0.3 * distance);
        return [reader.posting(t, FIELD_BOOST, 's', data), weight] as const;
      }),
    );
  }
  if (exact.ids.length > 0 || term.fold.length < FUZZY_MIN_LENGTH) return exact;
  const near = reader.fuzzy(term.fold, 1).filter(([, , d]) => d > 0);
  for (const [t] of near) h.whole.add(t);
  return reader.merged(`f\u0000${term.fold}`, () =>
    near.map(([t, data, d]) => [reader.posting(t, FIELD_BOOST, 's', data), (FUZZY_WEIGHT * t.length) / (t.length + d)] as const),
  );
}

