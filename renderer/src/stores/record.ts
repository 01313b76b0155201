/**
 * Record detail area: one authority record with its clause, document and neighbours,
 * on the day and in the province of the settings store.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { RecordDetail } from '../../../electron/api/contract';
import { api } from '../api/client';
import { errorMessage } from '../lib/errors';
import { useSettingsStore } from './settings';

/** A procedure (TTHC) linked from a record, named for display. */
export interface ProcedureLink {
  id: string;
  title: string | null;
  holder: string | null;
  citationText: string | null;
}

export const useRecordStore = defineStore('record', () => {
  const settings = useSettingsStore();
  const id = ref<string | null>(null);
  const detail = shallowRef<RecordDetail | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  /** True when the server answered but has no record with this id. */
  const notFound = ref(false);

  /** Titles of the record's procedures: the contract gives ids only, so they are looked up. */
  const procedures = shallowRef<ProcedureLink[]>([]);

  let lastRequest = 0;

  async function loadProcedures(ids: string[], req: number): Promise<void> {
    const bare = ids.map((id) => ({ id, title: null, holder: null, citationText: null }));
    procedures.value = bare;
    if (!ids.length) return;
    const ctx = settings.requestContext();
    const found = await Promise.all(ids.map((id) => api().getRecord({ id, ...ctx }).catch(() => null)));
    if (req !== lastRequest) return;
    procedures.value = ids.map((id, i) => {
      const d = found[i];
      return d ? { id, title: d.record.title, holder: d.record.holder, citationText: d.citationText } : bare[i]!;
    });
  }

  async function load(recordId: string): Promise<void> {
    const req = ++lastRequest;
    id.value = recordId;
    if (detail.value?.record.id !== recordId) detail.value = null;
    loading.value = true;
    error.value = null;
    notFound.value = false;
    try {
      const d = await api().getRecord({ id: recordId, ...settings.requestContext() });
      if (req !== lastRequest) return;
      detail.value = d;
      notFound.value = d === null;
      void loadProcedures(d?.record.procedures ?? [], req);
    } catch (e) {
      if (req !== lastRequest) return;
      detail.value = null;
      error.value = errorMessage(e);
    } finally {
      if (req === lastRequest) loading.value = false;
    }
  }

  return { id, detail, procedures, loading, error, notFound, load };
});
