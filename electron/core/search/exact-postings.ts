/**
 * Syllable pairs and exact-mark words: two fields looked up only by exact term
 * (no prefix, no fuzzy), so they do not need MiniSearch's radix tree. They are
 * kept as flat typed arrays that serialize to base64 and load in a few
 * milliseconds — they hold most of the distinct terms, and loading them into
 * MiniSearch made the saved index barely faster to load than to rebuild.
 */
import { holds, type Posting } from './postings';

export interface ExactPostings {
  index: Map<string, number>;
  offsets: Int32Array;
  ids: Int32Array;
  /** BM25 inverse document frequency of the term (each record counts a term once). */
  weights: Float32Array;
}

export interface SerializedExactPostings {
  terms: string[];
  offsets: string;
  ids: string;
  weights: string;
}

/** Terms of each record (positions = record positions) → postings, records ascending per term. */
export function buildExactPostings(termsPerDoc: ReadonlyArray<Iterable<string>>): ExactPostings {
  const byTerm = new Map<string, number[]>();
  termsPerDoc.forEach((terms, doc) => {
    for (const t of new Set(terms)) {
      const list = byTerm.get(t);
      if (list) list.push(doc);
      else byTerm.set(t, [doc]);
    }
  });
  const terms = [...byTerm.keys()].sort();
  const n = termsPerDoc.length;
  const offsets = new Int32Array(terms.length + 1);
  let total = 0;
  terms.forEach((t, i) => {
    offsets[i] = total;
    total += (byTerm.get(t) as number[]).length;
  });
  offsets[terms.length] = total;
  const ids = new Int32Array(total);
  const weights = new Float32Array(total);
  terms.forEach((t, i) => {
    const list = byTerm.get(t) as number[];
    const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
    list.forEach((doc, k) => {
      ids[(offsets[i] as number) + k] = doc;
      weights[(offsets[i] as number) + k] = idf;
    });
  });
  return { index: new Map(terms.map((t, i) => [t, i])), offsets, ids, weights };
}

export function exactPosting(p: ExactPostings, term: string): Posting {
  const i = p.index.get(term);
  if (i === undefined) return { ids: new Int32Array(0), weights: new Float32Array(0) };
  const from = p.offsets[i] as number;
  const to = p.offsets[i + 1] as number;
  return { ids: p.ids.subarray(from, to), weights: p.weights.subarray(from, to) };
}

/** Whether record `id` holds `term` (its postings are sorted). */
export function holdsExact(p: ExactPostings, term: string, id: number): boolean {
  return holds(exactPosting(p, term).ids, id);
}

const toBase64 = (a: Int32Array | Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');

function fromBase64<T extends Int32Array | Float32Array>(s: string, Ctor: { new (b: ArrayBuffer): T }): T {
  const buf = Buffer.from(s, 'base64');
  // Copy into an aligned buffer of its own (Buffer pools are not 4-byte aligned).
  const copy = new ArrayBuffer(buf.byteLength);
  new Uint8Array(copy).set(buf);
  return new Ctor(copy);
}

export function serializeExactPostings(p: ExactPostings): SerializedExactPostings {
  const terms: string[] = new Array(p.index.size);
  for (const [t, i] of p.index) terms[i] = t;
  return { terms, offsets: toBase64(p.offsets), ids: toBase64(p.ids), weights: toBase64(p.weights) };
}

export function loadExactPostings(s: SerializedExactPostings, docCount: number): ExactPostings {
  const offsets = fromBase64(s.offsets, Int32Array);
  const ids = fromBase64(s.ids, Int32Array);
  const weights = fromBase64(s.weights, Float32Array);
  if (offsets.length !== s.terms.length + 1 || ids.length !== weights.length || ids.some((id) => id < 0 || id >= docCount)) {
    throw new Error('Chỉ mục tìm kiếm bị hỏng (danh sách cặp âm tiết không hợp lệ); cần dựng lại chỉ mục.');
  }
  return { index: new Map(s.terms.map((t, i) => [t, i])), offsets, ids, weights };
}

const sortedTerms = new WeakMap<ExactPostings, string[]>();

/** Terms beginning with `prefix` (binary search over the sorted terms, built once per postings). */
export function exactCompletions(p: ExactPostings, prefix: string, max = 64): string[] {
  let terms = sortedTerms.get(p);
  if (!terms) {
    terms = [...p.index.keys()].sort();
    sortedTerms.set(p, terms);
  }
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((terms[mid] as string) < prefix) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < terms.length && out.length < max && (terms[i] as string).startsWith(prefix); i++) out.push(terms[i] as string);
  return out;
}
