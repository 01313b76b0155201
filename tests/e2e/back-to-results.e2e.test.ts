/**
 * End to end in Debian Chromium: "Quay lại kết quả" goes back to the list the record was opened from —
 * its query, filters and scroll position — even after moving on to another record from the first one;
 * never to the previous record. Esc does the same.
 */
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type BrowserMode, useBrowserMode } from './harness';

let server: BrowserMode['server'];
let page: Page;
const errors: string[] = [];
useBrowserMode('back-to-results', (m) => ({ server, page } = m), errors);

const hashQuery = (p: Page): URLSearchParams => new URLSearchParams(new URL(p.url()).hash.split('?')[1] ?? '');

describe('back to the results', () => {
  it('record → related record → "Quay lại kết quả": the filtered list, scrolled where it was', async () => {
    await page.goto(`${server.url}#/?q=${encodeURIComponent('cap giay phep')}&cap=tinh`);
    const hits = page.locator('#results > li');
    await expect.poll(() => hits.count()).toBeGreaterThan(8);
    const listUrl = page.url();
    const count = (await page.locator('.count').textContent())!.trim();
    // Scrolled down the list, then the eighth hit opened.
    const eighth = hits.nth(7);
    await eighth.scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 200);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    const y = await page.evaluate(() => window.scrollY);
    const title = (await eighth.locator('a').first().textContent())!.trim();
    await eighth.locator('a').first().click();
    await page.locator('[data-test="answer-card"] [data-test="holder"]').waitFor();
    const firstRecord = page.url();
    expect(await page.locator('[data-test="back"]').textContent()).toContain('Quay lại kết quả');
    // On to another record of the same article.
    const related = page.locator('.related #results > li a, .related li a').first();
    await related.click();
    await expect.poll(() => page.url()).not.toBe(firstRecord);
    await page.locator('[data-test="answer-card"] [data-test="holder"]').waitFor();
    await page.locator('[data-test="back"]').click();
    await expect.poll(() => page.url()).toBe(listUrl);
    await expect.poll(async () => (await page.locator('.count').textContent())?.trim()).toBe(count);
    expect(hashQuery(page).get('cap')).toBe('tinh');
    expect(hashQuery(page).get('q')).toBe('cap giay phep');
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(y - 50);
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - y)).toBeLessThanOrEqual(50);
    // The hit that was opened is on screen again.
    expect(await page.locator('#results > li', { hasText: title }).first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
  }, 60_000);

  it('Esc on a record opened from the sector tree goes back to the tree, labelled as a list', async () => {
    await page.goto(`${server.url}#/browse?linh-vuc=construction&nhom=${encodeURIComponent('Giao thông đường sắt')}`);
    const rows = page.locator('[data-test="record-row"]');
    await expect.poll(() => rows.count()).toBeGreaterThan(2);
    const treeUrl = page.url();
    await rows.first().locator('a').first().click();
    await page.locator('[data-test="answer-card"] [data-test="holder"]').waitFor();
    expect(await page.locator('[data-test="back"]').textContent()).toContain('Quay lại danh sách');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.url()).toBe(treeUrl);
    await expect.poll(() => rows.count()).toBeGreaterThan(2);
    expect(errors).toEqual([]);
  }, 60_000);
});
