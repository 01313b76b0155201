/**
 * End to end in Debian Chromium: a legal officer opens the cross-check from the statistics page, sees
 * every link between the national procedure database and the register with both sides, keeps only the
 * disagreements of one kind or one decree (the URL keeps the filter), and opens a record from a row.
 */
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { CrosscheckReport } from '../../electron/api/contract';
import { type BrowserMode, SHOTS, useBrowserMode } from './harness';

let server: BrowserMode['server'];
let page: Page;
const errors: string[] = [];
useBrowserMode('crosscheck', (m) => ({ server, page } = m), errors);

const rows = () => page.locator('[data-test="crosscheck-table"] tbody tr');

async function report(): Promise<CrosscheckReport> {
  return page.evaluate(async (url) => (await fetch(new URL('api/crosscheck', url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json(), server.url);
}

describe('cross-check view', () => {
  it('is reached from the statistics page and lists every link, the numbers adding up to the report', async () => {
    await page.goto(`${server.url}#/stats`);
    await page.locator('[data-test="to-crosscheck"]').click();
    await page.locator('[data-test="crosscheck-table"]').waitFor();
    expect(page.url()).toMatch(/#\/doi-chieu/u);
    const r = await report();
    expect(r.linked).toBeGreaterThan(150);
    expect(Number(await page.locator('[data-test="n-agree"]').textContent())).toBe(r.agree);
    expect(Number(await page.locator('[data-test="n-disagree"]').textContent())).toBe(r.disagree);
    expect(await rows().count()).toBe(r.linked);
    // Disagreements first, each with what it means; every row links to its record with the register's citation.
    const first = rows().first();
    expect(await first.getAttribute('class')).toMatch(/is-disagree/u);
    expect(await first.getAttribute('data-kind')).not.toBe('');
    expect(await first.locator('[data-test="record-link"]').textContent()).toMatch(/(Nghị định|Quyết định) \d+\/\d{4}/u);
    await page.screenshot({ path: join(SHOTS, 'crosscheck.png') });
  }, 90_000);

  it('filters by kind of disagreement and by decree, in the URL, and opens a record from a row', async () => {
    const r = await report();
    const kind = Object.entries(r.byKind).find(([, n]) => n > 0)![0];
    await page.locator(`[data-test="crosscheck-kinds"] [data-kind="${kind}"]`).click();
    await expect.poll(() => rows().count()).toBe(r.byKind[kind as keyof typeof r.byKind]);
    expect(page.url()).toContain(`loai=${kind}`);
    for (const k of await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-kind')))) expect(k).toBe(kind);

    // Back to everything, then one decree: every row's power is of that decree.
    await page.locator(`[data-test="crosscheck-kinds"] [data-kind="${kind}"]`).click();
    await page.locator('[data-test="filter-agreement"]').selectOption('all');
    await page.locator('[data-test="filter-decree"]').selectOption('151/2025/NĐ-CP');
    const of151 = r.links.filter((l) => l.document === '151/2025/NĐ-CP').length;
    expect(of151).toBeGreaterThan(0);
    await expect.poll(() => rows().count()).toBe(of151);
    for (const t of await page.locator('[data-test="record-link"]').allTextContents()) expect(t).toMatch(/Nghị định 151\/2025\/NĐ-CP$/u);

    // A reopened URL gives the same list.
    const url = page.url();
    await page.goto(`${server.url}#/`);
    await page.goto(url);
    await expect.poll(() => rows().count()).toBe(of151);

    // A row opens its record; Back returns to the filtered list.
    const link = rows().first().locator('[data-test="record-link"]');
    const cite = (await link.textContent())!;
    await link.click();
    await page.waitForURL(/#\/record\//u);
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toContain(cite);
    await page.goBack();
    await expect.poll(() => rows().count()).toBe(of151);
    expect(errors).toEqual([]);
  }, 90_000);

  it('prints the list it shows: which filter and the day printed on top, the table starting on the first page', async () => {
    await page.goto(`${server.url}#/doi-chieu?ket-qua=khac`);
    await page.locator('[data-test="crosscheck-table"] tbody tr').first().waitFor();
    const n = await page.locator('[data-test="crosscheck-table"] tbody tr').count();
    await page.emulateMedia({ media: 'print' });
    const head = page.locator('[data-test="crosscheck-print-head"]');
    expect(await head.isVisible()).toBe(true);
    const now = new Date();
    const printedOn = `${String(now.getDate()).padStart(2, '0')}/${String(now.getMonth() + 1).padStart(2, '0')}/${now.getFullYear()}`;
    expect(await head.textContent()).toContain(`Mọi văn bản, chỉ chỗ khác: ${n} thủ tục. In ngày ${printedOn}`);
    // A table of many rows kept whole is pushed to page 2, leaving page 1 with the heading alone.
    expect(await page.locator('[data-test="crosscheck-table"]').evaluate((t) => getComputedStyle(t).breakInside)).toBe('auto');
    await page.emulateMedia({ media: 'screen' });
    expect(await head.isVisible()).toBe(false);
    expect(errors).toEqual([]);
  }, 60_000);
});
