/**
 * End to end in Debian Chromium: output. A legal officer saves the current list as an Excel
 * workbook (beside the CSV): the search results and a field of the sector tree, with citations and
 * the status on the day; the workbook is read back and compared with what the page shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type BrowserMode, SHOTS, useBrowserMode } from './harness';

let server: BrowserMode['server'];
let page: Page;
const errors: string[] = [];
useBrowserMode('output', (m) => ({ server, page } = m), errors);

/** Clicks, waits for the download, reads the workbook's first sheet as rows of strings. */
async function downloadRows(button: string): Promise<{ name: string; rows: string[][] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
  const file = join(SHOTS, download.suggestedFilename());
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)))));
  return { name: download.suggestedFilename(), rows };
}

/** RFC 4180 rows: quoted cells may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

/** The list may still be growing (a first answer, then the full one): its length once it has settled. */
async function settledCount(hits: ReturnType<typeof page.locator>, atLeast: number): Promise<number> {
  await expect
    .poll(async () => {
      const before = await hits.count();
      await page.waitForTimeout(400);
      return before > atLeast && before === (await hits.count());
    })
    .toBe(true);
  return hits.count();
}

describe('output', () => {
  it('saves the search results as .xlsx with the citation and the status on the day of each hit', async () => {
    await page.goto(`${server.url}#/?q=${encodeURIComponent('dang ky khai sinh')}&ngay=2025-10-01`);
    const hits = page.locator('#results > li');
    const shown = await settledCount(hits, 2);
    const firstCite = (await page.locator('#results > li').first().locator('[data-test="citation"], .cite').first().textContent())!.trim();
    const { name, rows } = await downloadRows('[data-test="export-xlsx"]');
    expect(name).toBe('tra-cuu-tham-quyen-2025-10-01.xlsx');
    expect(rows[0]![0]).toMatch(/Kết quả tra cứu «dang ky khai sinh» — \d+ bản ghi, tình trạng tại ngày 01\/10\/2025/u);
    const header = rows[1]!;
    expect(header).toContain('Căn cứ');
    expect(header).toContain('Tình trạng ngày 01/10/2025');
    const body = rows.slice(2);
    expect(body).toHaveLength(shown);
    expect(firstCite).toContain(body[0]![header.indexOf('Căn cứ')]!);
    expect(body.every((r) => r[header.indexOf('Tình trạng ngày 01/10/2025')]!.length > 0)).toBe(true);
    // The sheet says the day it was saved as well as the day asked.
    expect(rows[0]![0]).toMatch(/, xuất ngày \d{2}\/\d{2}\/\d{4}$/u);
    expect(errors).toEqual([]);
  }, 60_000);

  it('"lam so do lan dau mat bao lau": the sheet carries the time limit the page shows', async () => {
    await page.goto(`${server.url}#/?q=${encodeURIComponent('lam so do lan dau mat bao lau')}`);
    const hits = page.locator('#results > li');
    await settledCount(hits, 0);
    const shownTime = (await hits.first().locator('[data-test="time-limit"]').first().textContent())!;
    const { rows } = await downloadRows('[data-test="export-xlsx"]');
    const header = rows[1]!;
    const col = header.indexOf('Thời hạn giải quyết');
    expect(col).toBeGreaterThan(0);
    const cell = rows[2]![col]!;
    const limit = /\d+(?:–\d+)? ngày[^,(]*/iu.exec(cell)?.[0]?.trim();
    expect(limit, cell).toBeTruthy();
    expect(shownTime.toLowerCase()).toContain(limit!.toLowerCase());
    // Every row says something of the former holder: a name or that the text names none.
    expect(rows.slice(2).every((r) => r[header.indexOf('Trước đây')]!.length > 0)).toBe(true);
    expect(errors).toEqual([]);
  }, 60_000);

  it('saves the search results as .csv for Excel (BOM, CRLF, quoted cells), the same rows as on the page', async () => {
    await page.goto(`${server.url}#/?q=${encodeURIComponent('chung thuc ban sao')}&ngay=2025-10-01`);
    const hits = page.locator('#results > li');
    const shown = await settledCount(hits, 1);
    const cites = (await page.locator('#results > li [data-test="citation"]').allTextContents()).map((t) => t.trim());
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="export-csv"]').click()]);
    expect(download.suggestedFilename()).toBe('tra-cuu-tham-quyen-2025-10-01.csv');
    const file = join(SHOTS, download.suggestedFilename());
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1));
    const header = rows[0]!;
    const cite = header.indexOf('Căn cứ');
    expect(cite).toBeGreaterThanOrEqual(0);
    expect(header).toContain('Tình trạng ngày 01/10/2025');
    expect(rows.slice(1)).toHaveLength(shown);
    // Each hit's citation on the page holds the citation of its row (the page may add the article's heading).
    rows.slice(1).forEach((r, i) => expect(cites[i]).toContain(r[cite]!));
    expect(errors).toEqual([]);
  }, 60_000);

  it('saves a field of the sector tree as .xlsx, row for row', async () => {
    await page.goto(`${server.url}#/browse?linh-vuc=construction&nhom=${encodeURIComponent('Giao thông đường sắt')}`);
    await expect.poll(() => page.locator('[data-test="record-row"]').count()).toBeGreaterThan(2);
    const titles = await page.locator('[data-test="record-row"] .rt-title').allTextContents();
    const { rows } = await downloadRows('[data-test="tree-xlsx"]');
    expect(rows[0]![0]).toContain('Xây dựng › Giao thông đường sắt');
    expect(rows.slice(2).map((r) => r[0]!.trim()).sort()).toEqual(titles.map((t) => t.trim()).sort());
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('the list in the URL', () => {
  it('a filter chosen goes into the URL; the URL reopens the same list, and Back from a record returns to it', async () => {
    await page.goto(`${server.url}#/?q=${encodeURIComponent('cap giay phep')}`);
    await page.locator('#results > li').first().waitFor();
    await page.locator('.toolbar button', { hasText: 'Bộ lọc' }).click();
    await page.locator('#f-level').selectOption('xa');
    await expect.poll(() => new URL(page.url().replace('#/', '')).searchParams.get('cap')).toBe('xa');
    // Every row is at the commune level, or is the power in force that took a commune record's task over,
    // that record right under it ("Quy định trước đây"): the law moved, the row says where (on-day.ts).
    const rowsAtLevel = () =>
      page.locator('#results > li').evaluateAll((lis) =>
        lis.length > 0 &&
        lis.every((li, k) => {
          const at = (el: Element | undefined) => el?.querySelector('.badge.level-xa') != null;
          const next = lis[k + 1];
          return at(li) || (next != null && (next.matches('.is-under') || next.querySelector('.is-under') != null) && at(next));
        }),
      );
    await expect.poll(rowsAtLevel).toBe(true);
    const count = (await page.locator('.count').textContent())!.trim();
    const url = page.url();
    // Reopened from the URL alone (a fresh page): the same list.
    const other = await page.context().newPage();
    await other.goto(url);
    await expect.poll(async () => (await other.locator('.count').textContent())?.trim()).toBe(count);
    expect(await other.locator('#results > li').count()).toBe(await page.locator('#results > li').count());
    await other.close();
    // A record and back: the filtered list, as it was.
    await page.locator('#results > li a').first().click();
    await page.locator('.answer [data-test="holder"]').waitFor();
    await page.goBack();
    await expect.poll(async () => (await page.locator('.count').textContent())?.trim()).toBe(count);
    expect(new URL(page.url().replace('#/', '')).searchParams.get('cap')).toBe('xa');
    expect(errors).toEqual([]);
  }, 60_000);
});
