/**
 * End to end in Debian Chromium: the decree reader. A legal officer opens 151/2025/NĐ-CP from the
 * list of decrees, finds its outline (chương, mục, điều, phụ lục) with the records beside each
 * provision, searches within it, opens a record and comes back to the provision; a record's
 * "Đọc trong toàn văn" lands on its clause; a provision's URL opens on it.
 */
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type BrowserMode, DOCS, SHOTS, useBrowserMode } from './harness';

let server: BrowserMode['server'];
let page: Page;
const errors: string[] = [];
useBrowserMode('decree', (m) => ({ server, page } = m), errors);

/** Whether an element's top is inside the viewport. */
async function inView(selector: string): Promise<boolean> {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return r.top >= -2 && r.top < window.innerHeight;
  });
}

describe('decree reader', () => {
  it('opens 151/2025 from the list: outline, records beside provisions, a URL per provision', async () => {
    await page.goto(`${server.url}#/browse`);
    await page.locator('[data-test="open-decree"]', { hasText: '151/2025/NĐ-CP' }).click();
    await page.locator('[data-test="decree-title"]').waitFor();
    expect(await page.locator('[data-test="decree-title"]').textContent()).toContain('151/2025/NĐ-CP');
    const outline = page.locator('[data-test="decree-outline"]');
    const outlineText = (await outline.textContent()) ?? '';
    expect(outlineText).toMatch(/Chương I\./u);
    expect(outlineText).toMatch(/Mục 1\./u);
    expect(outlineText).toMatch(/Điều 5\./u);
    expect(outlineText).toMatch(/Phụ lục I/u);
    // Records sit beside their provisions; a repealed provision says so on the day.
    expect(await page.locator('[data-test="decree-records"]').count()).toBeGreaterThan(20);
    expect(await page.locator('[data-test="decree-note"]').count()).toBeGreaterThan(0);

    await outline.locator('a', { hasText: /^\s*Điều 10\./u }).click();
    await expect.poll(() => page.url()).toContain('tai=dieu-10');
    await expect.poll(() => inView('#p-dieu-10')).toBe(true);
    expect(await page.locator('#p-dieu-10').getAttribute('class')).toContain('is-target');
    await page.screenshot({ path: join(SHOTS, 'decree-reader.png') });
    await page.screenshot({ path: join(DOCS, 'decree-reader.png') });
    expect(errors).toEqual([]);
  }, 60_000);

  it('searches within the decree, without diacritics, and steps through the matches', async () => {
    await page.locator('[data-test="decree-find"]').fill('thu hoi dat');
    const count = page.locator('[data-test="decree-find-count"]');
    await expect.poll(() => count.textContent()).toMatch(/^\s*1\/\d+ quy định/u);
    const total = Number(/\/(\d+)/u.exec((await count.textContent()) ?? '')![1]);
    expect(total).toBeGreaterThan(5);
    await expect.poll(() => page.locator('.dv-node.is-match mark').count()).toBeGreaterThan(0);
    expect((await page.locator('.dv-node.is-match mark').first().textContent())!.toLowerCase()).toBe('thu hồi đất');
    await page.locator('[data-test="decree-find"]').press('Enter');
    await expect.poll(() => count.textContent()).toMatch(/^\s*2\//u);
    await expect.poll(() => inView('.dv-node.is-match')).toBe(true);
    await page.locator('[data-test="decree-find"]').fill('');
  }, 60_000);

  it('from a provision to its record and back to the provision; from a record to its clause and back', async () => {
    await page.goto(`${server.url}#/decree?so=${encodeURIComponent('151/2025/NĐ-CP')}`);
    const chip = page.locator('#p-dieu-10-khoan-1 [data-test="decree-records"] a').first();
    await chip.waitFor();
    await chip.click();
    await page.locator(".answer [data-test=\"holder\"]").waitFor();
    expect(page.url()).toContain('/record/151-d10-k1');
    // The record leads to its clause in the full text …
    await page.locator('[data-test="open-in-decree"]').click();
    await expect.poll(() => page.url()).toContain('tai=dieu-10-khoan-1');
    await expect.poll(() => inView('#p-dieu-10-khoan-1')).toBe(true);
    // … and Back returns to the record, then to the provision the reader was on.
    await page.locator('[data-test="decree-back"]').click();
    await page.locator(".answer [data-test=\"holder\"]").waitFor();
    await page.goBack();
    await expect.poll(() => page.url()).toContain('tai=dieu-10-khoan-1');
    await expect.poll(() => inView('#p-dieu-10-khoan-1')).toBe(true);
    expect(errors).toEqual([]);
  }, 60_000);

  it('a provision URL opens on it, on the day in the URL', async () => {
    await page.goto(`${server.url}#/decree?so=${encodeURIComponent('151/2025/NĐ-CP')}&tai=dieu-10-khoan-1&ngay=2025-10-01`);
    await page.locator('#p-dieu-10-khoan-1').waitFor();
    await expect.poll(() => inView('#p-dieu-10-khoan-1')).toBe(true);
    // On 01/10/2025 the clause was in force: no repeal note on it, its record reads in force.
    expect(await page.locator('#p-dieu-10-khoan-1 [data-test="decree-note"]').count()).toBe(0);
    expect(await page.locator('#p-dieu-10-khoan-1 [data-test="status"]').first().getAttribute('data-status')).toBe('hieu-luc');
    // A decree without its text says so instead of an empty page.
    await page.goto(`${server.url}#/decree?so=${encodeURIComponent('122/2025/NĐ-CP')}`);
    await page.locator('[data-test="decree-no-text"]').waitFor();
    expect(errors).toEqual([]);
  }, 60_000);

  it("a decree's view counts the portal's procedures of its powers, agreeing or not, and opens the cross-check on it", async () => {
    const report = (await (await fetch(`${server.url}api/crosscheck`, { method: 'POST', body: '{}' })).json()) as {
      links: Array<{ document: string; agreement: string }>;
      secondHand: Record<string, number>;
    };
    const mine = report.links.filter((l) => l.document === '151/2025/NĐ-CP');
    expect(mine.length).toBeGreaterThan(0);
    await page.goto(`${server.url}#/decree?so=${encodeURIComponent('151/2025/NĐ-CP')}`);
    const line = page.locator('[data-test="decree-portal"]');
    await line.waitFor();
    const text = (await line.textContent())!;
    expect(text).toContain(`${mine.length} thủ tục`);
    expect(text).toContain(`${mine.filter((l) => l.agreement === 'agree').length} khớp`);
    await line.getByRole('link', { name: 'Xem đối chiếu →' }).click();
    await expect.poll(() => decodeURIComponent(page.url())).toContain('#/doi-chieu?nghi-dinh=151/2025/NĐ-CP');
    // A decree without text: the portal's procedures citing it are said second-hand, and the way to add the text is the app's own screen.
    const [noText, count] = Object.entries(report.secondHand).find(([, n]) => n > 0)!;
    await page.goto(`${server.url}#/decree?so=${encodeURIComponent(noText)}`);
    await page.locator('[data-test="decree-no-text"]').waitFor();
    expect(await page.locator('[data-test="decree-portal-second-hand"]').textContent()).toContain(`${count} thủ tục`);
    const noTextLine = (await page.locator('[data-test="decree-no-text"]').textContent())!;
    expect(noTextLine).not.toContain('npm run');
    // It does not speak of records it does not have.
    const doc = ((await (await fetch(`${server.url}api/listDocuments`, { method: 'POST', body: '{}' })).json()) as Array<{ number: string; records: number }>).find((x) => x.number === noText)!;
    if (doc.records === 0) expect(noTextLine).toContain('chưa có bản ghi thẩm quyền nào');
    else expect(noTextLine).toContain(`${doc.records} bản ghi`);
    await page.locator('[data-test="decree-import-link"]').click();
    await page.locator('[data-test="import-view"]').waitFor();
    expect(errors).toEqual([]);
  }, 60_000);
});
