/**
 * The renderer as the Electron window runs it, in real (Debian) Chromium:
 * served by our app:// handler (appResponse, with its CSP header), talking only
 * through the real preload bundle, whose ipcRenderer.invoke is wired to the
 * main side's answer() (sender check, validation, real handlers, real KB).
 * Electron itself cannot run here; everything around it does.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_NAMES, type ApiName } from '../../electron/api/contract';
import { createApiHandlers } from '../../electron/api/handlers';
import { ensureKb } from '../../electron/core/kb/ensure';
import { openKnowledgeBase } from '../../electron/core/kb/open';
import { UserDb } from '../../electron/core/user/user-db';
import { CONTENT_SECURITY_POLICY } from '../../electron/csp';
import { answer } from '../../electron/ipc';
import { APP_ORIGIN, appResponse } from '../../electron/security';
import { buildElectron } from '../../scripts/build-electron';

// security.ts imports electron; only its pure parts are used here.
vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron());

const root = path.resolve(__dirname, '../..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let tmp: string;
let user: UserDb;
let server: http.Server;
let origin: string;
let browser: Browser;
let page: Page;
const ipcCalls: string[] = [];
const problems: string[] = [];
const httpApiCalls: string[] = [];

/** The sandbox's `require` offers `electron` only; here it is a shim over the exposed binding. */
function preloadInitScript(preloadCode: string): string {
  return `(() => {
    const electron = {
      contextBridge: { exposeInMainWorld: (key, api) => Object.defineProperty(window, key, { value: Object.freeze(api) }) },
      ipcRenderer: { invoke: (channel, args) => window.__ipcInvoke(channel, args) },
    };
    const require = (name) => { if (name !== 'electron') throw new Error('sandboxed preload required ' + name); return electron; };
    const module = { exports: {} };
    const exports = module.exports;
    ${preloadCode}
  })();`;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Không thấy Chromium tại ${CHROMIUM} (apt-get install -y chromium, hoặc đặt CHROMIUM_PATH).`);
  tmp = mkdtempSync(path.join(os.tmpdir(), 'tracuu-chromium-'));
  const { kbPath } = await ensureKb();
  user = UserDb.open(path.join(tmp, 'user.sqlite'));
  const handlers = createApiHandlers(openKnowledgeBase({ kbPath }), user);
  const preload = (await buildElectron(root, path.join(tmp, 'electron'))).preload;

  // app://tra-cuu/<path> is served by the app's own handler; only the transport is HTTP.
  const rendererDir = path.join(root, 'build', 'renderer');
  server = http.createServer((req, res) => {
    if ((req.url ?? '').startsWith('/api/')) httpApiCalls.push(req.url!);
    void appResponse({ url: `${APP_ORIGIN}${req.url ?? '/'}`, method: req.method ?? 'GET' }, rendererDir).then(async (r) => {
      const headers: Record<string, string> = {};
      r.headers.forEach((value, key) => (headers[key] = value));
      res.writeHead(r.status, headers);
      res.end(Buffer.from(await r.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  await context.exposeBinding('__ipcInvoke', async (source, channel: string, args: unknown) => {
    ipcCalls.push(channel);
    const name = channel.replace(/^kb:/, '') as ApiName;
    if (!API_NAMES.includes(name)) return { ok: false, error: `unknown channel ${channel}` };
    // What Electron would report as the sender frame, with our origin for the transport's.
    const senderFrame = { url: source.frame.url().replace(origin, APP_ORIGIN), parent: source.frame.parentFrame() ? {} : null };
    return answer(name, handlers, { senderFrame } as never, args);
  });
  await context.addInitScript({ content: preloadInitScript(readFileSync(preload, 'utf8')) });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) problems.push(`request left the app: ${r.url()}`);
  });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => (server ? server.close(r) : r(null)));
  user?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('renderer in Chromium under the Electron shell’s CSP and preload', () => {
  it('loads with our CSP header and finds window.traCuu with exactly the API functions', async () => {
    const response = await page.goto(`${origin}/index.html`);
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    await page.locator('#q').waitFor();
    const keys = await page.evaluate(() => Object.keys((window as unknown as { traCuu: object }).traCuu).sort());
    expect(keys).toEqual([...API_NAMES].sort());
  });

  it('searches "dang ky khai sinh" over IPC: UBND cấp xã, Điều 4 Nghị định 120/2025/NĐ-CP, then opens it', async () => {
    await page.locator('#q').click();
    await page.keyboard.type('dang ky khai sinh');
    const target = page
      .locator('.result')
      .filter({ has: page.locator('[data-test="holder"]', { hasText: 'Ủy ban nhân dân cấp xã' }) })
      .filter({ has: page.locator('[data-test="citation"]', { hasText: /Điều 4 Nghị định 120\/2025\/NĐ-CP$/ }) })
      .first();
    await target.waitFor({ state: 'visible', timeout: 15_000 });
    await target.locator('a').first().click();
    await page.locator('.answer [data-test="holder"]').waitFor();
    expect((await page.locator('.answer [data-test="holder"]').textContent())?.trim()).toBe('Ủy ban nhân dân cấp xã');
    expect(ipcCalls).toEqual(expect.arrayContaining(['kb:search', 'kb:getRecord']));
    expect(httpApiCalls).toEqual([]); // the Electron path, not browser mode's HTTP API
  });

  it('a bad request comes back as the validator’s Vietnamese message, thrown in the page', async () => {
    const message = await page.evaluate(() =>
      (window as unknown as { traCuu: { search(a: unknown): Promise<unknown> } }).traCuu.search({ q: 42 }).then(
        () => 'no error',
        (e: Error) => e.message,
      ),
    );
    expect(message).toBe('Từ khóa tìm kiếm phải là một chuỗi ký tự.');
  });

  it('ran without CSP violations, console errors or requests leaving the app', () => {
    expect(problems).toEqual([]);
  });
});
