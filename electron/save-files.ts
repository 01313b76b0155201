/**
 * The app's side of "Báo sai sót" and "Lưu PDF": the core builds the report, main asks where to put it
 * (a native save dialog, starting in Documents) and writes it; a PDF is the window's own page printed
 * by Chromium (print stylesheet, A4). The renderer never gets a path or file-system access.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { ApiHandlers, SavedFile } from './api/contract';
import { UserFacingError } from './api/errors';

async function askWhere(win: BrowserWindow, fileName: string, title: string, filter: Electron.FileFilter): Promise<string | null> {
  const r = await dialog.showSaveDialog(win, { title, defaultPath: path.join(app.getPath('documents'), fileName), filters: [filter] });
  return r.canceled || !r.filePath ? null : r.filePath;
}

async function write(file: string, data: string | Buffer): Promise<void> {
  try {
    await writeFile(file, data);
  } catch (err) {
    throw new UserFacingError(`Không ghi được tệp ${path.basename(file)}: ${(err as NodeJS.ErrnoException).code === 'EACCES' ? 'không có quyền ghi vào thư mục này' : 'hãy chọn thư mục khác'}.`);
  }
}

/** The core's handlers, with the two that save a file answered through the window's save dialog. */
export function withSaveDialogs(handlers: ApiHandlers, window: () => BrowserWindow | null): ApiHandlers {
  const win = (): BrowserWindow => {
    const w = window();
    if (!w) throw new UserFacingError('Không có cửa sổ ứng dụng để lưu tệp.');
    return w;
  };
  return {
    ...handlers,
    saveReport: async (args): Promise<SavedFile> => {
      const report = await handlers.saveReport(args);
      const file = await askWhere(win(), report.fileName, 'Lưu báo sai sót', { name: 'Báo sai sót (JSON)', extensions: ['json'] });
      if (!file) return { status: 'cancelled', fileName: report.fileName };
      await write(file, report.content ?? '');
      return { status: 'saved', fileName: path.basename(file), path: file };
    },
    savePdf: async ({ fileName }): Promise<SavedFile> => {
      const w = win();
      const file = await askWhere(w, fileName, 'Lưu thành PDF', { name: 'PDF', extensions: ['pdf'] });
      if (!file) return { status: 'cancelled', fileName };
      // The page as printed: print.css applies, as in the browser's print dialog.
      const pdf = await w.webContents.printToPDF({ pageSize: 'A4', printBackground: false, margins: { marginType: 'default' } });
      await write(file, pdf);
      return { status: 'saved', fileName: path.basename(file), path: file };
    },
  };
}
