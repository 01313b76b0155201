/**
 * End to end in Debian Chromium through playwright-core, over the real
 * browser-mode server, the real knowledge base and the built renderer:
 * a commune officer types "dang ky khai sinh" (no marks, real key events),
 * sees who decides and on which article on the first screen, opens it.
 * Also: no console errors, no CSP violations, no request leaving the machine.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MECHANISM_LABELS, SECTOR_LABELS } from '../../electron/core/model';
import { fold } from '../../electron/core/text/normalize';
import { startServer } from '../../electron/server/serve';

const root = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(root, 'test-results', 'e2e');
const TARGET_HOLDER = 'Ủy ban nhân dân cấp xã';
// "Điều 4 Nghị định 120/2025/NĐ-CP", possibly after "khoản …"/"điểm …" of that article.
const TARGET_CITATION = /(^|\s)Điều 4 Nghị định 120\/2025\/NĐ-CP$/;
/** Status codes of a record in force on the day (as enacted or as amended). */
const IN_FORCE = ['hieu-luc', 'da-sua-doi'];

let server: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;
let userDir: string;
const consoleErrors: string[] = [];
const foreignRequests: string[] = [];

/** Set before any page script runs: collects CSP violations the page reports. */
function watchCsp(): void {
  const w = window as unknown as { __csp: string[] };
  w.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
  });
}

/** A parameter of the hash route's query (#/?q=…&ngay=…&tinh=…), decoded. */
function hashParam(p: Page, name: string): string | null {
  const hash = new URL(p.url()).hash;
  const i = hash.indexOf('?');
  return i < 0 ? null : new URLSearchParams(hash.slice(i + 1)).get(name);
}

