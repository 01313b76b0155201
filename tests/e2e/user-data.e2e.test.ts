/**
 * End to end in Debian Chromium: browser mode started over a damaged user.sqlite. The server moves it
 * aside and begins a fresh one (tests/server/serve.test.ts); the clerk is told so in plain words on the
 * first page, once, and search and bookmarks work.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type BrowserMode, SHOTS, useBrowserMode } from './harness';

let server: BrowserMode['server'];
let page: Page;
let userDir = '';
const errors: string[] = [];
useBrowserMode('user-data', (m) => ({ server, page } = m), errors, {}, (dir) => {
  userDir = dir;
  writeFileSync(join(dir, 'user.sqlite'), Buffer.alloc(8192, 0x5a));
});

describe('a damaged user data file', () => {
  it('is said on the first page in Vietnamese, once, and the app works on a fresh file', async () => {
    expect(readdirSync(userDir).some((f) => f.startsWith('user.sqlite.hong-'))).toBe(true);
    await page.goto(server.url);
    const notice = page.locator('[data-test="user-data-notice"]');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toMatch(/dữ liệu cá nhân/iu);
    expect(text).toMatch(/hỏng/u);
    await page.screenshot({ path: join(SHOTS, 'user-data-notice.png') });
    await page.locator('[data-test="user-data-notice-ok"]').click();
    await expect.poll(() => notice.count()).toBe(0);
    // Search works, and a reload does not say it again.
    await page.fill('#q', 'đăng ký khai sinh');
    await page.locator('.result [data-test="holder"]').first().waitFor({ timeout: 15_000 });
    await page.reload();
    await page.locator('#q').waitFor();
    await page.waitForTimeout(300);
    expect(await notice.count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);
});
