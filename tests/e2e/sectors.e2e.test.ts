/**
 * End to end in Debian Chromium: the sectors are the catalogue's real ones. No decree of the catalogue
 * sits under "Lĩnh vực khác"; the sector tree has a node for each catalogue sector (a sector whose
 * decrees have no text says so and names them), the home page names those sectors, and the fields of a
 * sector open as a list of its records.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SECTOR_LABELS, type SectorId } from '../../electron/core/model';
import { type BrowserMode, ROOT, useBrowserMode } from './harness';

let server: BrowserMode['server'];
let page: Page;
const errors: string[] = [];
useBrowserMode('sectors', (m) => ({ server, page } = m), errors);

const catalogue = JSON.parse(readFileSync(join(ROOT, 'data', 'documents.json'), 'utf8')) as Array<{ number: string; sector: SectorId; file: string | null }>;

describe('sectors', () => {
  it('the catalogue gives every decree a real sector', () => {
    expect(catalogue.filter((d) => d.sector === 'other').map((d) => d.number)).toEqual([]);
  });

  it('the tree has a node per catalogue sector, none "Lĩnh vực khác"; a sector without texts names its decrees', async () => {
    await page.goto(`${server.url}#/browse`);
    const nodes = page.locator('[data-test="sector-tree"] .st-sector');
    await expect.poll(() => nodes.count()).toBeGreaterThan(5);
    const labels = (await nodes.locator('span:first-child').allTextContents()).map((t) => t.trim());
    expect(labels).not.toContain(SECTOR_LABELS.other);
    for (const s of new Set(catalogue.map((d) => d.sector))) expect(labels).toContain(SECTOR_LABELS[s]);
    // Giáo dục và Đào tạo: both its decrees lack a text here — the node says 0 and the list names them.
    const education = catalogue.filter((d) => d.sector === 'education');
    expect(education.length).toBeGreaterThan(0);
    await nodes.filter({ hasText: SECTOR_LABELS.education }).click();
    await expect.poll(() => new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('linh-vuc')).toBe('education');
    const waiting = page.locator('[data-test="tree-waiting"]');
    await waiting.waitFor();
    for (const d of education) expect(await waiting.textContent()).toContain(d.number);
    expect(await page.locator('[data-test="record-row"]').count()).toBe(0);
    // The documents table: no catalogued decree under "Lĩnh vực khác".
    const sectorCells = await page.locator('[data-test="documents"] tbody td:nth-child(3)').allTextContents();
    expect(sectorCells.length).toBe(catalogue.length);
    expect(sectorCells.map((t) => t.trim())).not.toContain(SECTOR_LABELS.other);
    expect(errors).toEqual([]);
  }, 60_000);

  it('sector → field → records: a field opens its records, with the count the node shows', async () => {
    await page.goto(`${server.url}#/browse?linh-vuc=justice`);
    const field = page.locator('[data-test="sector-tree"] .st-field').first();
    await field.waitFor();
    const n = Number((await field.locator('.st-count').textContent())!.trim());
    await field.click();
    await expect.poll(() => page.locator('[data-test="record-row"]').count()).toBeGreaterThan(0);
    // Rows are virtualised: never more on the page than the field holds.
    expect(await page.locator('[data-test="record-row"]').count()).toBeLessThanOrEqual(n);
    expect(await page.locator('[data-test="tree-heading"]').textContent()).toContain(`${n} bản ghi`);
    expect(errors).toEqual([]);
  }, 60_000);

  it('home: tiles for sectors with records, and one line naming the sectors whose decrees have no text', async () => {
    await page.goto(`${server.url}#/`);
    const tiles = page.locator('[data-test="sector-tiles"] .home-tile-name');
    await expect.poll(() => tiles.count()).toBeGreaterThan(5);
    expect((await tiles.allTextContents()).map((t) => t.trim())).not.toContain(SECTOR_LABELS.other);
    const line = page.locator('[data-test="sectors-waiting"]');
    await line.waitFor();
    expect(await line.textContent()).toContain(SECTOR_LABELS.education);
    await line.locator('a', { hasText: SECTOR_LABELS.culture }).click();
    await expect.poll(() => new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('linh-vuc')).toBe('culture');
    await page.locator('[data-test="tree-waiting"]').waitFor();
    expect(errors).toEqual([]);
  }, 60_000);

  it('"Chỉ quy định đang áp dụng" hides what was repealed, says how many it hides, and stays in the URL', async () => {
    await page.goto(`${server.url}#/browse?linh-vuc=construction&sap-xep=status`);
    const heading = page.locator('[data-test="tree-heading"]');
    await heading.waitFor();
    const total = Number(/· (\d+) bản ghi/u.exec((await heading.textContent())!)![1]);
    const repealedShown = page.locator('[data-test="record-row"] [data-status="bai-bo"], [data-test="record-row"] [data-status="het-thoi-han"]');
    await page.locator('[data-test="tree-current-only"]').check();
    await expect.poll(() => new URLSearchParams(new URL(page.url()).hash.split('?')[1]).get('dang-ap-dung')).toBe('1');
    const text = (await heading.textContent())!;
    const now = Number(/· (\d+) bản ghi/u.exec(text)![1]);
    const hidden = Number(/\((\d+) bản ghi đã hết hiệu lực không hiện\)/u.exec(text)?.[1] ?? 0);
    expect(now + hidden).toBe(total);
    expect(hidden).toBeGreaterThan(0);
    expect(await repealedShown.count()).toBe(0);
    // Reopened from its URL, the list is the same.
    await page.reload();
    await expect.poll(async () => Number(/· (\d+) bản ghi/u.exec((await heading.textContent()) ?? '')?.[1] ?? -1)).toBe(now);
    expect(errors).toEqual([]);
  }, 60_000);
});
