/** Documents and statistics area: the 28 decrees and the register's counts. Loaded once. */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { Stats } from '../../../electron/api/contract';
import type { DocumentInfo } from '../../../electron/core/model';
import { api } from '../api/client';
import { localToday } from '../lib/dates';
import { errorMessage } from '../lib/errors';

/** "120/2025/NĐ-CP" → [120, 2025] for ordering by number. */
function numberKey(n: string): [number, number] {
  const m = /^(\d+)\/(\d{4})/.exec(n);
  return m ? [Number(m[2]), Number(m[1])] : [0, 0];
}

export const useDocumentsStore = defineStore('documents', () => {
  const documents = shallowRef<DocumentInfo[]>([]);
  const stats = shallowRef<Stats | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const loaded = ref(false);

  const sorted = computed(() =>
    [...documents.value].sort((a, b) => {
      const [ya, na] = numberKey(a.number);
      const [yb, nb] = numberKey(b.number);
      return ya - yb || na - nb || a.number.localeCompare(b.number, 'vi');
    }),
  );

  let pending: Promise<void> | null = null;

  function load(force = false): Promise<void> {
    if (loaded.value && !force) return Promise.resolve();
    pending ??= (async () => {
      loading.value = true;
      error.value = null;
      try {
        // Counts by status are for today: the browse page describes the knowledge base as it stands.
        const [docs, st] = await Promise.all([api().listDocuments({}), api().stats({ date: localToday() })]);
        documents.value = docs;
        stats.value = st;
        loaded.value = true;
      } catch (e) {
        error.value = errorMessage(e);
      } finally {
        loading.value = false;
        pending = null;
      }
    })();
    return pending;
  }

  return { documents, sorted, stats, loading, error, loaded, load };
});
