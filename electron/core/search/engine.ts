/**
 * The in-memory search engine: a MiniSearch index over IndexDocs plus the small
 * tables the query planner needs (document frequencies for term ordering,
 * citation lookups for jumps, tie-break ranks). Built once, or loaded from JSON.
 */
import MiniSearch from 'minisearch';
import { MINISEARCH_OPTIONS, SEARCH_INDEX_VERSION, toIndexDoc, type IndexDoc, type SearchDoc } from './fields';
import { PostingReader } from './postings';
import {
  buildExactPostings,
  loadExactPostings,
  serializeExactPostings,
  type ExactPostings,
  type SerializedExactPostings,
} from './exact-postings';

export interface SearchEngine {
  ms: MiniSearch<IndexDoc>;
  docs: SearchDoc[];
  /** Syllable pairs "dang_ki" of name, holder and clause, per record. */
  pairs: ExactPostings;
  /** Words written with marks, exact form, per record. */
  marks: ExactPostings;
  /** Weighted postings compiled from the MiniSearch index on first use. */
  postings: PostingReader;
  /** Per-query scratch (reset after each query): score and matched-word count per record. */
  acc: Float64Array;
  count: Uint8Array;
  /** Query syllable pairs a record holds adjacent + words typed WITH marks it matches exactly: ranks before the score. */
  tier: Uint8Array;
  /** Per-query scratch: 1 for records still in the answer (reset after each query). */
  alive: Uint8Array;
  /** Position of each record in id order: ties are broken by record id. */
  idRank: Int32Array;
  /** Record id → position: per-query lookups without a scan. */
  positionOf: Map<string, number>;
  /** 1 for a record cited by an annex (a procedure), not by an article: read per candidate, so kept flat. */
  isAnnex: Uint8Array;
  /** Record positions per document number, for citation jumps. */
  byDocument: Map<string, number[]>;
  /** "120/2025" and "120" → "120/2025/NĐ-CP". */
  documentKeys: Map<string, string>;
  /** Cached masks of allowed records per filter combination. */
  filterMasks: Map<string, Uint8Array>;
  /** Cached results per (query, filters); cleared by the bench to measure cold queries. */
  resultCache: Map<string, unknown>;
  useCache: boolean;
}

interface SerializedIndex {
  kind: 'tra-cuu-search-index';
  version: number;
  ids: string[];
  minisearch: unknown;
  pairs: SerializedExactPostings;
  marks: SerializedExactPostings;
}

function assemble(ms: MiniSearch<IndexDoc>, docs: SearchDoc[], pairs: ExactPostings, marks: ExactPostings): SearchEngine {
  const order = docs.map((_d, i) => i).sort((a, b) => {
    const x = (docs[a] as SearchDoc).record.id;
    const y = (docs[b] as SearchDoc).record.id;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const idRank = new Int32Array(docs.length);
  order.forEach((docIndex, rank) => (idRank[docIndex] = rank));
  const documentKeys = new Map<string, string>();
  const byDocument = new Map<string, number[]>();
  docs.forEach((d, i) => {
    const list = byDocument.get(d.record.citation.document);
    if (list) list.push(i);
    else byDocument.set(d.record.citation.document, [i]);
  });
  for (const d of docs) {
    const number = d.record.citation.document;
    const m = /^(\d{1,4})\/(\d{4})/.exec(number);
    if (!m) continue;
    documentKeys.set(`${Number(m[1])}/${m[2]}`, number);
    if (!documentKeys.has(String(Number(m[1])))) documentKeys.set(String(Number(m[1])), number);
  }
  return {
    ms,
    docs,
    pairs,
    marks,
    postings: new PostingReader(ms as MiniSearch<unknown>, docs.length),
    acc: new Float64Array(docs.length),
    count: new Uint8Array(docs.length),
    tier: new Uint8Array(docs.length),
    alive: new Uint8Array(docs.length),
    idRank,
    positionOf: new Map(docs.map((d, i) => [d.record.id, i])),
    isAnnex: Uint8Array.from(docs, (d) => (d.record.citation.article == null ? 1 : 0)),
    byDocument,
    documentKeys,
    filterMasks: new Map(),
    resultCache: new Map(),
    useCache: true,
  };
}

export function buildSearchIndex(docs: SearchDoc[]): SearchEngine {
  const indexDocs = docs.map(toIndexDoc);
  const ms = new MiniSearch<IndexDoc>(MINISEARCH_OPTIONS);
  ms.addAll(indexDocs);
  const split = (s: string) => (s ? s.split(' ') : []);
  return assemble(
    ms,
    docs,
    buildExactPostings(indexDocs.map((d) => split(d.pairs))),
    buildExactPostings(indexDocs.map((d) => split(d.marks))),
  );
}

export function serializeSearchIndex(engine: SearchEngine): string {
  const out: SerializedIndex = {
    kind: 'tra-cuu-search-index',
    version: SEARCH_INDEX_VERSION,
    ids: engine.docs.map((d) => d.record.id),
    minisearch: engine.ms.toJSON(),
    pairs: serializeExactPostings(engine.pairs),
    marks: serializeExactPostings(engine.marks),
  };
  return JSON.stringify(out);
}

/**
 * Loads a serialized index for the given records. The records may come in any
 * order; they must be the same set the index was built from.
 */
export function loadSearchIndex(json: string, docs: SearchDoc[]): SearchEngine {
  let parsed: Partial<SerializedIndex>;
  try {
    parsed = JSON.parse(json) as Partial<SerializedIndex>;
  } catch {
    throw new Error('Chỉ mục tìm kiếm bị hỏng (không đọc được JSON); cần dựng lại chỉ mục.');
  }
  if (parsed?.kind !== 'tra-cuu-search-index') {
    throw new Error('Tệp không phải chỉ mục tìm kiếm của Tra cứu thẩm quyền; cần dựng lại chỉ mục.');
  }
  if (parsed.version !== SEARCH_INDEX_VERSION) {
    throw new Error(
      `Chỉ mục tìm kiếm phiên bản ${String(parsed.version)} không khớp phiên bản ${SEARCH_INDEX_VERSION} của chương trình; cần dựng lại chỉ mục.`,
    );
  }
  const ids = parsed.ids ?? [];
  const byId = new Map(docs.map((d) => [d.record.id, d]));
  if (ids.length !== docs.length || ids.some((id) => !byId.has(id))) {
    throw new Error('Chỉ mục tìm kiếm không khớp dữ liệu hiện có (số bản ghi hoặc mã bản ghi khác); cần dựng lại chỉ mục.');
  }
  // Internal ids are positions in the build order: put the records back in that order.
  const ordered = ids.map((id) => byId.get(id) as SearchDoc);
  const ms = MiniSearch.loadJS<IndexDoc>(parsed.minisearch as Parameters<typeof MiniSearch.loadJS>[0], MINISEARCH_OPTIONS);
  if (!parsed.pairs || !parsed.marks) throw new Error('Chỉ mục tìm kiếm thiếu phần cặp âm tiết; cần dựng lại chỉ mục.');
  return assemble(ms, ordered, loadExactPostings(parsed.pairs, docs.length), loadExactPostings(parsed.marks, docs.length));
}
