/**
 * The data screens: "Cập nhật dữ liệu" (a signed data pack) and "Nạp văn bản" (an official text).
 * Each step asks the core: check / preview (nothing kept), then install / confirm. A result that
 * arrives after the user picked another file is dropped (request ids). After an install or an
 * import the stores that hold KB answers reload from the new data.
 */
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { DataStatus, ImportPreview, PackCheck } from '../../../electron/api/contract';
import { api } from '../api/client';
import { errorMessage } from '../lib/errors';
import { fileToBase64 } from '../lib/file-base64';
import { useDocumentsStore } from './documents';

export const useDataStore = defineStore('data', () => {
  const status = shallowRef<DataStatus | null>(null);
  const pack = shallowRef<PackCheck | null>(null);
  const preview = shallowRef<ImportPreview | null>(null);
  const busy = ref<null | 'checking' | 'installing' | 'restoring' | 'previewing' | 'importing'>(null);
  const error = ref<string | null>(null);
  /** What was done, in words, after an install, a restore or an import. */
  const done = ref<string | null>(null);
  /** The step whose error `error` is: a file check refused before it answered reads as a refusal of that file. */
  const failed = ref<NonNullable<typeof busy.value> | null>(null);
  let request = 0;

  async function step<T>(kind: NonNullable<typeof busy.value>, fn: () => Promise<T>): Promise<T | undefined> {
    const id = ++request;
    busy.value = kind;
    error.value = null;
    failed.value = null;
    done.value = null;
    try {
      const out = await fn();
      return id === request ? out : undefined;
    } catch (e) {
      if (id === request) {
        error.value = errorMessage(e);
        failed.value = kind;
      }
      return undefined;
    } finally {
      if (id === request) busy.value = null;
    }
  }

  /** The KB changed under the app: everything showing KB answers reads again. */
  function dataChanged(next: DataStatus): void {
    status.value = next;
    void useDocumentsStore().load(true);
  }

  async function loadStatus(): Promise<void> {
    const s = await step('checking', () => api().dataStatus({}));
    if (s) status.value = s;
  }

  async function checkPack(file: File): Promise<void> {
    pack.value = null;
    const r = await step('checking', async () => api().checkPack({ fileName: file.name, data: await fileToBase64(file) }));
    if (r) pack.value = r;
  }

  async function installPack(): Promise<void> {
    const p = pack.value;
    if (!p?.ok) return;
    const s = await step('installing', () => api().installPack({ token: p.token }));
    if (!s) return;
    pack.value = null;
    dataChanged(s);
    done.value = `Đã cài dữ liệu ${s.current?.dataVersion ?? ''}. Ứng dụng đang dùng dữ liệu mới; bản trước được giữ lại.`;
  }

  async function restorePrevious(): Promise<void> {
    const s = await step('restoring', () => api().restorePreviousData({}));
    if (!s) return;
    dataChanged(s);
    done.value = `Đã khôi phục dữ liệu ${s.current?.dataVersion ?? ''}.`;
  }

  async function previewText(file: File): Promise<void> {
    preview.value = null;
    const r = await step('previewing', async () => api().previewImport({ fileName: file.name, data: await fileToBase64(file) }));
    if (r) preview.value = r;
  }

  async function confirmImport(replace: boolean): Promise<void> {
    const p = preview.value;
    if (!p?.ok) return;
    const r = await step('importing', () => api().confirmImport({ token: p.token, replace }));
    if (!r) return;
    preview.value = null;
    if (r.kept) {
      dataChanged(r.status);
      done.value = r.message;
    } else error.value = r.message;
  }

  function clearChoice(): void {
    request++;
    pack.value = null;
    preview.value = null;
    error.value = null;
    failed.value = null;
    busy.value = null;
  }

  return { status, pack, preview, busy, error, failed, done, loadStatus, checkPack, installPack, restorePrevious, previewText, confirmImport, clearChoice };
});
