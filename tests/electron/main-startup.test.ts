/**
 * Starts the real main-process bundle (build output of scripts/build-electron.ts)
 * in Node with a fake `electron` module, over the real renderer build and the
 * real knowledge base. What Chromium would do is played by hand: fetch
 * app://tra-cuu/index.html from the protocol handler, send an IPC search.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureKb } from '../../electron/core/kb/ensure';
import { buildElectron } from '../../scripts/build-electron';
import { ipcEvent, runtimeFake, startMain, type RuntimeFake } from './fake-electron';

const root = path.resolve(__dirname, '../..');
const FAKE_ELECTRON_VERSION = '41.7.1-test';

describe('main process start-up (bundle, fake Electron, real data)', () => {
  let appPath: string;
  let mainCjs: string;
  let fake: RuntimeFake;
  const errorLog = vi.spyOn(console, 'error');

  beforeAll(async () => {
    Object.defineProperty(process.versions, 'electron', { value: FAKE_ELECTRON_VERSION, configurable: true });
    appPath = mkdtempSync(path.join(os.tmpdir(), 'tracuu-main-'));
    const build = path.join(appPath, 'build');
    mkdirSync(path.join(build, 'native', FAKE_ELECTRON_VERSION), { recursive: true });
    symlinkSync(path.join(root, 'node_modules'), path.join(appPath, 'node_modules'), 'junction');
    symlinkSync(path.join(root, 'build', 'renderer'), path.join(build, 'renderer'), 'junction');
    const { kbPath } = await ensureKb();
    copyFileSync(kbPath, path.join(build, 'kb.sqlite'));
    copyFileSync(`${kbPath}.manifest.json`, path.join(build, 'kb.sqlite.manifest.json'));
    // Under Node the Node-ABI build stands in for the Electron one: same file, same place.
    copyFileSync(
      path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
      path.join(build, 'native', FAKE_ELECTRON_VERSION, 'better_sqlite3.node'),
    );
    mainCjs = (await buildElectron(root, path.join(build, 'electron'))).main;
    fake = runtimeFake(appPath);
    await startMain(mainCjs, fake);
  });

  afterAll(() => {
    delete (process.versions as Record<string, string>).electron;
    rmSync(appPath, { recursive: true, force: true });
  });

  it('starts without an error dialog', () => {
    expect(fake.module.dialog.showErrorBox).not.toHaveBeenCalled();
    expect(fake.module.app.exit).not.toHaveBeenCalled();
    expect(errorLog).not.toHaveBeenCalled();
  });

  it('keeps the user’s own data under userData, apart from the read-only knowledge base', () => {
    expect(existsSync(path.join(appPath, 'userData', 'user.sqlite'))).toBe(true);
  });

  it('enables the sandbox and registers app:// before the app is ready', () => {
    expect(fake.calls.indexOf('enableSandbox')).toBeLessThan(fake.calls.indexOf('whenReady'));
    expect(fake.calls.indexOf('registerSchemes')).toBeLessThan(fake.calls.indexOf('whenReady'));
    expect(fake.module.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(fake.module.app.listenerCount('web-contents-created')).toBe(1);
  });

  it('opens one secure window titled "Tra cứu thẩm quyền" on app://tra-cuu/index.html', () => {
    expect(fake.windows).toHaveLength(1);
    const win = fake.windows[0]!;
    expect(win.options.title).toBe('Tra cứu thẩm quyền');
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false });
    expect(win.options.webPreferences.preload).toBe(path.join(path.dirname(mainCjs), 'preload.cjs'));
    expect(existsSync(win.options.webPreferences.preload)).toBe(true);
    expect(win.urls).toEqual(['app://tra-cuu/index.html']);
  });

  it('serves the built renderer on app:// with the CSP header', async () => {
    const [scheme, handler] = fake.module.protocol.handle.mock.calls[0]! as [string, (r: Request) => Promise<Response>];
    expect(scheme).toBe('app');
    const res = await handler(new Request('app://tra-cuu/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toMatch(/<div id="app"|<script/);
  });

  it('has a Vietnamese menu', () => {
    const [menu] = fake.module.Menu.setApplicationMenu.mock.calls[0]! as [{ template: Array<{ label: string }> }];
    expect(menu.template.map((m) => m.label)).toEqual(['Tệp', 'Chỉnh sửa', 'Xem', 'Trợ giúp']);
  });

  it('answers IPC from the real knowledge base: "dang ky khai sinh" → UBND cấp xã, Điều 4 NĐ 120/2025', async () => {
    const reply = (await fake.ipc.get('kb:search')!(ipcEvent('app://tra-cuu/index.html'), { q: 'dang ky khai sinh' })) as {
      ok: boolean;
      value: { hits: Array<{ holder: string; citation: { document: string; article: number } }> };
    };
    expect(reply.ok).toBe(true);
    expect(
      reply.value.hits.some(
        (h) => h.holder === 'Ủy ban nhân dân cấp xã' && h.citation.document === '120/2025/NĐ-CP' && h.citation.article === 4,
      ),
    ).toBe(true);
    const foreign = await fake.ipc.get('kb:search')!(ipcEvent('https://evil.example/'), { q: 'x' });
    expect(foreign).toMatchObject({ ok: false });
  });

  it('without the Electron build of better-sqlite3 it explains in Vietnamese and quits', async () => {
    rmSync(path.join(appPath, 'build', 'native'), { recursive: true });
    const second = runtimeFake(appPath);
    vi.spyOn(console, 'error').mockImplementationOnce(() => {});
    await startMain(mainCjs, second);
    expect(second.module.dialog.showErrorBox).toHaveBeenCalledWith(
      'Không khởi động được Tra cứu thẩm quyền',
      expect.stringContaining('Thiếu thư viện SQLite cho Electron'),
    );
    expect(second.module.app.exit).toHaveBeenCalledWith(1);
    expect(second.windows).toHaveLength(0);
  });
});
