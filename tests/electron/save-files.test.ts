/**
 * The app's save dialogs for "Báo sai sót" and "Lưu PDF" (electron/save-files.ts), with Electron
 * replaced by a stand-in and the real core over the real KB: the report lands where the user chose,
 * a closed dialog writes nothing, the PDF is the window's print, and a folder that cannot be written
 * gives a Vietnamese message.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

const dialog = { showSaveDialog: vi.fn() };
const docs = mkdtempSync(join(tmpdir(), 'save-files-'));
vi.mock('electron', () => ({ app: { getPath: () => docs }, dialog }));

const { createApiHandlers } = await import('../../electron/api/handlers');
const { ensureKb } = await import('../../electron/core/kb/ensure');
const { openVerifiedKb } = await import('../../electron/core/kb/manifest');
const { withSaveDialogs } = await import('../../electron/save-files');

type Handlers = ReturnType<typeof createApiHandlers>;
let handlers: Handlers;
const printToPDF = vi.fn(async () => Buffer.from('%PDF-1.4 test'));
const win = { webContents: { printToPDF } };

beforeAll(async () => {
  const kb = openVerifiedKb({ kbPath: (await ensureKb({ log: () => {} })).kbPath });
  handlers = withSaveDialogs(createApiHandlers(kb, null, { appVersion: '9.9.9' }), () => win as never);
}, 300_000);

const args = {
  recordId: '120-d12-k1-ct-ubnd-xa-quyet-dinh',
  date: '2025-10-01',
  comment: 'Sai nơi nhận hồ sơ',
  shown: { holder: 'Chủ tịch Ủy ban nhân dân cấp xã', citation: 'Căn cứ khoản 1 Điều 12 …;', status: 'Đang có hiệu lực' },
};

describe('withSaveDialogs', () => {
  it('writes the report where the user chose, starting in Documents with its own name', async () => {
    const target = join(docs, 'bao-cao.json');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const r = await handlers.saveReport(args);
    expect(r).toEqual({ status: 'saved', fileName: 'bao-cao.json', path: target });
    expect(dialog.showSaveDialog.mock.calls[0]![1].defaultPath).toBe(join(docs, 'bao-sai-sot-120-d12-k1-ct-ubnd-xa-quyet-dinh-2025-10-01.json'));
    const report = JSON.parse(readFileSync(target, 'utf8')) as { record: { id: string; holder: string }; app: { version: string }; comment: string };
    expect(report.record.id).toBe(args.recordId);
    expect(report.record.holder).toBe(args.shown.holder);
    expect(report.app.version).toBe('9.9.9');
    expect(report.comment).toBe(args.comment);
  });

  it('a closed dialog saves nothing and says so', async () => {
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect((await handlers.saveReport(args)).status).toBe('cancelled');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect((await handlers.savePdf({ fileName: 'x.pdf' })).status).toBe('cancelled');
    expect(printToPDF).not.toHaveBeenCalled();
  });

  it('prints the window to the PDF file chosen (A4)', async () => {
    const target = join(docs, 'the.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect((await handlers.savePdf({ fileName: 'the.pdf' })).status).toBe('saved');
    expect(printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4' }));
    expect(readFileSync(target, 'latin1').startsWith('%PDF')).toBe(true);
  });

  it('a folder that cannot be written gives a Vietnamese message, not a stack', async () => {
    const target = join(docs, 'no-such-folder', 'x.json');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    await expect(handlers.saveReport(args)).rejects.toThrow(/^Không ghi được tệp x\.json/u);
    expect(existsSync(target)).toBe(false);
  });
});
