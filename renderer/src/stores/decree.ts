/** Decree reader area: one decree's outline and text on the day, with the records of each provision. */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { DocumentDetail } from '../../../electron/api/contract';
import { api } from '../api/client';
import { errorMessage } from '../lib/errors';
import { useSettingsStore } from './settings';

export const useDecreeStore = defineStore('decree', () => {
  const settings = useSettingsStore();
  const detail = shallowRef<DocumentDetail | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const notFound = ref(false);
  /** What the loaded detail was asked for: the same decree on the same day is not fetched again. */
  let loadedKey = '';
  let lastRequest = 0;

  async function load(number: string): Promise<void> {
    const ctx = settings.requestContext();
    const key = JSON.stringify([number, ctx.date, ctx.province]);
    if (key === loadedKey && detail.value) return;
    const req = ++lastRequest;
    if (detail.value?.document.number !== number) detail.value = null;
    loading.value = true;
    error.value = null;
    notFound.value = false;
    try {
      const d = await api().getDocument({ number, ...ctx });
      if (req !== lastRequest) return;
      detail.value = d;
      notFound.value = d === null;
      loadedKey = d ? key : '';
    } catch (e) {
      if (req !== lastRequest) return;
      detail.value = null;
      loadedKey = '';
      error.value = errorMessage(e);
    } finally {
      if (req === lastRequest) loading.value = false;
    }
  }

  return { detail, loading, error, notFound, load };
});
