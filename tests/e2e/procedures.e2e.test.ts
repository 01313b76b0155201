/**
 * End to end in Debian Chromium: a clerk asks how long a first land certificate takes; the answer
 * shows a time limit, and the record lists the national procedure records that carry the power out
 * (time limit, ways to file, who does it, whether the portal agrees with the register).
 */
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type BrowserMode, SHOTS, useBrowserMode } from './harness';

let server: BrowserMode['server'];
let page: Page;
const errors: string[] = [];
useBrowserMode('np', (m) => ({ server, page } = m), errors);

describe('procedures on the answer', () => {
  it('"lam so do lan dau mat bao lau": a hit in force gives a time limit, its record lists the portal procedures', async () => {
    await page.goto(`${server.url}#/?q=${encodeURIComponent('lam so do lan dau mat bao lau')}`);
    const time = page.locator('[data-test="time-limit"]').first();
    await time.waitFor();
    await expect.poll(() => time.textContent()).toMatch(/Thời hạn: \d+(?:–\d+)? ngày/iu);
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
