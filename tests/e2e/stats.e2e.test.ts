/**
 * End to end in Debian Chromium: the statistics page. A legal officer opens "Thống kê": records by
 * sector and level, where the powers went (district → commune / province, centre → local) and the
 * coverage of each decree, as charts with their numbers; the chart library loads only there.
 */
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type BrowserMode, DOCS, SHOTS, useBrowserMode } from './harness';

let server: BrowserMode['server'];
let page: Page;
const errors: string[] = [];
useBrowserMode('stats', (m) => ({ server, page } = m), errors);

const num = (s: string | null) => Number(/\d+/u.exec(s ?? '')?.[0] ?? NaN);

describe('statistics', () => {
  it('loads the chart library only for the statistics page', async () => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(server.url);
    await page.locator('[data-test="home"]').waitFor();
    expect(scripts.some((u) => /StatsView/u.test(u))).toBe(false);
    await page.locator('.main-nav a', { hasText: 'Thống kê' }).click();
    await page.locator('[data-test="chart-sector"] svg').first().waitFor();
    expect(scripts.some((u) => /StatsView/u.test(u))).toBe(true);
  }, 60_000);

  it('draws records by sector and level, where powers went and coverage, with numbers that add up', async () => {
    const total = num(await page.locator('.stats-view > p.muted').first().textContent().then((t) => t!.split(':').pop()!));
    expect(total).toBeGreaterThan(500);
    const dirs = (await page.locator('[data-test="chart-direction"] li strong').allTextContents()).map(Number);
    expect(dirs).toHaveLength(4);
    expect(dirs.reduce((a, b) => a + b, 0)).toBe(total);
    expect(Math.min(...dirs.slice(0, 3))).toBeGreaterThan(0);
    // The sector × level table adds up to the same total.
    await page.locator('[data-test="chart-sector"] summary').click();
    const cells = (await page.locator('[data-test="chart-sector"] tbody td').allTextContents()).map(Number);
    expect(cells.reduce((a, b) => a + b, 0)).toBe(total);
    // Procedures by sector: every sector listed has some, largest first.
    const procs = (await page.locator('[data-test="chart-procedures"] li strong').allTextContents()).map(Number);
    expect(procs.length).toBeGreaterThan(3);
    expect(Math.min(...procs)).toBeGreaterThan(0);
    expect(procs).toEqual([...procs].sort((a, b) => b - a));
    // Coverage: every document in one group; the groups match the list of documents.
    const groups = (await page.locator('[data-test="chart-coverage"] summary').allTextContents()).map((t) => num(t.split(':')[1]!));
    await page.goto(`${server.url}#/browse`);
    const docsTotal = num(await page.locator('[data-test="stats"] .stat-n').first().textContent());
    const withText = num(await page.locator('[data-test="stats"] .stat-n').nth(1).textContent());
    expect(groups.reduce((a, b) => a + b, 0)).toBe(docsTotal);
    expect(groups[0]).toBe(withText);
    await page.goBack();
    await page.locator('[data-test="chart-coverage"] svg').first().waitFor();
    await page.waitForTimeout(600); // the charts' entry animation
    await page.screenshot({ path: join(SHOTS, 'statistics.png') });
    await page.screenshot({ path: join(DOCS, 'statistics.png') });
    expect(errors).toEqual([]);
  }, 60_000);
});
