/**
 * History area: searches that led the user to open a record, kept by the core in
 * the user DB (never in the knowledge base), to run again with one click.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { HistoryEntry } from '../../../electron/api/contract';
import { api } from '../api/client';
import { errorMessage } from '../lib/errors';

export const useHistoryStore = defineStore('history', () => {
  const items = shallowRef<HistoryEntry[]>([]);
  const error = ref<string | null>(null);

  async function load(): Promise<void> {
    try {
      items.value = await api().listHistory({});
      error.value = null;
    } catch (e) {
      error.value = errorMessage(e);
    }
  }

  /** Called when a result is opened: that query answered something. Failing to save it must not disturb the user. */
  async function remember(q: string): Promise<void> {
    if (!q.trim()) return;
    try {
      await api().rememberSearch({ q });
    } catch {
      // history is a convenience; the record still opens
    }
  }

  async function clear(): Promise<void> {
    try {
      await api().clearHistory({});
      items.value = [];
      error.value = null;
    } catch (e) {
      error.value = errorMessage(e);
    }
  }

  return { items, error, load, remember, clear };
});
