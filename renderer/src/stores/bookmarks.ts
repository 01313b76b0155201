/**
 * Bookmarks area: records a user keeps at hand. Stored by the core (user DB),
 * so they survive knowledge-base rebuilds; a bookmark whose record is gone has hit null.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { Bookmark } from '../../../electron/api/contract';
import { api } from '../api/client';
import { errorMessage } from '../lib/errors';

export const useBookmarksStore = defineStore('bookmarks', () => {
  const items = shallowRef<Bookmark[]>([]);
  const loaded = ref(false);
  const loading = ref(false);
  const error = ref<string | null>(null);
  /** Record ids with a save/remove on its way (the button is disabled meanwhile). */
  const busy = ref<Set<string>>(new Set());

  const savedIds = computed(() => new Set(items.value.map((b) => b.recordId)));

  async function load(): Promise<void> {
    loading.value = true;
    try {
      items.value = await api().listBookmarks({});
      loaded.value = true;
      error.value = null;
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      loading.value = false;
    }
  }

  function isSaved(recordId: string): boolean {
    return savedIds.value.has(recordId);
  }

  async function toggle(recordId: string): Promise<void> {
    if (busy.value.has(recordId)) return;
    busy.value = new Set(busy.value).add(recordId);
    try {
      if (isSaved(recordId)) {
        await api().removeBookmark({ recordId });
        items.value = items.value.filter((b) => b.recordId !== recordId);
      } else {
        const b = await api().saveBookmark({ recordId });
        items.value = [b, ...items.value.filter((x) => x.recordId !== recordId)];
      }
      error.value = null;
    } catch (e) {
      error.value = errorMessage(e);
    } finally {
      const next = new Set(busy.value);
      next.delete(recordId);
      busy.value = next;
    }
  }

  /** Saves the note of a kept record; true when saved (the draft stays open on failure, nothing is lost). */
  async function saveNote(recordId: string, note: string): Promise<boolean> {
    try {
      const b = await api().saveBookmark({ recordId, note });
      items.value = items.value.map((x) => (x.recordId === recordId ? b : x));
      error.value = null;
      return true;
    } catch (e) {
      error.value = errorMessage(e);
      return false;
    }
  }

  return { items, loaded, loading, error, busy, isSaved, load, toggle, saveNote };
});
