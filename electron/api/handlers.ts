/**
 * The core's implementation of the API contract. Transport-free: the Electron
 * IPC layer and the browser-mode HTTP server both call these after validating.
 */
import type { ApiHandlers, Bookmark } from './contract';
import { UserFacingError } from './errors';
import { unavailableDataHandlers } from './data-handlers';
import type { KnowledgeBase } from '../core/kb/open';
import { UserDb, type BookmarkRow } from '../core/user/user-db';
import { UserDataUnavailable, UserStore } from '../core/user/user-store';
import { buildErrorReport } from '../core/report';

/**
 * `user` may be missing or off: search and every knowledge-base request work without it;
 * a bookmark or history request then answers why, in Vietnamese.
 * Saving files is the page's job here (`in-browser`); the Electron main wraps these two with its save dialogs.
 */
export function createApiHandlers(kb: KnowledgeBase, userData: UserStore | UserDb | null, opts: { appVersion?: string } = {}): ApiHandlers {
  const store = userData instanceof UserDb ? UserStore.over(userData) : userData;
  /** One user-data request; "off" and "damaged, moved aside" become messages for the user. */
  const withUser = <T>(fn: (db: UserDb) => T): T => {
    if (!store) throw new UserFacingError('Dữ liệu cá nhân (dấu trang, lịch sử tìm kiếm) không dùng được ở chế độ này; tra cứu vẫn hoạt động bình thường.');
    try {
      return store.use(fn);
    } catch (err) {
      if (err instanceof UserDataUnavailable) throw new UserFacingError(err.message);
      throw err;
    }
  };
  const user = {
    listBookmarks: () => withUser((u) => u.listBookmarks()),
    saveBookmark: (recordId: string, note: string | undefined) => withUser((u) => u.saveBookmark(recordId, note)),
    removeBookmark: (recordId: string) => withUser((u) => u.removeBookmark(recordId)),
    recentSearches: () => withUser((u) => u.recentSearches()),
    rememberSearch: (q: string) => withUser((u) => u.rememberSearch(q)),
    clearHistory: () => withUser((u) => u.clearHistory()),
  };
  const toBookmark = (row: BookmarkRow): Bookmark => {
    const record = kb.recordById(row.recordId);
    return { ...row, hit: record ? kb.hitOf(record) : null };
  };
  return {
    ...unavailableDataHandlers(), // the app and browser mode put the real ones over these (data-handlers.ts)
    search: (args) => kb.search(args),
    getRecord: ({ id, date, province }) => kb.getRecord(id, date, province),
    stats: (args) => kb.stats(args?.date),
    listProvinces: () => kb.listProvinces(),
    crosscheck: () => kb.crosscheck(),
    listDocuments: () => kb.listDocuments(),
    getDocument: ({ number, date, province }) => kb.getDocument(number, date, province),
    listRecords: ({ date, province }) => kb.listRecords(date, province),
    listBookmarks: () => user.listBookmarks().map(toBookmark),
    saveBookmark: ({ recordId, note }) => {
      if (!kb.recordById(recordId)) throw new UserFacingError('Không có bản ghi này trong cơ sở dữ liệu.');
      return toBookmark(user.saveBookmark(recordId, note));
    },
    removeBookmark: ({ recordId }) => ({ removed: user.removeBookmark(recordId) }),
    listHistory: () => user.recentSearches(),
    userDataNotice: () => ({ notice: store?.takeNotice() ?? null }),
    rememberSearch: ({ q }) => {
      user.rememberSearch(q);
      return { ok: true };
    },
    clearHistory: () => ({ cleared: user.clearHistory() }),
    saveReport: (args) => buildErrorReport(kb, args, opts.appVersion ?? ''),
    savePdf: ({ fileName }) => ({ status: 'in-browser', fileName }),
  };
}
