/**
 * The core's implementation of the API contract. Transport-free: the Electron
 * IPC layer and the browser-mode HTTP server both call these after validating.
 */
import type { ApiHandlers, Bookmark } from './contract';
import { UserFacingError } from './errors';
import type { KnowledgeBase } from '../core/kb/open';
import type { BookmarkRow, UserDb } from '../core/user/user-db';

export function createApiHandlers(kb: KnowledgeBase, user: UserDb): ApiHandlers {
  const toBookmark = (row: BookmarkRow): Bookmark => {
    const record = kb.recordById(row.recordId);
    return { ...row, hit: record ? kb.hitOf(record) : null };
  };
  return {
    search: (args) => kb.search(args),
    getRecord: ({ id, date, province }) => kb.getRecord(id, date, province),
    stats: (args) => kb.stats(args?.date),
    listProvinces: () => kb.listProvinces(),
    listDocuments: () => kb.listDocuments(),
    listBookmarks: () => user.listBookmarks().map(toBookmark),
    saveBookmark: ({ recordId, note }) => {
      if (!kb.recordById(recordId)) throw new UserFacingError('Không có bản ghi này trong cơ sở dữ liệu.');
      return toBookmark(user.saveBookmark(recordId, note));
    },
    removeBookmark: ({ recordId }) => ({ removed: user.removeBookmark(recordId) }),
    listHistory: () => user.recentSearches(),
    rememberSearch: ({ q }) => {
      user.rememberSearch(q);
      return { ok: true };
    },
    clearHistory: () => ({ cleared: user.clearHistory() }),
  };
}
