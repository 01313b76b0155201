/** About area: where the national procedure records come from and how many are linked (the cross-check). */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { CrosscheckReport } from '../../../electron/api/contract';
import { api } from '../api/client';
import { errorMessage } from '../lib/errors';

export const useAboutStore = defineStore('about', () => {
  const crosscheck = shallowRef<CrosscheckReport | null>(null);
  const error = ref<string | null>(null);

  async function load(): Promise<void> {
    if (crosscheck.value) return;
    try {
      crosscheck.value = await api().crosscheck({});
      error.value = null;
    } catch (e) {
      error.value = errorMessage(e);
    }
  }

  return { crosscheck, error, load };
});
