/** Bookmarks store over an in-memory fake of the user DB side of the contract. */
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient, Bookmark } from '../../../electron/api/contract';
import { setApiClient } from '../../../renderer/src/api/client';
import { useBookmarksStore } from '../../../renderer/src/stores/bookmarks';

let saved: Bookmark[];

beforeEach(() => {
  setActivePinia(createPinia());
  saved = [];
  const fake: Partial<ApiClient> = {
    listBookmarks: async () => [...saved],
    saveBookmark: async ({ recordId }) => {
      if (recordId === 'gone') throw new Error('Không có bản ghi này trong cơ sở dữ liệu.');
      const b: Bookmark = { recordId, note: '', createdAt: '2025-11-22T00:00:00Z', hit: null };
      saved = [b, ...saved.filter((x) => x.recordId !== recordId)];
      return b;
    },
    removeBookmark: async ({ recordId }) => {
      const before = saved.length;
      saved = saved.filter((x) => x.recordId !== recordId);
      return { removed: saved.length < before };
    },
  };
  setApiClient(fake as ApiClient);
});
afterEach(() => setApiClient(null));

describe('bookmarks store', () => {
  it('saves, reports saved, and removes on a second toggle', async () => {
    const s = useBookmarksStore();
    await s.load();
    expect(s.isSaved('r1')).toBe(false);
    await s.toggle('r1');
    expect(s.isSaved('r1')).toBe(true);
    expect(saved.map((b) => b.recordId)).toEqual(['r1']);
    await s.toggle('r1');
    expect(s.isSaved('r1')).toBe(false);
    expect(saved).toEqual([]);
  });

  it('keeps the list and shows the message when saving fails', async () => {
    const s = useBookmarksStore();
    await s.toggle('r1');
    await s.toggle('gone');
    expect(s.error).toBe('Không có bản ghi này trong cơ sở dữ liệu.');
    expect(s.items.map((b) => b.recordId)).toEqual(['r1']);
    expect(s.busy.size).toBe(0);
  });
});
