/**
 * End to end in Debian Chromium: the first page of results for everyday questions as a commune clerk
 * reads it. A holder written from mid-sentence in the register ("người đứng đầu cơ quan …", "công an
 * cấp xã") starts with a capital in the list and on the card; a title the register clipped mid-word
 * ("… Giấy phép bán lẻ…") goes on in its clause's words; the card's "Cùng điều này" carries no
 * "Khớp câu hỏi" badge (no question was asked of those records). Real server, real KB, built renderer.
 */
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SearchHit, SearchResult } from '../../electron/api/contract';
import { type BrowserMode, SHOTS, useBrowserMode } from './harness';

let server: BrowserMode['server'];
let page: Page;
const errors: string[] = [];
useBrowserMode('results-display', (m) => ({ server, page } = m), errors);

const EVERYDAY = [
  'làm sổ đỏ lần đầu',
  'xin phép xây nhà',
  'đăng ký khai sinh',
  'mở tiệm bán rượu lẻ',
  'cấp phép karaoke',
  'chuyển mục đích sử dụng đất',
  'đăng ký hộ kinh doanh',
  'cấp giấy phép lái xe',
  'xác nhận tình trạng hôn nhân',
  'thu hồi đất',
];

async function api(q: string): Promise<SearchResult> {
  const res = await fetch(`${server.url}api/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ q }) });
  return (await res.json()) as SearchResult;
}

async function ask(q: string): Promise<void> {
  await page.goto(`${server.url}#/?q=${encodeURIComponent(q)}`);
  await page.locator('#results > li').first().waitFor({ timeout: 20_000 });
  await expect.poll(() => page.locator('[data-test="count"]').textContent()).toContain(q);
}

/** Rows of the list that open a record: its id (from the link) and the title shown. */
async function shownRows(): Promise<Array<{ id: string; title: string; holder: string }>> {
  return page.locator('#results > li > a.result-link').evaluateAll((links) =>
    links.map((a) => ({
      id: decodeURIComponent(/#\/record\/([^?]+)/u.exec((a as HTMLAnchorElement).getAttribute('href') ?? '')?.[1] ?? ''),
      title: a.querySelector('[data-test="title"]')?.textContent?.trim() ?? '',
      holder: a.querySelector('[data-test="holder"]')?.textContent?.trim() ?? '',
    })),
  );
}

const low = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').toLocaleLowerCase('vi');

describe('results as a clerk reads them', () => {
  it('ten everyday questions: every holder starts with a capital; a clipped title goes on only with its clause\'s words', async () => {
    let clipped = 0;
    let completed = 0;
    for (const [i, q] of EVERYDAY.entries()) {
      await ask(q);
      await page.screenshot({ path: join(SHOTS, `everyday-${String(i).padStart(2, '0')}.png`) });
      const raw = new Map((await api(q)).hits.map((h: SearchHit) => [h.id, h]));
      const holders = await page.locator('#results [data-test="holder"], #results [data-test="role"] strong').allTextContents();
      expect(holders.length, q).toBeGreaterThan(0);
      for (const h of holders.map((x) => x.trim()).filter(Boolean)) expect(h.charAt(0), `${q}: ${h}`).toBe(h.charAt(0).toLocaleUpperCase('vi'));
      // A former holder too, except "văn bản không nêu", which names no body and reads as the card says it.
      for (const f of await page.locator('#results [data-test="former"]').allTextContents()) {
        const who = f.replace(/^\s*Trước đây:\s*/u, '').trim();
        if (who !== 'văn bản không nêu') expect(who.charAt(0), `${q}: ${f}`).toBe(who.charAt(0).toLocaleUpperCase('vi'));
        expect(who, `${q}: ${f}`).not.toBe('Văn bản không nêu');
      }
      for (const row of await shownRows()) {
        const hit = raw.get(row.id);
        if (!hit) continue;
        expect(low(row.holder), row.id).toBe(low(hit.holder));
        if (!hit.title.endsWith('…')) {
          expect(row.title, row.id).toBe(hit.title);
          continue;
        }
        clipped++;
        const stem = hit.title.slice(0, -1).trimEnd();
        expect(row.title.startsWith(stem), row.id).toBe(true);
        if (row.title === hit.title) continue;
        completed++;
        // What was added stands in the clause's excerpt, right after the title's words.
        expect(low(hit.excerpt ?? '').includes(low(row.title.replace(/…$/u, ''))), `${row.id}: ${row.title}`).toBe(true);
      }
    }
    // Measured on this data: most clipped titles on these first pages go on from their excerpt.
    expect(clipped).toBeGreaterThan(0);
    expect(completed).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  }, 180_000);

  it('the card: a holder written in lower case heads it with a capital; a clipped title is given whole from the clause', async () => {
    // A question whose list holds a holder the register writes from mid-sentence.
    const q = 'y tế';
    const hit = (await api(q)).hits.find((h) => h.kind !== 'portal' && /^\p{Ll}/u.test(h.holder));
    expect(hit, 'a holder in lower case on the first page of «y tế»').toBeDefined();
    await ask(q);
    await page.locator(`#results a.result-link[href*="/record/${hit!.id}"]`).first().click();
    const holder = page.locator('[data-test="answer-card"] [data-test="holder"]');
    await holder.waitFor();
    const shown = (await holder.textContent())!.trim();
    expect(shown.charAt(0)).toBe(shown.charAt(0).toLocaleUpperCase('vi'));
    expect(low(shown)).toBe(low(hit!.holder));

    // «mở tiệm bán rượu lẻ»: the first answer's title is clipped in the register; the card's heading is its clause's words.
    const first = (await api('mở tiệm bán rượu lẻ')).hits[0]!;
    await ask('mở tiệm bán rượu lẻ');
    await page.locator('#results > li > a.result-link').first().click();
    const h1 = page.locator('[data-test="record-title"]');
    await h1.waitFor();
    const title = (await h1.textContent())!.trim();
    const clause = (await page.locator('[data-test="clause"]').textContent()) ?? '';
    expect(title.startsWith(first.title.replace(/…$/u, '').trimEnd())).toBe(true);
    if (first.title.endsWith('…')) {
      expect(title.length).toBeGreaterThan(first.title.length);
      expect(low(clause).includes(low(title.replace(/…$/u, '')))).toBe(true);
    }
    await page.screenshot({ path: join(SHOTS, 'card-title-whole.png') });
    expect(errors).toEqual([]);
  }, 90_000);

  it('"Cùng điều này" lists the article\'s other records without "Khớp câu hỏi" or "Gần đúng" badges', async () => {
    await ask('làm sổ đỏ lần đầu');
    // The list itself says how sure each answer is.
    expect(await page.locator('#results [data-test="confident"]').count()).toBeGreaterThan(0);
    await page.locator('#results > li > a.result-link').first().click();
    const related = page.locator('.related .result');
    await related.first().waitFor({ timeout: 20_000 });
    expect(await related.count()).toBeGreaterThan(1);
    expect(await page.locator('.related [data-test="confident"]').count()).toBe(0);
    expect(await page.locator('.related [data-test="near-miss"]').count()).toBe(0);
    await page.locator('#related-h').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'related-no-badges.png') });
    expect(errors).toEqual([]);
  }, 60_000);

  it('the decree reader and the sector tree show holders with a capital too', async () => {
    // 49/2026 writes its land bodies from mid-sentence ("cơ quan có chức năng quản lý đất đai cấp xã").
    await page.goto(`${server.url}#/decree?so=${encodeURIComponent('49/2026/NĐ-CP')}`);
    const holders = page.locator('.dv-holder');
    await expect.poll(() => holders.count(), { timeout: 20_000 }).toBeGreaterThan(5);
    const inReader = (await holders.allTextContents()).map((h) => h.trim()).filter(Boolean);
    for (const h of inReader) expect(h.charAt(0), h).toBe(h.charAt(0).toLocaleUpperCase('vi'));
    expect(inReader.some((h) => /^Cơ quan có chức năng quản lý đất đai/u.test(h))).toBe(true);
    // The sector tree's table, every row (as printed: the screen holds only the rows in view).
    await page.goto(`${server.url}#/browse?linh-vuc=agriculture`);
    await expect.poll(() => page.locator('[data-test="record-row"]').count(), { timeout: 20_000 }).toBeGreaterThan(2);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const printed = page.locator('[data-test="record-table-print"] tbody tr');
    await expect.poll(() => printed.count()).toBeGreaterThan(2);
    const cells = await printed.evaluateAll((trs) => trs.flatMap((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent?.trim() ?? '')));
    expect(cells.some((c) => c.startsWith('Cơ quan có chức năng quản lý đất đai'))).toBe(true);
    expect(cells.some((c) => c.startsWith('cơ quan có chức năng quản lý đất đai'))).toBe(false);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(errors).toEqual([]);
  }, 60_000);
});
