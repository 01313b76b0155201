/**
 * E2E (Chromium, browser mode): "Cập nhật dữ liệu" over a private copy of the real KB. A pack built
 * here with a test key (the app is pointed at its public key) is checked, shown (version, counts,
 * signature ok), installed, and answered from at once; "Khôi phục bản trước" brings the old data
 * back; a pack signed with another key and a tampered one are refused in Vietnamese, data untouched.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readManifest, sha256File, writeManifest } from '../../electron/core/kb/manifest';
import { generatePackKeys, writePack } from '../../electron/core/kb/pack';
import { startServer } from '../../electron/server/serve';
import { kbCopy } from '../core/kb/kb-copy';
import { CHROMIUM, CHROMIUM_ARGS, SHOTS } from './harness';

let dir = '';
let kbPath = '';
let server: { url: string; close(): Promise<void> };
let browser: Browser;
let page: Page;
const errors: string[] = [];
const env = process.env.TRACUU_PACK_PUBKEY;
const packs = { good: '', otherKey: '', tampered: '' };
let originalVersion = '';
const NEW_BUILT_AT = '2027-01-15T08:00:00.000Z';
/** Chromium reads a picked 26 MB file slowly on a busy 2-core runner (16–26 s measured); the app waits, so does the test. */
const SLOW = 120_000;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`Không thấy Chromium tại ${CHROMIUM}.`);
  mkdirSync(SHOTS, { recursive: true });
  ({ dir, kbPath } = await kbCopy('e2e-update-'));
  originalVersion = readManifest(kbPath)!.dataVersion;
  // A newer KB: the same data, built "later" (its own manifest, a different SHA-256).
  const newer = join(dir, 'newer.sqlite');
  writeFileSync(newer, readFileSync(kbPath));
  const db = new Database(newer);
  db.prepare("UPDATE meta SET value = ? WHERE key = 'builtAt'").run(NEW_BUILT_AT);
  db.close();
  writeManifest(newer);
  const keys = generatePackKeys();
  const other = generatePackKeys();
  writeFileSync(join(dir, 'test.pub.pem'), keys.publicKeyPem);
  process.env.TRACUU_PACK_PUBKEY = join(dir, 'test.pub.pem');
  packs.good = join(dir, 'du-lieu-moi.tctq');
  writePack(newer, packs.good, keys.privateKeyPem);
  packs.otherKey = join(dir, 'khoa-la.tctq');
  writePack(newer, packs.otherKey, other.privateKeyPem);
  // One byte of the data changed after signing.
  const bytes = readFileSync(packs.good);
  bytes[bytes.length - 5000] = bytes[bytes.length - 5000]! ^ 0xff;
  packs.tampered = join(dir, 'bi-sua.tctq');
  writeFileSync(packs.tampered, bytes);

  const userDir = mkdtempSync(join(tmpdir(), 'e2e-update-user-'));
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
  if (env === undefined) delete process.env.TRACUU_PACK_PUBKEY;
  else process.env.TRACUU_PACK_PUBKEY = env;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const builtAt = async () => ((await (await fetch(`${server.url}api/stats`, { method: 'POST', body: '{}' })).json()) as { builtAt: string }).builtAt;

describe('Cập nhật dữ liệu (browser mode)', () => {
  it('is linked from the about page and shows the data in use', async () => {
    await page.goto(`${server.url}#/about`);
    await page.locator('[data-test="about-data-links"] a', { hasText: 'Cập nhật dữ liệu' }).click();
    await page.locator('[data-test="data-current"]').waitFor({ timeout: SLOW });
    expect(await page.locator('[data-test="data-current"]').innerText()).toContain(originalVersion);
  });

  it('refuses a pack signed with another key, and a tampered one, saying why; the data stays', { timeout: 300_000 }, async () => {
    const before = sha256File(kbPath);
    await page.setInputFiles('[data-test="pack-file"]', packs.otherKey);
    await page.locator('[data-test="pack-refused"]').waitFor({ timeout: SLOW });
    expect(await page.locator('[data-test="pack-refused"]').innerText()).toContain('Chữ ký của gói dữ liệu không đúng');
    expect(await page.locator('[data-test="pack-unchanged"]').textContent()).toBe('Dữ liệu đang dùng không thay đổi.');
    await page.screenshot({ path: join(SHOTS, 'update-refused.png') });
    await page.setInputFiles('[data-test="pack-file"]', packs.tampered);
    await page.locator('[data-test="pack-refused"]', { hasText: 'SHA-256' }).waitFor({ timeout: SLOW });
    expect(await page.locator('[data-test="install"]').count()).toBe(0);
    expect(sha256File(kbPath)).toBe(before);
  });

  it('shows a good pack (version, counts, signature ok), installs it and answers from it without a restart', { timeout: 300_000 }, async () => {
    await page.setInputFiles('[data-test="pack-file"]', packs.good);
    await page.locator('[data-test="pack-ok"]').waitFor({ timeout: SLOW });
    const card = await page.locator('[data-test="pack-ok"]').innerText();
    expect(card).toContain('Chữ ký hợp lệ');
    expect(card).toContain('2027-01-15.');
    expect(card).toMatch(/\d+ văn bản, \d+ bản ghi thẩm quyền/);
    await page.screenshot({ path: join(SHOTS, 'update-pack-ok.png') });
    await page.locator('[data-test="install"]').click({ timeout: SLOW });
    await page.locator('[data-test="data-done"]').waitFor({ timeout: SLOW });
    expect(await page.locator('[data-test="data-current"]').innerText()).toContain('2027-01-15.');
    expect(await page.locator('[data-test="data-previous"]').innerText()).toContain(originalVersion);
    expect(await builtAt()).toBe(NEW_BUILT_AT); // the running server answers from the new KB
    expect(readManifest(kbPath)!.dataVersion).toMatch(/^2027-01-15\./);
    await page.screenshot({ path: join(SHOTS, 'update-installed.png') });
  });

  it('"Khôi phục bản trước" brings the previous data back', { timeout: 120_000 }, async () => {
    await page.locator('[data-test="restore"]').click({ timeout: SLOW });
    await page.locator('[data-test="data-done"]', { hasText: 'Đã khôi phục' }).waitFor({ timeout: SLOW });
    expect(await page.locator('[data-test="data-current"]').innerText()).toContain(originalVersion);
    expect(await builtAt()).not.toBe(NEW_BUILT_AT);
    expect(errors).toEqual([]);
  });
});
