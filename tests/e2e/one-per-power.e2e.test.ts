/**
 * End to end in Debian Chromium (issue 9, one answer per power): a question naming a procedure shows the
 * power once, the procedure under it, marked as the one asked. Real browser-mode server, real KB, built renderer.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../electron/server/serve';
import { CHROMIUM, SHOTS } from './harness';

let server: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;
let userDir: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Không thấy Chromium tại ${CHROMIUM}: cài bằng "apt-get install -y chromium" (hoặc đặt CHROMIUM_PATH).`);
  userDir = mkdtempSync(join(tmpdir(), 'tra-cuu-e2e-power-'));
  server = await startServer({ port: 0, userDir, log: () => {} });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (userDir) rmSync(userDir, { recursive: true, force: true });
});

describe('one answer per power on screen', () => {
  it('"đăng ký kết hôn có yếu tố nước ngoài": the power once, its procedures under it, the one asked marked', async () => {
    await page.goto(`${server.url}#/?q=${encodeURIComponent('Đăng ký kết hôn có yếu tố nước ngoài')}`);
    const first = page.locator('.result').first();
    await first.waitFor({ state: 'visible', timeout: 30_000 });
    const procedures = first.locator('[data-test="procedures"]');
    await procedures.waitFor({ state: 'visible', timeout: 20_000 });
    const named = procedures.locator('[data-test="procedure"].is-named');
    expect(await named.count()).toBeGreaterThan(0);
    // The national procedure of that very name is among them (the annex's "Thủ tục đăng ký hộ tịch" too).
    expect((await named.allInnerTexts()).some((t) => t.toLowerCase().includes('kết hôn có yếu tố nước ngoài'))).toBe(true);
    // The annex procedure is under its power, not a row of its own.
    const titles = await page.locator('.result .result-title').allInnerTexts();
    expect(titles.filter((t) => /^Thủ tục đăng ký hộ tịch$/u.test(t.trim()))).toEqual([]);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'one-per-power.png') });
  }, 90_000);

  it('a clause naming who decides and who receives: one row, the holders by role, the decider first', async () => {
    await page.goto(`${server.url}#/?q=${encodeURIComponent('tiếp nhận nhiệm vụ phổ biến, giáo dục pháp luật chưa xong')}`);
    const row = page.locator('.result', { has: page.locator('[data-test="roles"]') }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    const roles = await row.locator('[data-test="role"]').allInnerTexts();
    expect(roles.length).toBeGreaterThan(1);
    expect(roles[0]).toMatch(/^Có thẩm quyền quyết định/u);
    expect(roles.some((t) => t.startsWith('Tiếp nhận hồ sơ'))).toBe(true);
    mkdirSync(SHOTS, { recursive: true });
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'roles.png') });
  }, 90_000);

  it('a procedure only the portal lists: its own row, labelled as the portal\'s, not a confident answer', async () => {
    await page.goto(`${server.url}#/?q=${encodeURIComponent('Cấp giấy phép hoạt động của tổ chức con nuôi nước ngoài tại Việt Nam')}`);
    const row = page.locator('[data-test="portal-row"]').first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await row.locator('[data-test="portal-label"]').innerText()).toContain('Thủ tục trên Cổng DVC quốc gia — chưa đối chiếu với điều khoản');
    expect(await row.locator('[data-test="citation"]').innerText()).toContain('120/2025/NĐ-CP');
    expect(await row.locator('[data-test="portal-basis-note"]').innerText()).toContain('chưa có văn bản');
    expect(await page.locator('.result', { has: row }).locator('[data-test="confident"]').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'portal-row.png') });
  }, 90_000);
});

