/**
 * What the MiniSearch index sees. Each field holds pre-normalised words joined
 * by spaces, so build and load share ONE options constant and the query side
 * passes words that are already folded (no second tokenizer to drift).
 */
import type { AuthorityRecord } from '../model';
import { tokenize, type Token } from '../text/tokenize';
import { matchForm } from '../legal/text';

export interface SearchDoc {
  record: AuthorityRecord;
  provisionText: string | null;
  documentTitle: string;
  /** Heading of the cited article (or annex item) and the chapter, section, annex part above it. */
  headings?: string[];
  /**
   * National procedure records linked to this power (code, name): shown under it, never indexed — the
   * procedure-name quality test asks those very names, so indexing them would let it find its own key.
   */
  national?: Array<{ code: string; name: string }>;
}

/** Bump whenever fields, options or the normaliser change: a stale index must not load. */
export const SEARCH_INDEX_VERSION = 6;

/** Internal document: `id` is the position in the SearchDoc array given to build/load. */
export interface IndexDoc {
  id: number;
  /** Title and everyday names (aliases), folded. */
  name: string;
  /** Holder as the decree names it, folded. */
  holder: string;
  /** The cited clause and the former holder, folded. */
  text: string;
  /** Article heading and the chapter / section / annex part headings above the provision, folded. */
  heading: string;
  /** Adjacent folded syllable pairs "dang_ki" of name, holder and clause: adjacency ranks higher. */
  pairs: string;
  /** Words written with marks, exact form: "má" outranks "ma" when the user typed marks. */
  marks: string;
}

/** The document title is not searched: its words ("cấp", "thẩm quyền") would match every record of a decree. */
export const SYLLABLE_FIELDS = ['name', 'holder', 'heading', 'text'] as const;
/**
 * BM25F-style field weights. A heading ("Quản lý chợ") names the task of every clause under it, so it
 * weighs more than a clause's running text but less than the record's own name.
 */
export const FIELD_BOOST: Record<string, number> = { name: 4, holder: 1.5, heading: 0.3, text: 1 };

const splitWords = (s: string): string[] => (s ? s.split(' ') : []);

export const MINISEARCH_OPTIONS = {
  idField: 'id',
  // Pairs and marks are looked up by exact term only: kept outside MiniSearch (exact-postings.ts).
  fields: ['name', 'holder', 'heading', 'text'],
  storeFields: [] as string[],
  tokenize: splitWords,
  processTerm: (term: string): string | null => term || null,
  searchOptions: { combineWith: 'OR' as const },
};

export const PAIR_JOINER = '_';

/** Searchable text of a provision: the sources' glued words split (the stored text is untouched). */
function readable(text: string): string {
  return matchForm(text);
}

export function toIndexDoc(doc: SearchDoc, id: number): IndexDoc {
  const r = doc.record;
  const nameParts = [r.title, ...(r.aliases ?? [])].map((s) => tokenize(s, { splitGlued: true }));
  const textParts = [doc.provisionText ? readable(doc.provisionText) : '', r.formerHolder ?? ''].map((s) =>
    tokenize(s, { splitGlued: true }),
  );
  const pairs = new Set<string>();
  const marks = new Set<string>();
  const holderWords = tokenize(r.holder);
  const headingParts = (doc.headings ?? []).map((s) => tokenize(readable(s), { splitGlued: true }));
  for (const part of [...nameParts, holderWords, ...headingParts, ...textParts]) {
    for (let i = 0; i < part.length; i++) {
      const t = part[i] as Token;
      if (t.exact !== t.fold) marks.add(t.exact);
    }
  }
  // Pairs are not taken from headings: every clause of an article shares its heading, so a heading pair
  // would lift them all a tier together and hide the one clause that names the task.
  for (const part of [...nameParts, holderWords, ...textParts]) {
    for (let i = 0; i + 1 < part.length; i++) pairs.add((part[i] as Token).fold + PAIR_JOINER + (part[i + 1] as Token).fold);
  }
  return {
    id,
    name: nameParts.flat().map((t) => t.fold).join(' '),
    holder: holderWords.map((t) => t.fold).join(' '),
    text: textParts.flat().map((t) => t.fold).join(' '),
    heading: headingParts.flat().map((t) => t.fold).join(' '),
    pairs: [...pairs].join(' '),
    marks: [...marks].join(' '),
  };
}

/** Syllable pairs of a folded word sequence, as indexed. */
export function pairsOf(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) out.push(words[i] + PAIR_JOINER + words[i + 1]);
  return out;
}
