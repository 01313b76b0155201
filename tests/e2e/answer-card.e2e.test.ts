/**
 * End to end in Debian Chromium: the answer card and what a clerk does with it. Typed search → card
 * with its essentials on one 1366×768 screen; "Sao chép căn cứ" puts the basis on the clipboard in the
 * form of a decision's preamble; "Báo sai sót" refuses an empty comment and downloads a report file
 * naming the record, what was shown, the day and the versions; "In" / "Lưu PDF" print the card with its
 * clause and without the controls (print media and Chromium's PDF).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type BrowserMode, ROOT, SHOTS, useBrowserMode } from './harness';

let server: BrowserMode['server'];
let page: Page;
const errors: string[] = [];
useBrowserMode('answer-card', (m) => ({ server, page } = m), errors, { permissions: ['clipboard-read', 'clipboard-write'] });

const catalogue = JSON.parse(readFileSync(join(ROOT, 'data', 'documents.json'), 'utf8')) as Array<{ number: string; title: string; issued: string }>;
const VIEWPORT_H = 768;

async function bottomOf(selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not shown`);
  return box.y + box.height;
}

/** Typed as a clerk types (no marks), then the first hit in force opened with Enter. */
async function searchAndOpen(q: string): Promise<void> {
  await page.goto(`${server.url}#/`);
  await page.locator('#q').click();
  await page.keyboard.type(q, { delay: 15 });
  await page.locator('#results > li').first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('[data-test="answer-card"] [data-test="holder"]').waitFor();
}

