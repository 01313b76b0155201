import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as electronModule from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_NAMES } from '../../electron/api/contract';
import { createApiHandlers } from '../../electron/api/handlers';
import { ensureKb } from '../../electron/core/kb/ensure';
import { openKnowledgeBase } from '../../electron/core/kb/open';
import { UserDb } from '../../electron/core/user/user-db';
import { registerIpc } from '../../electron/ipc';
import { traCuu } from '../../electron/preload';
import { createFakeElectron, ipcEvent } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());
const electron = electronModule as unknown as ReturnType<typeof createFakeElectron>;

describe('preload', () => {
  it('exposes one object, window.traCuu, with exactly one function per API request', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0]! as [string, Record<string, unknown>];
    expect(key).toBe('traCuu');
    expect(api).toBe(traCuu);
    expect(Object.keys(api).sort()).toEqual([...API_NAMES].sort());
    for (const name of API_NAMES) expect(typeof api[name]).toBe('function');
  });

  it('sends each request on its own kb:<name> channel and returns the value', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: [] });
    await expect(traCuu.listDocuments({})).resolves.toEqual([]);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('kb:listDocuments', {});
  });

  it('turns an { error } reply into a thrown Error carrying the Vietnamese message', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: 'Từ khóa tìm kiếm phải là một chuỗi ký tự.' });
    await expect(traCuu.search({ q: 'x' })).rejects.toThrow(new Error('Từ khóa tìm kiếm phải là một chuỗi ký tự.'));
  });
});

// The whole Electron path minus Chromium: preload → IPC (sender check,
// validation) → handlers → the real knowledge base built from the decrees.
describe('preload ↔ main over the real knowledge base', () => {
  const userDir = mkdtempSync(path.join(os.tmpdir(), 'tracuu-preload-user-'));
  let user: UserDb;
  beforeAll(async () => {
    const { kbPath } = await ensureKb();
    user = UserDb.open(path.join(userDir, 'user.sqlite'));
    registerIpc(electron.ipcMain as never, createApiHandlers(openKnowledgeBase({ kbPath }), user));
    electron.ipcRenderer.invoke.mockImplementation((channel: string, args: unknown) =>
      electron.ipcHandlers.get(channel)!(ipcEvent('app://tra-cuu/index.html'), args),
    );
  });

  it('finds the commune people’s committee for "dang ky khai sinh", citing Article 4 of Decree 120/2025', async () => {
    const result = await traCuu.search({ q: 'dang ky khai sinh', limit: 10 });
    const hit = result.hits.find((h) => h.holder === 'Ủy ban nhân dân cấp xã' && h.citation.document === '120/2025/NĐ-CP');
    expect(hit, JSON.stringify(result.hits.slice(0, 3), null, 1)).toBeDefined();
    expect(hit!.citation.article).toBe(4);
    const detail = await traCuu.getRecord({ id: hit!.id });
    expect(detail?.record.id).toBe(hit!.id);
  });

  afterAll(() => {
    user?.close();
    rmSync(userDir, { recursive: true, force: true });
  });

  it('keeps a bookmark on a real record, then removes it', async () => {
    const [hit] = (await traCuu.search({ q: 'khai sinh', limit: 1 })).hits;
    expect(hit).toBeDefined();
    const saved = await traCuu.saveBookmark({ recordId: hit!.id, note: 'hỏi lại' });
    expect(saved).toMatchObject({ recordId: hit!.id, note: 'hỏi lại', hit: { id: hit!.id } });
    expect((await traCuu.listBookmarks({})).map((b) => b.recordId)).toEqual([hit!.id]);
    await expect(traCuu.saveBookmark({ recordId: 'khong-co-ban-ghi-nay' })).rejects.toThrow('Không có bản ghi này');
    expect(await traCuu.removeBookmark({ recordId: hit!.id })).toEqual({ removed: true });
    expect(await traCuu.listBookmarks({})).toEqual([]);
  });

  it('reports a bad request as a Vietnamese error from the validator', async () => {
    await expect(traCuu.search({ q: 5 } as never)).rejects.toThrow(/chuỗi|không hợp lệ/);
  });

  it('stats count the records of the real register', async () => {
    const stats = await traCuu.stats({});
    expect(stats.records).toBeGreaterThan(0);
    expect(stats.documents).toBeGreaterThan(0);
  });
});
