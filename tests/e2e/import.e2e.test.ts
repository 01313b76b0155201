/**
 * E2E (Chromium, browser mode): "Nạp văn bản" over a private copy of the real KB. A generated decree
 * is tried first (dry run: recognised, nothing kept), then kept and searchable at once; a file that is
 * not a decree and a zip bomb are refused in Vietnamese, the data untouched.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256File } from '../../electron/core/kb/manifest';
import { startServer } from '../../electron/server/serve';
import { generatedDecree, zipBomb } from '../core/kb/generated-texts';
import { kbCopy } from '../core/kb/kb-copy';
import { CHROMIUM, CHROMIUM_ARGS, SHOTS } from './harness';

/** A trial build of the whole KB runs twice (try, then keep): minutes on a busy runner. */
const SLOW = 240_000;
let dir = '';
let kbPath = '';
let userDir = '';
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;
const errors: string[] = [];
const files = { decree: '', notDecree: '', bomb: '', empty: '' };

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Không thấy Chromium tại ${CHROMIUM}.`);
  mkdirSync(SHOTS, { recursive: true });
  ({ dir, kbPath } = await kbCopy('e2e-import-'));
  files.decree = join(dir, '906-2026-ND-CP.txt');
  writeFileSync(files.decree, generatedDecree(6, { number: '906/2026/NĐ-CP', marker: ' đặc biệt' }));
  files.notDecree = join(dir, 'ghi-chu.txt');
  writeFileSync(files.notDecree, 'Ghi chú cuộc họp ngày 2/12: bàn về lịch trực.\n');
  files.empty = join(dir, 'rong.txt');
  writeFileSync(files.empty, '');
  files.bomb = join(dir, 'bom.docx');
  writeFileSync(files.bomb, await zipBomb(70));
  userDir = mkdtempSync(join(tmpdir(), 'e2e-import-user-'));
  server = await startServer({ port: 0, kbPath, ensure: false, userDir, log: () => {} });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' })).newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const d of [dir, userDir]) if (d) rmSync(d, { recursive: true, force: true });
});

const search = async (q: string) =>
  ((await (await fetch(`${server.url}api/search`, { method: 'POST', body: JSON.stringify({ q, limit: 5 }) })).json()) as { hits: Array<{ citation: { document: string } }> }).hits;

describe('Nạp văn bản (browser mode)', () => {
  it('refuses a text that is not a decree and a zip bomb, saying why; nothing changes', { timeout: 120_000 }, async () => {
    const before = sha256File(kbPath);
    await page.goto(`${server.url}#/about`);
    await page.locator('[data-test="about-data-links"] a', { hasText: 'nạp văn bản' }).click();
    await page.setInputFiles('[data-test="text-file"]', files.notDecree);
    await page.locator('[data-test="import-refused"]', { hasText: 'Không nhận ra số hiệu nghị định' }).waitFor({ timeout: SLOW });
    await page.setInputFiles('[data-test="text-file"]', files.bomb);
    await page.locator('[data-test="import-refused"]', { hasText: 'zip bomb' }).waitFor({ timeout: SLOW });
    expect(await page.locator('[data-test="import-unchanged"]').textContent()).toContain('Không có gì thay đổi');
    // An empty file is refused before the trial (the request's own check): the same card, not a bare error line.
    await page.setInputFiles('[data-test="text-file"]', files.empty);
    await page.locator('[data-test="import-refused"]', { hasText: 'rỗng' }).waitFor({ timeout: SLOW });
    expect(await page.locator('[data-test="import-refused"] .verdict').textContent()).toContain('rong.txt');
    expect(await page.locator('[data-test="import-unchanged"]').isVisible()).toBe(true);
    expect(await page.locator('[data-test="import-error"]').count()).toBe(0);
    // That refusal is an HTTP 400, which Chromium logs as a failed resource; the page itself has no error.
    errors.splice(0, errors.length, ...errors.filter((e) => !/status of 400/u.test(e)));
    expect(sha256File(kbPath)).toBe(before);
    expect(existsSync(join(userDir, 'imports'))).toBe(false);
  });

  it('tries a decree first (recognised, nothing kept), then keeps it and answers from it', { timeout: 2 * SLOW }, async () => {
    const before = sha256File(kbPath);
    await page.setInputFiles('[data-test="text-file"]', files.decree);
    const preview = page.locator('[data-test="import-preview"]');
    await preview.waitFor({ timeout: SLOW });
    expect(await preview.innerText()).toContain('906/2026/NĐ-CP');
    expect(await page.locator('[data-test="import-kind"]').innerText()).toContain('Nghị định trong đợt');
    expect(await page.locator('[data-test="import-counts"]').innerText()).toMatch(/^6 điều, 24 điều khoản, điểm; \d+ bản ghi/);
    expect(sha256File(kbPath)).toBe(before); // the dry run kept nothing
    expect(await search('thử nghiệm loại 3-2 đặc biệt')).not.toContainEqual(expect.objectContaining({ citation: expect.objectContaining({ document: '906/2026/NĐ-CP' }) }));
    await page.screenshot({ path: join(SHOTS, 'import-preview.png') });
    // The server runs in this process: its build blocks Playwright's own client until it is done.
    await page.locator('[data-test="import-confirm"]').click({ timeout: SLOW });
    await page.locator('[data-test="import-done"]').waitFor({ timeout: SLOW });
    expect(await page.locator('[data-test="import-done"]').innerText()).toContain('Đã nạp 906/2026/NĐ-CP');
    expect(readdirSync(join(userDir, 'imports'))).toEqual(['906-2026-ND-CP.txt']);
    expect((await search('thử nghiệm loại 3-2 đặc biệt'))[0]?.citation.document).toBe('906/2026/NĐ-CP');
    expect(errors).toEqual([]);
  });
});
