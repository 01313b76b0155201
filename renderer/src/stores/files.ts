/**
 * Files the user takes away from a page: the "Báo sai sót" report and the page as PDF.
 * In the app, main shows a save dialog and writes the file; in browser mode the answer is `in-browser`
 * and the page saves it itself (a download for the report, the browser's print dialog for the PDF,
 * where "Lưu thành PDF" is one of the printers).
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { ErrorReportArgs } from '../../../electron/api/contract';
import { api } from '../api/client';
import { downloadText } from '../lib/csv';
import { errorMessage } from '../lib/errors';

export type FileOutcome = { ok: true; message: string } | { ok: false; message: string };

export const useFilesStore = defineStore('files', () => {
  const busy = ref(false);

  async function run(fn: () => Promise<string | null>): Promise<FileOutcome | null> {
    if (busy.value) return null;
    busy.value = true;
    try {
      const message = await fn();
      return message === null ? null : { ok: true, message };
    } catch (e) {
      return { ok: false, message: errorMessage(e) };
    } finally {
      busy.value = false;
    }
  }

  /** Saves the report; null when the user closed the dialog. */
  function saveReport(args: ErrorReportArgs): Promise<FileOutcome | null> {
    return run(async () => {
      const r = await api().saveReport(args);
      if (r.status === 'cancelled') return null;
      if (r.status === 'in-browser') {
        downloadText(r.fileName, r.content ?? '', 'application/json;charset=utf-8');
        return `Đã tải xuống tệp ${r.fileName}. Hãy gửi tệp này cho người quản lý dữ liệu.`;
      }
      return `Đã lưu ${r.path ?? r.fileName}. Hãy gửi tệp này cho người quản lý dữ liệu.`;
    });
  }

  /** Prints the page to a PDF in the app; in browser mode opens the print dialog. */
  function savePdf(fileName: string): Promise<FileOutcome | null> {
    return run(async () => {
      const r = await api().savePdf({ fileName });
      if (r.status === 'cancelled') return null;
      if (r.status === 'in-browser') {
        window.print();
        return null;
      }
      return `Đã lưu ${r.path ?? r.fileName}.`;
    });
  }

  return { busy, saveReport, savePdf };
});
