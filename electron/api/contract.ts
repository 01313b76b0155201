/**
 * The one API contract: request name → argument and result types.
 * Implemented by the core (api/handlers.ts), carried over IPC by the preload
 * and over HTTP by browser mode, and called by the renderer's stores.
 * Types only, no runtime imports: the renderer imports this file.
 */
import type {
  AuthorityRecord,
  Citation,
  DocumentInfo,
  HolderKind,
  Level,
  Mechanism,
  Provision,
  Role,
  SectorId,
  SourceStatus,
} from '../core/model';

export interface SearchFilters {
  sector?: SectorId[];
  level?: Level[];
  holderKind?: HolderKind[];
  role?: Role[];
  mechanism?: Mechanism[];
  document?: string[];
}

export interface SearchArgs {
  q: string;
  limit?: number;
  offset?: number;
  filters?: SearchFilters;
}

/** [start, end) character ranges in the string they belong to. */
export type Ranges = Array<[number, number]>;

export interface SearchHit {
  id: string;
  title: string;
  holder: string;
  level: Level;
  holderKind: HolderKind;
  role: Role;
  mechanism: Mechanism;
  sector: SectorId;
  formerHolder: string | null;
  citation: Citation;
  citationText: string;
  sourceStatus: SourceStatus;
  /** A later act may have changed this provision (see AuthorityRecord.caution). */
  caution: string | null;
  score: number;
  titleRanges: Ranges;
  /** A short stretch of the clause text around the match, when the text is loaded. */
  excerpt: string | null;
  excerptRanges: Ranges;
}

export interface SearchResult {
  q: string;
  total: number;
  hits: SearchHit[];
  /** "Có phải bạn muốn tìm …": set when the query looked like raw Telex/VNI or found nothing. */
  suggestion: string | null;
  /** Set when the query jumped straight to a provision ("nđ 120 điều 4"). */
  jump: Citation | null;
  /**
   * Typed words that the best hit does not contain. Non-empty means no record matches the whole
   * question: the UI must say so, because a near miss may name a different authority.
   */
  missingWords: string[];
  tookMs: number;
}

export interface RecordDetail {
  record: AuthorityRecord;
  citationText: string;
  document: DocumentInfo;
  /** The cited clause as the decree writes it; null when the text is not loaded in this build. */
  provision: Provision | null;
  /** Other records from the same article. */
  related: SearchHit[];
}

export interface Stats {
  documents: number;
  documentsWithText: number;
  records: number;
  bySector: Record<string, number>;
  byLevel: Record<string, number>;
  builtAt: string;
}

/** A user's bookmark. It outlives knowledge-base updates: hit is null when the record is gone. */
export interface Bookmark {
  recordId: string;
  note: string;
  createdAt: string;
  hit: SearchHit | null;
}

export interface HistoryEntry {
  query: string;
  lastUsed: string;
  uses: number;
}

export interface Api {
  search: { args: SearchArgs; result: SearchResult };
  getRecord: { args: { id: string }; result: RecordDetail | null };
  stats: { args: Record<string, never>; result: Stats };
  listDocuments: { args: Record<string, never>; result: DocumentInfo[] };
  listBookmarks: { args: Record<string, never>; result: Bookmark[] };
  saveBookmark: { args: { recordId: string; note?: string }; result: Bookmark };
  removeBookmark: { args: { recordId: string }; result: { removed: boolean } };
  listHistory: { args: Record<string, never>; result: HistoryEntry[] };
  rememberSearch: { args: { q: string }; result: { ok: true } };
  clearHistory: { args: Record<string, never>; result: { cleared: number } };
}

export type ApiName = keyof Api;

/** What the renderer calls: one async function per request. */
export type ApiClient = {
  [K in ApiName]: (args: Api[K]['args']) => Promise<Api[K]['result']>;
};

/** What the core implements (may be synchronous). */
export type ApiHandlers = {
  [K in ApiName]: (args: Api[K]['args']) => Api[K]['result'] | Promise<Api[K]['result']>;
};

/** Errors cross the boundary as a Vietnamese message, never a stack trace. */
export interface ApiError {
  error: string;
}

/** Every request name, for the IPC and HTTP routers. */
export const API_NAMES = [
  'search',
  'getRecord',
  'stats',
  'listDocuments',
  'listBookmarks',
  'saveBookmark',
  'removeBookmark',
  'listHistory',
  'rememberSearch',
  'clearHistory',
] as const satisfies readonly ApiName[];

// Compile-time check that API_NAMES lists every request of the contract.
type MissingNames = Exclude<ApiName, (typeof API_NAMES)[number]>;
export const API_NAMES_COMPLETE: MissingNames extends never ? true : never = true;