describe('answer card', () => {
  it('search → card: who decides, before → after, the basis, the status on the day and the procedures fit on one screen', async () => {
    // Issue 8's own question: its first answer in force is a power with portal procedures and their time limits.
    await searchAndOpen('lam so do lan dau mat bao lau');
    expect(page.url()).toContain('#/record/');
    for (const sel of ['[data-test="record-status"]', '[data-test="holder"]', '[data-test="change"]', '[data-test="citation"]', '[data-test="copy-basis"]', '[data-test="report-open"]']) {
      expect(await bottomOf(sel), sel).toBeLessThanOrEqual(VIEWPORT_H);
    }
    // This power has a national procedure with a time limit: it is on the first screen too.
    const side = page.locator('[data-test="answer-side"]');
    await expect.poll(() => side.locator('[data-test="side-np-time"]').count()).toBeGreaterThan(0);
    expect(await bottomOf('[data-test="side-np-time"]')).toBeLessThanOrEqual(VIEWPORT_H);
    // The clause is folded and opens on demand.
    const fold = page.locator('[data-test="clause-fold"]');
    expect(await fold.getAttribute('open')).toBeNull();
    await fold.locator('summary').click();
    await page.locator('[data-test="clause"]').waitFor();
    expect((await page.locator('[data-test="clause"]').textContent())!.length).toBeGreaterThan(20);
    await page.screenshot({ path: join(SHOTS, 'answer-card.png') });
    expect(errors).toEqual([]);
  }, 60_000);

  it('a repealed record says so first and names what applies now ("Nay thực hiện theo")', async () => {
    await page.goto(`${server.url}#/record/151-d5-k1-pa-ct-ubnd-xa-quyet-dinh?ngay=2026-03-01`);
    const status = page.locator('[data-test="record-status"]');
    await status.waitFor();
    expect(await status.textContent()).toContain('Đã bãi bỏ');
    const now = page.locator('[data-test="now-by"]');
    expect(await now.textContent()).toMatch(/Nay thực hiện theo:.+Nghị định 49\/2026\/NĐ-CP/u);
    expect(await bottomOf('[data-test="now-by"]')).toBeLessThanOrEqual(VIEWPORT_H);
    // Each body that took it over is named once, with its points (49/2026 names three bodies in six records).
    const named = (await page.locator('[data-test="now-by-holder"] > strong').allTextContents()).map((t) => t.trim());
    expect(named.length).toBeGreaterThan(0);
    expect(new Set(named).size).toBe(named.length);
    expect((await page.locator('[data-test="change"]').textContent())!).toContain('Theo quy định này');
    expect(errors).toEqual([]);
  }, 60_000);

  it('heads the holder by its role, and a former holder the text does not name reads as such, never as a body', async () => {
    // Registers are read at run time: a record whose value is the words "văn bản không nêu" (a correction's).
    const registers = readdirSync(join(ROOT, 'data', 'register')).filter((f) => f.endsWith('.json'));
    const records = registers.flatMap((f) => (JSON.parse(readFileSync(join(ROOT, 'data', 'register', f), 'utf8')) as { records: Array<{ id: string; role: string; formerHolder: string | null }> }).records);
    const card = page.locator('[data-test="answer-card"]');
    const unnamed = records.filter((r) => /^văn bản không nêu/iu.test(r.formerHolder ?? ''));
    const receiver = records.find((r) => r.role === 'tiep-nhan');
    expect(unnamed.length + (receiver ? 1 : 0)).toBeGreaterThan(0);
    for (const r of unnamed.slice(0, 3)) {
      await page.goto(`${server.url}#/record/${r.id}`);
      await card.locator('[data-test="holder"]').waitFor();
      expect(await card.locator('[data-test="former"]').count(), r.id).toBe(0);
      expect(await card.locator('[data-test="former-none"]').textContent()).toContain('văn bản không nêu');
    }
    await page.goto(`${server.url}#/record/120-d4-ubnd-xa-quyet-dinh`);
    await card.locator('[data-test="holder"]').waitFor();
    expect(await page.locator('[data-test="holder-heading"]').textContent()).toBe('Cơ quan, người có thẩm quyền');
    if (receiver) {
      await page.goto(`${server.url}#/record/${receiver.id}`);
      await card.locator('[data-test="holder"]').waitFor();
      expect(await page.locator('[data-test="holder-heading"]').textContent()).toContain('Nơi tiếp nhận hồ sơ');
    }
    // A later act whose catalogue title is only its number is not named twice ("Nghị định 217/2026/NĐ-CP — 217/2026/NĐ-CP").
    for (const d of catalogue.filter((x) => x.title === x.number).slice(0, 1)) {
      const id = records.find((r) => r.id.startsWith(d.number.replace(/\/NĐ-CP$/u, '').replace('/', '-') + '-'))?.id;
      if (!id) continue;
      await page.goto(`${server.url}#/record/${id}`);
      await card.locator('[data-test="holder"]').waitFor();
      expect(await page.locator('.facts').textContent()).not.toContain(`${d.number} — ${d.number}`);
    }
    expect(errors).toEqual([]);
  }, 60_000);

  it('an annex procedure no longer in force names its receiver and decider as the past, never as where to go now', async () => {
    const api = async <T>(name: string, body: unknown): Promise<T> => (await (await fetch(`${server.url}api/${name}`, { method: 'POST', body: JSON.stringify(body) })).json()) as T;
    type Detail = { annexProcedures: Array<{ status: { code: string }; receiver: string | null; decider: string | null }> };
    const ids = (await api<Array<{ id: string }>>('listRecords', {})).map((r) => r.id).filter((id) => id.startsWith('151-'));
    let found = '';
    for (const id of ids) {
      const d = await api<Detail>('getRecord', { id });
      if (d.annexProcedures.some((p) => !['hieu-luc', 'da-sua-doi'].includes(p.status.code) && (p.receiver || p.decider))) {
        found = id;
        break;
      }
    }
    expect(found, 'a 151 record with a repealed annex procedure (most of Phụ lục I since 31/01/2026)').not.toBe('');
    await page.goto(`${server.url}#/record/${found}`);
    const ended = page.locator('[data-test="annex-procedure"].is-ended').first();
    await ended.waitFor();
    for (const line of await ended.locator('.ap-receiver, .ap-decider').allTextContents()) expect(line).toContain('(không còn áp dụng)');
    expect(errors).toEqual([]);
  }, 90_000);

  it('"Sao chép căn cứ" copies the basis as a decision writes it: level by level, "số", the date, the issuer, the title', async () => {
    await page.goto(`${server.url}#/record/151-d5-k1-pi-ct-ubnd-xa-quyet-dinh?ngay=2025-10-01`);
    await page.locator('[data-test="copy-basis"]').click();
    await page.locator('[data-test="copied"]').waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const doc = catalogue.find((d) => d.number === '151/2025/NĐ-CP')!;
    const [y, m, d] = doc.issued.split('-').map(Number);
    expect(copied).toBe(
      `Căn cứ điểm i khoản 1 Điều 5 Nghị định số 151/2025/NĐ-CP ngày ${d} tháng ${m} năm ${y} của Chính phủ ${doc.title.charAt(0).toLowerCase()}${doc.title.slice(1)};`,
    );
    // What was copied is said on the page, so the clerk sees it without pasting.
    expect(await page.locator('[data-test="copied"]').textContent()).toContain(copied);
    // An annex unit is "ban hành kèm theo" its decree.
    await page.goto(`${server.url}#/record/120-pl-mi-k1-ubnd-xa-quyet-dinh?ngay=2025-10-01`);
    await page.locator('[data-test="copy-basis"]').click();
    await page.locator('[data-test="copied"]').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^Căn cứ khoản 1 mục I Phụ lục ban hành kèm theo Nghị định số 120\/2025\/NĐ-CP ngày /u);
    expect(errors).toEqual([]);
  }, 60_000);

  it('"Báo sai sót" asks for a comment, then downloads a report with the record, what was shown, the day and the versions', async () => {
    const id = '120-d12-k1-ct-ubnd-xa-quyet-dinh';
    await page.goto(`${server.url}#/record/${id}?ngay=2025-10-01`);
    const holder = (await page.locator('[data-test="holder"]').textContent())!.trim();
    await page.locator('[data-test="report-open"]').click();
    const comment = page.locator('[data-test="report-comment"]');
    await expect.poll(() => comment.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.locator('[data-test="report-save"]').click();
    expect(await page.locator('[data-test="report-error"]').textContent()).toContain('Hãy ghi vài chữ');
    await comment.fill('Nơi tiếp nhận hồ sơ cần ghi rõ bộ phận một cửa.');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="report-save"]').click()]);
    expect(download.suggestedFilename()).toBe(`bao-sai-sot-${id}-2025-10-01.json`);
    const file = join(SHOTS, download.suggestedFilename());
    await download.saveAs(file);
    const report = JSON.parse(readFileSync(file, 'utf8')) as {
      kind: string;
      record: { id: string; holder: string; citation: string };
      shown: { holder: string; citation: string };
      day: string;
      comment: string;
      app: { version: string };
      data: { builtAt: string };
    };
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(report.kind).toBe('tra-cuu-tham-quyen/bao-sai-sot');
    expect(report.record.id).toBe(id);
    expect(report.record.holder).toBe(holder);
    expect(report.shown.holder).toBe(holder);
    expect(report.shown.citation).toMatch(/^Căn cứ khoản 1 Điều 12 Nghị định số 120\/2025\/NĐ-CP /u);
    expect(report.record.citation).toBe((await page.locator('[data-test="citation"]').textContent())!.trim());
    expect(report.day).toBe('2025-10-01');
    expect(report.comment).toBe('Nơi tiếp nhận hồ sơ cần ghi rõ bộ phận một cửa.');
    expect(report.app.version).toBe(pkg.version);
    expect(report.data.builtAt).toMatch(/^\d{4}-\d{2}-\d{2}T/u);
    expect(await page.locator('[data-test="file-outcome"]').textContent()).toContain(download.suggestedFilename());
    expect(await page.locator('[data-test="report-form"]').count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);
});

describe('print and PDF', () => {
  /** window.print() is the browser's dialog: counted instead of opened. */
  async function stubPrint(): Promise<void> {
    await page.evaluate(() => {
      const w = window as unknown as { __printed: number };
      w.__printed = 0;
      window.print = () => void w.__printed++;
    });
  }
  const printed = (): Promise<number> => page.evaluate(() => (window as unknown as { __printed: number }).__printed);
  /** Pages of a PDF Chromium made: its page objects. */
  const pageCount = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/gu) ?? []).length;

  it('a record prints with its clause unfolded and no controls; "Lưu PDF" in browser mode opens the print dialog', async () => {
    await page.goto(`${server.url}#/record/120-d12-k1-ct-ubnd-xa-quyet-dinh?ngay=2025-10-01`);
    await page.locator('[data-test="holder"]').waitFor();
    await stubPrint();
    await page.locator('[data-test="save-pdf"]').click();
    await expect.poll(printed).toBe(1);
    expect(await page.locator('[data-test="clause-fold"]').getAttribute('open')).not.toBeNull();
    await page.locator('[data-test="print"]').click();
    await expect.poll(printed).toBe(2);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-test="copy-basis"]').isVisible()).toBe(false);
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.locator('[data-test="clause"]').isVisible()).toBe(true);
    const footer = (await page.locator('[data-test="print-footer"]').textContent())!;
    expect(footer).toContain('Căn cứ khoản 1 Điều 12 Nghị định số 120/2025/NĐ-CP');
    // A printed answer says the day it was printed (dd/mm/yyyy, as the other dates) and its status on the day asked.
    const now = new Date();
    const printedOn = `${String(now.getDate()).padStart(2, '0')}/${String(now.getMonth() + 1).padStart(2, '0')}/${now.getFullYear()}`;
    expect(footer).toContain(`In ngày ${printedOn}`);
    const badge = (await page.locator('[data-test="record-status"] .badge').first().textContent())!.trim();
    expect(footer).toContain(`Tình trạng tại ngày 01/10/2025: ${badge}`);
    const pdf = await page.pdf({ path: join(SHOTS, 'record.pdf'), format: 'A4' });
    expect(pageCount(pdf)).toBeGreaterThan(0);
    expect(pageCount(pdf)).toBeLessThanOrEqual(4);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
  }, 60_000);

  it('a sector-tree list prints every record as a plain table (the screen shows only the rows in view)', async () => {
    await page.goto(`${server.url}#/browse?linh-vuc=justice`);
    await expect.poll(() => page.locator('[data-test="record-row"]').count()).toBeGreaterThan(2);
    const n = Number(/· (\d+) bản ghi/u.exec((await page.locator('[data-test="tree-heading"]').textContent())!)![1]);
    expect(await page.locator('[data-test="record-row"]').count()).toBeLessThan(n);
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    const printed = page.locator('[data-test="record-table-print"] tbody tr');
    await expect.poll(() => printed.count()).toBe(n);
    expect(await page.locator('[data-test="record-table-print"]').isVisible()).toBe(true);
    expect(await page.locator('[data-test="tree-printed-on"]').textContent()).toMatch(/^In ngày \d{2}\/\d{2}\/\d{4} /u);
    expect(await page.locator('[data-test="record-table"]').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(() => printed.count()).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);

  it('a results list prints as the list: every hit, no search box or toolbar', async () => {
    await page.goto(`${server.url}#/?q=${encodeURIComponent('dang ky khai sinh')}&ngay=2025-10-01`);
    await expect.poll(() => page.locator('#results > li').count()).toBeGreaterThan(2);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#q').isVisible()).toBe(false);
    const hits = await page.locator('#results > li').count();
    expect(await page.locator('#results > li:visible').count()).toBe(hits);
    // Like a printed record: the day printed and the day the answers are for.
    const dates = page.locator('[data-test="print-dates"]');
    expect(await dates.isVisible()).toBe(true);
    const now = new Date();
    const printedOn = `${String(now.getDate()).padStart(2, '0')}/${String(now.getMonth() + 1).padStart(2, '0')}/${now.getFullYear()}`;
    expect((await dates.textContent())!.replace(/\s+/g, ' ')).toContain(`In ngày ${printedOn} từ ứng dụng Tra cứu thẩm quyền — quy định áp dụng ngày 01/10/2025`);
    // At the top of the paper, above any banner and the first result.
    expect((await dates.boundingBox())!.y).toBeLessThan((await page.locator('#results > li').first().boundingBox())!.y);
    const pdf = await page.pdf({ path: join(SHOTS, 'results.pdf'), format: 'A4' });
    expect(pageCount(pdf)).toBeGreaterThan(0);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('[data-test="print-dates"]').isVisible()).toBe(false);
    expect(errors).toEqual([]);
  }, 60_000);
});
