/**
 * The one API contract: request name → argument and result types.
 * Implemented by the core (api/handlers.ts), carried over IPC by the preload
 * and over HTTP by browser mode, and called by the renderer's stores.
 * Types only, no runtime imports: the renderer imports this file.
 */
import type {
  Bookmark,
  CrosscheckReport,
  DocumentDetail,
  HistoryEntry,
  RecordDetail,
  RecordListItem,
  SearchArgs,
  SearchResult,
  Stats,
} from '../core/results';
import type { DocumentInfo } from '../core/model';
import type { DataStatus, ImportOutcome, ImportPreview, PackCheck } from '../core/data-results';
import type { ErrorReportArgs, SavedFile } from '../core/report';

export * from '../core/results';
export type * from '../core/data-results';
export type { ErrorReportArgs, SavedFile } from '../core/report';

export interface Api {
  search: { args: SearchArgs; result: SearchResult };
  // The data screens (app, and browser mode on this machine only — never over LAN): a pack or a text
  // travels as base64 of the file the user picked; check/preview keep nothing, install/confirm do.
  dataStatus: { args: Record<string, never>; result: DataStatus };
  checkPack: { args: { fileName: string; data: string }; result: PackCheck };
  installPack: { args: { token: string }; result: DataStatus };
  restorePreviousData: { args: Record<string, never>; result: DataStatus };
  previewImport: { args: { fileName: string; data: string }; result: ImportPreview };
  confirmImport: { args: { token: string; replace: boolean }; result: ImportOutcome };
  getRecord: { args: { id: string; date?: string; province?: string | null }; result: RecordDetail | null };
  stats: { args: { date?: string }; result: Stats };
  listProvinces: { args: Record<string, never>; result: string[] };
  crosscheck: { args: Record<string, never>; result: CrosscheckReport };
  listDocuments: { args: Record<string, never>; result: DocumentInfo[] };
  getDocument: { args: { number: string; date?: string; province?: string | null }; result: DocumentDetail | null };
  listRecords: { args: { date?: string; province?: string | null }; result: RecordListItem[] };
  listBookmarks: { args: Record<string, never>; result: Bookmark[] };
  saveBookmark: { args: { recordId: string; note?: string }; result: Bookmark };
  removeBookmark: { args: { recordId: string }; result: { removed: boolean } };
  listHistory: { args: Record<string, never>; result: HistoryEntry[] };
  rememberSearch: { args: { q: string }; result: { ok: true } };
  clearHistory: { args: Record<string, never>; result: { cleared: number } };
  /**
   * What happened to the user's own data at start ("… bị hỏng, đã chuyển sang … và bắt đầu tệp mới"), once:
   * the first window to ask is told, later asks get null (the app shows it in a dialog of its own).
   */
  userDataNotice: { args: Record<string, never>; result: { notice: string | null } };
  /** "Báo sai sót": the app writes the report where the user chooses; browser mode returns it to download. */
  saveReport: { args: ErrorReportArgs; result: SavedFile };
  /** "Lưu PDF" of the page shown: the app prints it to a file; browser mode answers in-browser (print dialog). */
  savePdf: { args: { fileName: string }; result: SavedFile };
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

/**
 * Every request, by what its answer depends on — the one list the IPC and HTTP routers and the
 * server's answer cache read (a request missing here, or one too many, does not compile):
 * - 'kb': the knowledge-base file, the arguments and the day only (browser mode keeps these answers);
 * - 'data': the data screens (updates, imports; this machine only);
 * - 'user': the user's own data (bookmarks, history), never kept;
 * - 'file': a file the user saves.
 */
export const API_KINDS = {
  search: 'kb',
  dataStatus: 'data',
  checkPack: 'data',
  installPack: 'data',
  restorePreviousData: 'data',
  previewImport: 'data',
  confirmImport: 'data',
  getRecord: 'kb',
  stats: 'kb',
  listProvinces: 'kb',
  crosscheck: 'kb',
  listDocuments: 'kb',
  getDocument: 'kb',
  listRecords: 'kb',
  listBookmarks: 'user',
  saveBookmark: 'user',
  removeBookmark: 'user',
  listHistory: 'user',
  rememberSearch: 'user',
  clearHistory: 'user',
  userDataNotice: 'user',
  saveReport: 'file',
  savePdf: 'file',
} as const satisfies Record<ApiName, 'kb' | 'data' | 'user' | 'file'>;

/** Every request name, for the IPC and HTTP routers. */
export const API_NAMES = Object.keys(API_KINDS) as readonly ApiName[];
