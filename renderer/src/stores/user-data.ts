/**
 * User-data area: what happened to the user's own file at start (a damaged one moved aside, a fresh one
 * begun) — said once, in plain words, until the user has read it. The app's window also says it in a
 * dialog; browser mode has only this.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api } from '../api/client';

export const useUserDataStore = defineStore('userData', () => {
  const notice = ref<string | null>(null);

  async function load(): Promise<void> {
    try {
      notice.value = (await api().userDataNotice({})).notice;
    } catch {
      // Search needs no user data: a failed ask leaves nothing to say.
      notice.value = null;
    }
  }

  function dismiss(): void {
    notice.value = null;
  }

  return { notice, load, dismiss };
});
