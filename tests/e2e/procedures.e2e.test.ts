/**
 * End to end in Debian Chromium: a clerk asks how long a first land certificate takes; the answer
 * shows a time limit, and the record lists the national procedure records that carry the power out
 * (time limit, ways to file, who does it, whether the portal agrees with the register).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../electron/server/serve';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(root, 'test-results', 'e2e');

let server: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;
let userDir: string;
const errors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Không thấy Chromium tại ${CHROMIUM}: cài bằng "apt-get install -y chromium".`);
  mkdirSync(SHOTS, { recursive: true });
  userDir = mkdtempSync(join(tmpdir(), 'tra-cuu-e2e-np-'));
  server = await startServer({ port: 0, userDir, log: () => {} });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' })).newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (userDir) rmSync(userDir, { recursive: true, force: true });
});

describe('procedures on the answer', () => {
  it('"lam so do lan dau mat bao lau": a hit in force gives a time limit, its record lists the portal procedures', async () => {
    await page.goto(`${server.url}#/?q=${encodeURIComponent('lam so do lan dau mat bao lau')}`);
    const time = page.locator('[data-test="time-limit"]').first();
    await time.waitFor();
    await expect.poll(() => time.textContent()).toMatch(/Thời hạn: \d+ Ngày/u);
    await page.screenshot({ path: join(SHOTS, 'procedures-results.png') });

    await time.locator('xpath=ancestor::li[1]').locator('a').first().click();
    const section = page.locator('[data-test="national-procedures"]');
    await section.waitFor();
    await expect.poll(() => section.locator('[data-test="np-time"]').count()).toBeGreaterThan(0);
    expect(await section.locator('[data-test="np-agree"], [data-test="np-disagree"]').count()).toBeGreaterThan(0);
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'procedures-record.png') });
    expect(errors).toEqual([]);
  }, 60_000);
});
