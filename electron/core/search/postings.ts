/**
 * Compiled posting lists read from the MiniSearch index.
 *
 * Why: MiniSearch scores a term one result object at a time (≈3–5 µs per
 * matching record); a syllable like "cấp" or "dân" matches a third of the
 * register, so one keystroke costs several milliseconds. The index, the radix
 * tree (prefix and fuzzy expansion) and the BM25 formula stay MiniSearch's; we
 * only turn each term's postings, on first use, into two typed arrays (record,
 * weight) with the field boosts and BM25 already applied, and intersect those.
 * The reading of MiniSearch's fields is kept in this one file and checked at
 * load (`assertInternals`), so a MiniSearch upgrade that changes them fails loudly.
 */
import type MiniSearch from 'minisearch';

type FieldData = Map<number, Map<number, number>>;

interface RadixMap {
  get(key: string): FieldData | undefined;
  atPrefix(prefix: string): Iterable<[string, FieldData]>;
  fuzzyGet(key: string, maxDistance: number): Map<string, [FieldData, number]>;
}

interface Internals {
  _index: RadixMap;
  _documentIds: Map<number, unknown>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _fieldIds: Record<string, number>;
  _documentCount: number;
}

/** Records (positions in the SearchDoc array) and their weights, records ascending. */
export interface Posting {
  ids: Int32Array;
  weights: Float32Array;
}

/** Sorted posting ids hold `id`? */
export function holds(ids: Int32Array, id: number): boolean {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid] as number;
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

export const EMPTY_POSTING: Posting = { ids: new Int32Array(0), weights: new Float32Array(0) };

const MAX_MERGED = 2000;

/** MiniSearch's default BM25+ parameters (k, b, d). */
const K = 1.2;
const B = 0.7;
const D = 0.5;

export function assertInternals(ms: MiniSearch<unknown>): Internals {
  const i = ms as unknown as Partial<Internals>;
  const ok =
    i._index && typeof i._index.get === 'function' && typeof i._index.atPrefix === 'function' &&
    typeof i._index.fuzzyGet === 'function' && i._documentIds instanceof Map && i._fieldLength instanceof Map &&
    Array.isArray(i._avgFieldLength) && i._fieldIds && typeof i._documentCount === 'number';
  if (!ok) throw new Error('MiniSearch đã thay đổi cấu trúc chỉ mục nội bộ: cần cập nhật electron/core/search/postings.ts.');
  return i as Internals;
}

/** Turns term postings into weighted typed arrays, once per (field group, term). */
export class PostingReader {
  private readonly internals: Internals;
  /** shortId (MiniSearch) → record position. */
  private readonly docOf: Int32Array;
  /** Per field id: length of that field in each record position. */
  private readonly lengths: Float32Array[];
  private readonly cache = new Map<string, Posting>();
  /** Prefix and fuzzy unions: one per distinct prefix typed, so bounded (cleared when full). */
  private readonly mergedCache = new Map<string, Posting>();
  private readonly fuzzyCache = new Map<string, Array<[string, FieldData, number]>>();
  private readonly scratch: Float64Array;
  private readonly seen: Uint8Array;

  constructor(ms: MiniSearch<unknown>, private readonly docCount: number) {
    this.internals = assertInternals(ms);
    const { _documentIds, _fieldLength, _fieldIds } = this.internals;
    let maxShort = 0;
    for (const shortId of _documentIds.keys()) maxShort = Math.max(maxShort, shortId);
    this.docOf = new Int32Array(maxShort + 1).fill(-1);
    for (const [shortId, id] of _documentIds) this.docOf[shortId] = Number(id);
    const nFields = Object.keys(_fieldIds).length;
    this.lengths = Array.from({ length: nFields }, () => new Float32Array(docCount));
    for (const [shortId, lens] of _fieldLength) {
      const doc = this.docOf[shortId] as number;
      lens.forEach((len, f) => ((this.lengths[f] as Float32Array)[doc] = len));
    }
    this.scratch = new Float64Array(docCount);
    this.seen = new Uint8Array(docCount);
  }

  /** Weighted postings of one exact term over the given fields (boost per field name). */
  posting(term: string, boosts: Record<string, number>, group: string, data?: FieldData): Posting {
    const key = group + '\u0000' + term;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const fieldData = data ?? this.internals._index.get(term);
    const posting = fieldData ? this.compile(fieldData, boosts) : EMPTY_POSTING;
    this.cache.set(key, posting);
    return posting;
  }

  /** Sum of several postings with weights (prefix completions, fuzzy neighbours), cached under `key`. */
  merged(key: string, parts: () => ReadonlyArray<readonly [Posting, number]>): Posting {
    const cached = this.mergedCache.get(key);
    if (cached) return cached;
    const touched: number[] = [];
    for (const [p, w] of parts()) {
      for (let i = 0; i < p.ids.length; i++) {
        const doc = p.ids[i] as number;
        if (!this.seen[doc]) {
          this.seen[doc] = 1;
          this.scratch[doc] = 0;
          touched.push(doc);
        }
        this.scratch[doc] = (this.scratch[doc] as number) + w * (p.weights[i] as number);
      }
    }
    const out = this.finish(touched);
    if (this.mergedCache.size >= MAX_MERGED) this.mergedCache.clear();
    this.mergedCache.set(key, out);
    return out;
  }

  /** Index terms starting with `prefix` (the term itself included), with their data. */
  completions(prefix: string): Array<[string, FieldData]> {
    return [...this.internals._index.atPrefix(prefix)];
  }

  /** Index terms within `distance` edits of `term` (cached: the radix walk is the costly part). */
  fuzzy(term: string, distance: number): Array<[string, FieldData, number]> {
    const key = `${distance}\u0000${term}`;
    let near = this.fuzzyCache.get(key);
    if (!near) {
      near = [...this.internals._index.fuzzyGet(term, distance)].map(([t, [d, dist]]) => [t, d, dist] as [string, FieldData, number]);
      if (this.fuzzyCache.size >= MAX_MERGED) this.fuzzyCache.clear();
      this.fuzzyCache.set(key, near);
    }
    return near;
  }

  private compile(fieldData: FieldData, boosts: Record<string, number>): Posting {
    const { _fieldIds, _avgFieldLength, _documentCount } = this.internals;
    const touched: number[] = [];
    for (const [field, boost] of Object.entries(boosts)) {
      const fieldId = _fieldIds[field];
      if (fieldId === undefined) continue;
      const freqs = fieldData.get(fieldId);
      if (!freqs) continue;
      const idf = Math.log(1 + (_documentCount - freqs.size + 0.5) / (freqs.size + 0.5));
      const avg = _avgFieldLength[fieldId] || 1;
      const lengths = this.lengths[fieldId] as Float32Array;
      for (const [shortId, tf] of freqs) {
        const doc = this.docOf[shortId];
        if (doc === undefined || doc < 0) continue;
        const len = lengths[doc] as number;
        const score = idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * len) / avg)));
        if (!this.seen[doc]) {
          this.seen[doc] = 1;
          this.scratch[doc] = 0;
          touched.push(doc);
        }
        this.scratch[doc] = (this.scratch[doc] as number) + boost * score;
      }
    }
    return this.finish(touched);
  }

  private finish(touched: number[]): Posting {
    touched.sort((a, b) => a - b);
    const ids = Int32Array.from(touched);
    const weights = new Float32Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const doc = ids[i] as number;
      weights[i] = this.scratch[doc] as number;
      this.seen[doc] = 0;
    }
    return { ids, weights };
  }
}