async function cspViolations(p: Page): Promise<string[]> {
  return p.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Không thấy Chromium tại ${CHROMIUM}: cài bằng "apt-get install -y chromium" (hoặc đặt CHROMIUM_PATH).`);
  }
  mkdirSync(SHOTS, { recursive: true });
  userDir = mkdtempSync(join(tmpdir(), 'tra-cuu-e2e-'));
  server = await startServer({ port: 0, userDir, log: () => {} });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  // A common old-laptop screen.
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  await context.addInitScript(watchCsp);
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => {
    if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreignRequests.push(r.url());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (userDir) rmSync(userDir, { recursive: true, force: true });
});

describe('browser mode, search to detail', () => {
  it('serves the page in Vietnamese under a strict CSP', async () => {
    await page.goto(server.url);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('vi');
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    await page.locator('#q').waitFor();
    expect(await page.locator('#q').evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('typing "dang ky khai sinh" shows the commune People\'s Committee under Article 4 of 120/2025 on the first screen', async () => {
    const input = page.locator('#q');
    await input.click();
    const text = 'dang ky khai sinh';
    // Real key events, one at a time; a screenshot series shows results following the typing.
    for (let i = 0; i < text.length; i++) {
      await page.keyboard.type(text[i]!);
      if ([3, 6, 12, 16].includes(i)) await page.screenshot({ path: join(SHOTS, `typing-${String(i + 1).padStart(2, '0')}.png`) });
    }
    expect(await input.inputValue()).toBe(text);

    const target = page
      .locator('.result')
      .filter({ has: page.locator('[data-test="holder"]', { hasText: TARGET_HOLDER }) })
      .filter({ has: page.locator('[data-test="citation"]', { hasText: TARGET_CITATION }) })
      .first();
    await target.waitFor({ state: 'visible', timeout: 15_000 });
    // The results shown are those of the full query, not of a prefix answered late.
    await expect.poll(() => page.locator('.count').textContent()).toContain(text);

    const holder = (await target.locator('[data-test="holder"]').textContent())?.trim();
    expect(holder).toBe(TARGET_HOLDER);
    expect((await target.locator('[data-test="citation"]').textContent())?.trim()).toMatch(TARGET_CITATION);

    // On the first screen: fully inside the viewport without scrolling.
    const box = await target.boundingBox();
    const vp = page.viewportSize()!;
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(vp.height);
    const scrollY = await page.evaluate(() => window.scrollY);
    expect(scrollY).toBe(0);

    // Readable on an old laptop: no visible text under 14px.
    const { small, checked } = await page.evaluate(() => {
      const out: string[] = [];
      let seen = 0;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent?.trim() || el.getClientRects().length === 0) continue;
        seen++;
        const px = parseFloat(getComputedStyle(el).fontSize);
        if (px < 14) out.push(`${px}px: ${n.textContent.trim().slice(0, 40)}`);
      }
      return { small: out, checked: seen };
    });
    expect(checked).toBeGreaterThan(20);
    expect(small).toEqual([]);

    await page.screenshot({ path: join(root, 'docs', 'screenshot.png') });
    await page.screenshot({ path: join(SHOTS, 'results.png') });

    // Open it and read the detail.
    const formerInList = await target.locator('.result-former').count();
    await target.locator('a').first().click();
    await page.waitForURL(/#\/record\//);
    const detailHolder = page.locator('.answer [data-test="holder"]');
    await detailHolder.waitFor();
    expect((await detailHolder.textContent())?.trim()).toBe(TARGET_HOLDER);
    expect((await page.locator('.answer [data-test="citation"]').textContent())?.trim()).toMatch(TARGET_CITATION);
    const mechanism = (await page.locator('[data-test="mechanism"]').textContent())?.trim();
    expect(Object.values(MECHANISM_LABELS)).toContain(mechanism);
    expect((await page.locator('[data-test="sector"]').textContent())?.trim()).toContain(SECTOR_LABELS.justice);
    // The former holder appears on the detail exactly when the record names one.
    expect(await page.locator('[data-test="former"]').count()).toBe(formerInList);
    // 120/2025 is loaded in full: the cited provision is shown and names the holder it is cited for.
    const clause = await page.locator('[data-test="clause"]').textContent();
    expect(fold(clause ?? '')).toContain(fold(TARGET_HOLDER));
    await page.screenshot({ path: join(SHOTS, 'detail.png'), fullPage: true });
  });

  it('going back keeps the query and results; Enter opens the first result; Escape clears', async () => {
    await page.locator('button', { hasText: 'Quay lại kết quả' }).click();
    await page.waitForURL((u) => !u.hash.includes('/record/'));
    const input = page.locator('#q');
    expect(await input.inputValue()).toBe('dang ky khai sinh');
    const firstHref = await page.locator('.result a').first().getAttribute('href');
    expect(firstHref).toMatch(/#\/record\//);

    await input.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.href.endsWith(firstHref!.replace(/^\.?\/?/, '')));
    await page.locator('.answer [data-test="holder"]').waitFor();
    // Esc on the detail goes back to the same results.
    await page.keyboard.press('Escape');
    await page.waitForURL((u) => !u.hash.includes('/record/'));
    expect(await input.inputValue()).toBe('dang ky khai sinh');

    await input.focus();
    await page.keyboard.press('Escape');
    expect(await input.inputValue()).toBe('');
    await page.locator('.welcome').waitFor();
    expect(await page.locator('.result').count()).toBe(0);
  });

  it('leaves a Vietnamese IME composition alone and searches when it ends', async () => {
    const input = page.locator('#q');
    const searched: string[] = [];
    const onRequest = (r: { url(): string; postData(): string | null }) => {
      if (r.url().endsWith('/api/search')) searched.push((JSON.parse(r.postData() ?? '{}') as { q: string }).q);
    };
    page.on('request', onRequest);
    try {
      await input.focus();
      await page.keyboard.type('khai ');
      await expect.poll(() => searched.at(-1)).toBe('khai ');
      const before = searched.length;
      // An OS IME (Telex) composing "sinh": Chromium sends composition events, as Windows does.
      const cdp = await page.context().newCDPSession(page);
      for (const t of ['s', 'si', 'sin', 'sinh']) {
        await cdp.send('Input.imeSetComposition', { text: t, selectionStart: t.length, selectionEnd: t.length });
      }
      expect(await input.inputValue()).toBe('khai sinh');
      // Backspace and Enter while composing belong to the IME: no search, no navigation.
      await page.keyboard.press('Backspace');
      expect(await input.inputValue()).toBe('khai sin');
      await cdp.send('Input.imeSetComposition', { text: 'sinh', selectionStart: 4, selectionEnd: 4 });
      await page.keyboard.press('Enter');
      expect(page.url()).not.toContain('/record/');
      expect(await input.inputValue()).toBe('khai sinh');
      expect(searched.length).toBe(before);
      // Commit: compositionend runs the search with the whole syllable.
      await cdp.send('Input.insertText', { text: 'sinh' });
      await expect.poll(() => searched.at(-1)).toBe('khai sinh');
      await expect.poll(() => page.locator('.count').textContent()).toContain('khai sinh');
      expect(await input.inputValue()).toBe('khai sinh');
      await cdp.detach();
    } finally {
      page.off('request', onRequest);
    }
    await page.keyboard.press('Escape');
  });

  it('lists all documents with their text state on the browse page', async () => {
    await page.locator('nav a', { hasText: 'Văn bản' }).click();
    const rows = page.locator('[data-test="documents"] tbody tr');
    await rows.first().waitFor();
    const n = await rows.count();
    const stated = Number(await page.locator('[data-test="stats"] .stat-n').first().textContent());
    expect(n).toBe(stated);
    const row120 = rows.filter({ hasText: '120/2025/NĐ-CP' });
    expect(await row120.count()).toBe(1);
    expect(await row120.locator('.not-loaded').count()).toBe(0);
    // Records by status today: 49/2026 repealed part of 151/2025.
    expect(await page.locator('[data-test="status-counts"]').textContent()).toContain('Đã bãi bỏ');
    await page.screenshot({ path: join(SHOTS, 'browse.png'), fullPage: true });

    // The record count of a decree opens exactly that many records.
    const countButton = row120.locator('td.num button');
    const stated120 = Number((await countButton.textContent())?.trim());
    expect(stated120).toBeGreaterThan(0);
    await countButton.click();
    // The search page, with the decree's number as the query in the URL (#/?q=…).
    await page.waitForURL((u) => /^#\/(\?|$)/.test(u.hash));
    await expect.poll(() => page.locator('.count strong').textContent()).toBe(String(stated120));
    const cites = await page.locator('.result [data-test="citation"]').allTextContents();
    expect(cites.length).toBeGreaterThan(0);
    for (const c of cites) expect(c).toMatch(/Nghị định 120\/2025\/NĐ-CP$/);
  });

  it('saves a record and finds it again under "Đã lưu"', async () => {
    await page.locator('nav a', { hasText: 'Tra cứu' }).click();
    const input = page.locator('#q');
    await input.focus();
    await page.keyboard.press('Escape');
    expect(await input.inputValue()).toBe('');
    await page.keyboard.type('dang ky khai sinh');
    await expect.poll(() => page.locator('.count').textContent()).toContain('dang ky khai sinh');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/record\//);
    const title = (await page.locator('.record-title').textContent())?.trim();
    const button = page.locator('[data-test="bookmark"]');
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('false');
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
    await page.locator('nav a', { hasText: 'Đã lưu' }).click();
    const saved = page.locator('.saved-view .result');
    await saved.first().waitFor();
    expect(await saved.count()).toBe(1);
    expect((await saved.first().locator('.result-title').textContent())?.trim()).toBe(title);
  });

  it('keeps a note on a saved record and the recent searches across a reload', async () => {
    await page.locator('nav a', { hasText: 'Đã lưu' }).click();
    await page.locator('[data-test="note"] button', { hasText: 'Thêm ghi chú' }).first().click();
    await page.locator('[data-test="note"] textarea').fill('hỏi về khai sinh cho con');
    await page.locator('[data-test="note"] button', { hasText: 'Lưu ghi chú' }).click();
    await page.reload();
    await page.locator('nav a', { hasText: 'Đã lưu' }).click();
    await expect.poll(() => page.locator('[data-test="note"]').first().textContent()).toContain('hỏi về khai sinh cho con');
    await page.locator('nav a', { hasText: 'Tra cứu' }).click();
    await page.locator('#q').focus();
    await page.keyboard.press('Escape');
    const recent = page.locator('[data-test="recent"]');
    await recent.waitFor();
    expect(await recent.textContent()).toContain('dang ky khai sinh');
  });

  it('warns when no record holds every word typed, naming the missing words', async () => {
    await page.locator('nav a', { hasText: 'Tra cứu' }).click();
    const input = page.locator('#q');
    await input.focus();
    await page.keyboard.press('Escape');
    await page.keyboard.type('dang ky khai sinh xyzqw');
    const warning = page.locator('[data-test="partial"]');
    await warning.waitFor();
    // The warning follows the typing ("«xyz»" on the way): wait for the last keystroke's answer.
    await expect.poll(() => warning.textContent()).toContain('«xyzqw»');
    await page.keyboard.press('Escape');
    await page.keyboard.type('dang ky khai sinh');
    await expect.poll(() => page.locator('.count').textContent()).toContain('dang ky khai sinh');
    expect(await warning.count()).toBe(0);
  });

  it('reads the law on a day: 49/2026 in force today above the repealed 151/2025; on 01/10/2025 151/2025 answers', async () => {
    await page.locator('nav a', { hasText: 'Tra cứu' }).click();
    const input = page.locator('#q');
    await input.focus();
    await page.keyboard.press('Escape');
    await page.keyboard.type('lam so do lan dau');
    const results = page.locator('#results .result');
    const first = results.first();
    await expect.poll(() => first.locator('[data-test="citation"]').textContent()).toContain('49/2026/NĐ-CP');
    expect(IN_FORCE).toContain(await first.locator('[data-test="status"]').getAttribute('data-status'));
    expect(await first.getAttribute('class')).not.toContain('is-former');

    // The repealed 151/2025 answer is still listed, labelled, and never looks like the answer.
    const repealed = results
      .filter({ has: page.locator('[data-test="citation"]', { hasText: '151/2025/NĐ-CP' }) })
      .filter({ has: page.locator('[data-test="status"][data-status="bai-bo"]') })
      .first();
    await repealed.waitFor();
    expect((await repealed.locator('[data-test="status-label"]').textContent())?.trim()).toMatch(/^Đã bãi bỏ/);
    expect(await repealed.getAttribute('class')).toContain('is-former');
    const holderWeight = (l: ReturnType<Page['locator']>) => l.locator('[data-test="holder"]').evaluate((e) => getComputedStyle(e).fontWeight);
    expect(Number(await holderWeight(repealed))).toBeLessThan(Number(await holderWeight(first)));
    // Keyboard: Enter still opens the answer in force, not the repealed one.
    expect(await first.getAttribute('aria-current')).toBe('true');
    await page.screenshot({ path: join(SHOTS, 'timeline-today.png') });

    // The repealed record: its status, what applies now, and its history.
    await repealed.locator('a').first().click();
    await page.waitForURL(/#\/record\//);
    const recStatus = page.locator('[data-test="record-status"]');
    await recStatus.waitFor();
    expect(await recStatus.locator('[data-test="status-label"]').textContent()).toMatch(/^Đã bãi bỏ.*49\/2026\/NĐ-CP/);
    expect(await page.locator('[data-test="timeline-event"]', { hasText: 'Bãi bỏ' }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'detail-repealed.png') });
    await page.screenshot({ path: join(SHOTS, 'detail-repealed-full.png'), fullPage: true });
    await page.keyboard.press('Escape');
    await page.waitForURL((u) => !u.hash.includes('/record/'));

    // On 01/10/2025, before 49/2026: 151/2025 is the answer, in force.
    // A day that does not exist is refused in words, and what was typed stays to be corrected.
    await page.locator('#ngay').fill('31/02/2026');
    await page.locator('#ngay').press('Enter');
    await expect.poll(() => page.locator('#ngay').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#ngay').inputValue()).toBe('31/02/2026');
    expect(hashParam(page, 'ngay')).toBeNull();
    // Typed day first, as a Vietnamese clerk writes it.
    await page.locator('#ngay').fill('01/10/2025');
    await page.locator('#ngay').press('Enter');
    await expect.poll(() => hashParam(page, 'ngay')).toBe('2025-10-01');
    await expect.poll(() => first.locator('[data-test="citation"]').textContent()).toContain('151/2025/NĐ-CP');
    expect(IN_FORCE).toContain(await first.locator('[data-test="status"]').getAttribute('data-status'));
    await expect.poll(() => page.locator('.count').textContent()).toContain('01/10/2025');
    await page.screenshot({ path: join(SHOTS, 'timeline-2025-10-01.png') });

    // The URL reopens the same list on the same day.
    await page.reload();
    await expect.poll(() => page.locator('#q').inputValue()).toBe('lam so do lan dau');
    expect(await page.locator('#ngay').inputValue()).toBe('01/10/2025');
    await expect.poll(() => first.locator('[data-test="citation"]').textContent()).toContain('151/2025/NĐ-CP');

    // "Hôm nay" goes back to today's law.
    await page.locator('[data-test="today"]').click();
    await expect.poll(() => first.locator('[data-test="citation"]').textContent()).toContain('49/2026/NĐ-CP');
    expect(hashParam(page, 'ngay')).toBeNull();
  });

  it('in Lào Cai shows who holds a delegated power and links the province\'s decision; past the term, a notice and no answer', async () => {
    const input = page.locator('#q');
    await input.focus();
    await page.keyboard.press('Escape');
    await page.keyboard.type('giao dat cho thue dat');
    const province = page.locator('#tinh');
    // Filled from listProvinces.
    await expect.poll(() => province.locator('option').allTextContents()).toContain('Lào Cai');
    await province.selectOption('Lào Cai');
    await expect.poll(() => hashParam(page, 'tinh')).toBe('Lào Cai');
    const delegated = page
      .locator('#results .result')
      .filter({ has: page.locator('[data-test="citation"]', { hasText: /^Khoản 1 Điều 14 Nghị định 49\/2026\/NĐ-CP$/ }) })
      .first();
    const note = delegated.locator('[data-test="delegation"]');
    await expect.poll(() => note.textContent(), { timeout: 15_000 }).toContain('Lào Cai');
    // The holder in Lào Cai differs from the national text's: it is said in the note.
    expect(await note.textContent()).toContain('Chủ tịch Ủy ban nhân dân cấp xã');
    expect((await delegated.locator('[data-test="holder"]').textContent())?.trim()).toBe('Ủy ban nhân dân cấp tỉnh');
    await delegated.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'province-lao-cai.png') });
    await note.locator('[data-test="delegation-link"]').click();
    await page.waitForURL(/#\/record\//);
    await expect.poll(() => page.locator('.answer [data-test="citation"]').textContent()).toContain('Quyết định 40/2026/QĐ-UBND');
    expect(hashParam(page, 'tinh')).toBe('Lào Cai');
    await page.keyboard.press('Escape');
    await page.waitForURL((u) => !u.hash.includes('/record/'));

    // The province is remembered across a reload; Toàn quốc forgets it.
    await page.goto(`${server.url}#/`);
    await expect.poll(() => province.inputValue()).toBe('Lào Cai');
    await province.selectOption('');
    await expect.poll(() => hashParam(page, 'tinh')).toBeNull();

    // After the term of the batch: a banner above the list, and no hit in force reads as the answer.
    await page.locator('#q').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.type('lam so do lan dau');
    await page.locator('#ngay').fill('15/03/2027');
    await page.locator('#ngay').press('Enter');
    const banner = page.locator('[data-test="notice"]');
    await expect.poll(() => banner.textContent()).toContain('01/03/2027');
    const first = page.locator('#results .result').first();
    await expect.poll(() => first.getAttribute('class')).toContain('is-former');
    await page.screenshot({ path: join(SHOTS, 'after-term.png') });
    await page.locator('[data-test="today"]').click();
    await expect.poll(() => banner.count()).toBe(0);
  });

  it('raised no console error, no CSP violation and no request off the machine', async () => {
    expect(await cspViolations(page)).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });
});
