/**
 * One way to start what every E2E file drives: the real browser-mode server over the real KB and
 * built renderer, on a port of its own with a fresh user-data folder, and Debian Chromium through
 * playwright-core at 1366×768 (a common old-laptop screen), in Vietnamese. Console errors are collected.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startServer } from '../../electron/server/serve';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = join(ROOT, 'test-results', 'e2e');
export const DOCS = join(ROOT, 'docs');

/** Flags of the probe that runs Chromium here: headless, as root, no calls home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface BrowserMode {
  server: { url: string; close(): Promise<void> };
  browser: Browser;
  page: Page;
}

/**
 * Registers the file's beforeAll / afterAll. `onReady` receives the server and page once started;
 * `errors` collects console errors and page errors of the page.
 */
export function useBrowserMode(
  name: string,
  onReady: (m: BrowserMode) => void,
  errors: string[],
  context: BrowserContextOptions = {},
  /** Puts files in the fresh user-data folder before the server starts (a damaged user.sqlite …). */
  prepareUserDir: (dir: string) => void = () => {},
): void {
  let m: BrowserMode | null = null;
  let userDir = '';
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`Không thấy Chromium tại ${CHROMIUM}: cài bằng "apt-get install -y chromium".`);
    mkdirSync(SHOTS, { recursive: true });
    userDir = mkdtempSync(join(tmpdir(), `tra-cuu-e2e-${name}-`));
    prepareUserDir(userDir);
    const server = await startServer({ port: 0, userDir, log: () => {} });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', ...context })).newPage();
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    m = { server, browser, page };
    onReady(m);
  }, 120_000);
  afterAll(async () => {
    await m?.browser.close();
    await m?.server.close();
    if (userDir) rmSync(userDir, { recursive: true, force: true });
  });
}
