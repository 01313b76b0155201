/**
 * End to end in Debian Chromium: comfort. An older official sets a larger text size and it stays;
 * the app follows the system's dark theme unless told otherwise; the keyboard focus is always
 * visible; the About page names every source and where it comes from.
 */
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type BrowserMode, SHOTS, useBrowserMode } from './harness';

let server: BrowserMode['server'];
let page: Page;
const errors: string[] = [];
useBrowserMode('comfort', (m) => ({ server, page } = m), errors, { colorScheme: 'dark' });

const rootFontSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
const background = () => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim());

describe('comfort', () => {
  it('text size in three steps, remembered after a restart', async () => {
    await page.goto(server.url);
    await page.locator('[data-test="home"]').waitFor();
    expect(await rootFontSize()).toBe('16px');
    expect(await page.locator('[data-test="pref-font"] option').count()).toBe(3);
    await page.locator('[data-test="pref-font"]').selectOption({ label: 'Chữ rất lớn' });
    await expect.poll(rootFontSize).toBe('20px');
    await page.reload();
    await page.locator('[data-test="home"]').waitFor();
    expect(await rootFontSize()).toBe('20px');
    await page.locator('[data-test="pref-font"]').selectOption({ label: 'Chữ lớn' });
    await expect.poll(rootFontSize).toBe('18px');
  }, 60_000);

  it('follows the system dark theme, and an override sticks', async () => {
    expect(await background()).toBe('#15181c');
    await page.screenshot({ path: join(SHOTS, 'dark-home.png') });
    await page.locator('[data-test="pref-theme"]').selectOption({ label: 'Nền sáng' });
    await expect.poll(background).toBe('#f4f5f7');
    await page.reload();
    await page.locator('[data-test="home"]').waitFor();
    expect(await background()).toBe('#f4f5f7');
    await page.locator('[data-test="pref-theme"]').selectOption({ label: 'Theo hệ thống' });
    await expect.poll(background).toBe('#15181c');
    // The record page in the dark theme reads as it should.
    await page.goto(`${server.url}#/?q=${encodeURIComponent('dang ky khai sinh')}`);
    await page.locator('#results a').first().click();
    await page.locator('.answer [data-test="holder"]').waitFor();
    await page.screenshot({ path: join(SHOTS, 'dark-record.png') });
    await page.locator('[data-test="pref-font"]').selectOption({ label: 'Chữ vừa' });
  }, 60_000);

  it('shows where the keyboard focus is', async () => {
    await page.goto(`${server.url}#/browse`);
    await page.locator('[data-test="sector-tree"]').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const s = getComputedStyle(el);
      return { tag: el.tagName, style: s.outlineStyle, width: s.outlineWidth };
    });
    expect(outline.style).toBe('solid');
    expect(outline.width).toBe('3px');
  }, 60_000);

  it('the About page names every source: each document with its coverage, the national procedure database, the build', async () => {
    await page.locator('.main-nav a', { hasText: 'Giới thiệu' }).click();
    const rows = page.locator('[data-test="about-documents"] tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(20);
    await page.goto(`${server.url}#/browse`);
    const docsTotal = Number(await page.locator('[data-test="stats"] .stat-n').first().textContent());
    await page.goBack();
    await expect.poll(() => rows.count()).toBe(docsTotal);
    expect(await page.locator('[data-test="about-documents"] td[data-coverage="text"]').count()).toBeGreaterThan(10);
    await expect.poll(() => page.locator('[data-test="source-portal"]').textContent()).toMatch(/\d+ thủ tục \(dữ liệu ngày \d{2}\/\d{2}\/\d{4}\)/u);
    expect(await page.locator('[data-test="source-built"]').textContent()).toMatch(/\d+ văn bản/u);
    expect(errors).toEqual([]);
  }, 60_000);
});
