/**
 * End to end in Debian Chromium: the home page and the sector tree. A clerk opens the app: the search
 * box has the focus, the sectors show their counts, "Cấp xã nhận từ cấp huyện" lists the commune's
 * new work by sector, a record opened appears under "Bản ghi xem gần đây"; Ctrl+K and "/" bring the
 * search box back from anywhere; Browse goes sector → field → records in a sortable virtualised
 * table whose choice is in the URL.
 */
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type BrowserMode, DOCS, SHOTS, useBrowserMode } from './harness';

let server: BrowserMode['server'];
let page: Page;
const errors: string[] = [];
useBrowserMode('home', (m) => ({ server, page } = m), errors);

const num = (s: string | null) => Number(/\d+/u.exec(s ?? '')?.[0] ?? NaN);

describe('home', () => {
  it('opens with the search box focused, sector tiles with counts, the commune\'s work from the district and the data date', async () => {
    await page.goto(server.url);
    await page.locator('[data-test="home"]').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    const tiles = page.locator('[data-test="sector-tiles"] a');
    await expect.poll(() => tiles.count()).toBeGreaterThan(5);
    expect(await tiles.first().textContent()).toMatch(/\d+ đang áp dụng/u);
    const commune = page.locator('[data-test="commune"]');
    const total = num(await commune.locator('p').first().textContent());
    expect(total).toBeGreaterThan(50);
    const perSector = await commune.locator('summary .home-count').allTextContents();
    expect(perSector.map(Number).reduce((a, b) => a + b, 0)).toBe(total);
    await page.screenshot({ path: join(SHOTS, 'home.png') });
    await page.screenshot({ path: join(DOCS, 'home.png') });
    await commune.locator('summary').first().click();
    expect(await commune.locator('details[open] li').count()).toBe(Number(perSector[0]));
    expect(await page.locator('[data-test="data-date"]').textContent()).toMatch(/Dữ liệu xây dựng ngày \d{2}\/\d{2}\/\d{4}/u);
    expect(errors).toEqual([]);
  }, 60_000);

  it('lists a record opened under "Bản ghi xem gần đây"; Ctrl+K and "/" focus the search from anywhere', async () => {
    const first = page.locator('[data-test="commune"] details[open] li a').first();
    const title = (await first.textContent())!.trim();
    await first.click();
    await page.locator('.answer [data-test="holder"]').waitFor();
    await page.keyboard.press('Control+k');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('q');
    expect(new URL(page.url()).hash).toMatch(/^#\/(\?|$)/u);
    await expect.poll(() => page.locator('[data-test="recent-records"] li').first().textContent()).toContain(title);
    await page.goto(`${server.url}#/browse`);
    await page.locator('[data-test="sector-tree"]').waitFor();
    await page.locator('body').click({ position: { x: 5, y: 400 } });
    await page.keyboard.press('/');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('q');
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('sector tree', () => {
  it('goes sector → field → records with counts, sorts, keeps the choice in the URL, renders only the rows on screen', async () => {
    await page.goto(`${server.url}#/browse`);
    const tree = page.locator('[data-test="sector-tree"]');
    await tree.locator('.st-sector').first().waitFor();
    const sector = tree.locator('.st-sector', { hasText: 'Xây dựng' });
    await sector.click();
    await expect.poll(() => page.url()).toContain('linh-vuc=construction');
    const sectorCount = num(await sector.locator('.st-count').textContent());
    const fields = tree.locator('.st-field .st-count');
    await expect.poll(() => fields.count()).toBeGreaterThan(3);
    const fieldSum = (await fields.allTextContents()).map(Number).reduce((a, b) => a + b, 0);
    expect(fieldSum).toBe(sectorCount);
    expect(num(await page.locator('[data-test="tree-heading"]').textContent()?.then((t) => t!.split('·')[1]!))).toBe(sectorCount);
    // Virtualised: far fewer rows in the DOM than records in the list.
    const rendered = await page.locator('[data-test="record-row"]').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(sectorCount);

    const field = tree.locator('.st-field', { hasText: 'Giao thông đường sắt' });
    const fieldCount = num(await field.locator('.st-count').textContent());
    await field.click();
    await expect.poll(() => new URL(page.url().replace('#/', '')).searchParams.get('nhom')).toBe('Giao thông đường sắt');
    await expect.poll(() => page.locator('[data-test="record-row"]').count()).toBe(fieldCount);
    await page.locator('.rt-sort', { hasText: 'Cơ quan thực hiện' }).click();
    await expect.poll(() => page.url()).toContain('sap-xep=holder');
    const holders = await page.locator('[data-test="record-row"] [role="cell"]:nth-child(2)').allTextContents();
    expect(holders).toEqual([...holders].sort((a, b) => a.localeCompare(b, 'vi')));
    await page.locator('[data-test="sector-tree"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'sector-tree.png') });
    await page.screenshot({ path: join(DOCS, 'sector-tree.png') });

    // The URL reopens the same list.
    await page.reload();
    await expect.poll(() => page.locator('[data-test="record-row"]').count()).toBe(fieldCount);
    expect(await tree.locator('.st-field.is-current').textContent()).toContain('Giao thông đường sắt');
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('answer card for the README', () => {
  it('"dang ky khai sinh": the results, then the answer card of the first hit, fit the screen', async () => {
    await page.goto(`${server.url}#/?q=${encodeURIComponent('dang ky khai sinh')}`);
    await page.locator('#results > li').first().waitFor();
    await page.screenshot({ path: join(DOCS, 'results.png') });
    await page.locator('#results > li a').first().click();
    const holder = page.locator('.answer [data-test="holder"]');
    await holder.waitFor();
    expect(await holder.textContent()).toMatch(/cấp xã/u);
    // Who decides and the legal basis are on the first screen at 1366×768.
    const bottom = await page.locator('.answer [data-test="citation"]').evaluate((el) => el.getBoundingClientRect().bottom);
    expect(bottom).toBeLessThan(768);
    await page.screenshot({ path: join(DOCS, 'answer-card.png') });
    expect(errors).toEqual([]);
  }, 60_000);
});
