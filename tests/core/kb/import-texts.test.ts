/**
 * Safe import on generated inputs: every refusal leaves the KB and the imports folder byte for
 * byte as they were, with a Vietnamese reason; a kept text went through a successful build;
 * a second text for a decree needs `replace` and says what it replaces.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkDocx, DOCX_LIMITS } from '../../../electron/core/kb/docx-guard';
import { ensureKb } from '../../../electron/core/kb/ensure';
import { IMPORT_LIMITS, importExitCode, importTexts, type ImportOptions } from '../../../electron/core/kb/import-texts';
import { openKnowledgeBase } from '../../../electron/core/kb/open';
import { docxOf, generatedDecree, lyingZipBomb, zipBomb } from './generated-texts';
import { HAS_SOURCES, ROOT, SOURCES } from './kb-fixture';

const failBuild = vi.hoisted(() => ({ on: false }));
vi.mock('../../../electron/core/kb/build', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../electron/core/kb/build')>();
  return {
    ...real,
    buildKb: (opts: Parameters<typeof real.buildKb>[0]) => {
      if (failBuild.on) throw new RangeError('Maximum call stack size exceeded');
      return real.buildKb(opts);
    },
  };
});

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
const tmp = mkdtempSync(join(tmpdir(), 'import-'));
const userDir = join(tmp, 'user');
const importsDir = join(userDir, 'imports');
const kbPath = join(tmp, 'kb.sqlite');
/** One official text, as the shared sources would hold it. */
const sourcesDir = join(tmp, 'sources');
const opts = (extra: Partial<ImportOptions> = {}): ImportOptions => ({ root: ROOT, userDir, kbPath, sourcesDir, ...extra });
const quiet = () => {};

function snapshot(): string {
  const h = createHash('sha256');
  h.update(existsSync(kbPath) ? readFileSync(kbPath) : Buffer.alloc(0));
  if (existsSync(importsDir)) for (const f of readdirSync(importsDir).sort()) h.update(f).update(readFileSync(join(importsDir, f)));
  h.update(readdirSync(userDir).sort().join('|')); // no staging left behind
  return h.digest('hex');
}

function file(name: string, content: string | Buffer): string {
  const p = join(tmp, 'in', name);
  mkdirSync(join(tmp, 'in'), { recursive: true });
  writeFileSync(p, content);
  return p;
}

/** Vietnamese as a Windows-1258 file would hold it: bytes above 0x7F that are not UTF-8. */
const cp1258Like = (text: string) => Buffer.from([...text.normalize('NFD')].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : 0xc0 + (ch.charCodeAt(0) % 0x3f))));

const bombs: { honest: Buffer; lying: Buffer } = { honest: Buffer.alloc(0), lying: Buffer.alloc(0) };
const envBefore = { ...process.env };
beforeAll(async () => {
  bombs.honest = await zipBomb(70);
  bombs.lying = await lyingZipBomb(70);
  mkdirSync(join(sourcesDir, 'decrees'), { recursive: true });
  if (HAS_SOURCES) cpSync(join(SOURCES!, 'decrees', '139-2025-ND-CP.txt'), join(sourcesDir, 'decrees', '139-2025-ND-CP.txt'));
  mkdirSync(userDir, { recursive: true });
  Object.assign(process.env, { KB_USER_DIR: userDir, KB_SOURCES: sourcesDir, KB_PATH: kbPath });
  await ensureKb({ kbPath });
});
afterAll(() => {
  process.env = envBefore;
});

describe('refusals before any build: the KB and imports/ stay as they were', () => {
  const cases: Array<[string, () => Promise<string> | string, RegExp]> = [
    ['an empty file', () => file('rong.txt', ''), /rỗng/],
    ['binary bytes', () => file('nhi-phan.txt', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) % 256))), /UTF-8/],
    ['NUL bytes that are valid UTF-8', () => file('nul.txt', `${generatedDecree(2)}\u0000\u0000`), /nhị phân/],
    ['Windows-1258 text (wrong encoding)', () => file('cp1258.txt', cp1258Like(generatedDecree(2))), /UTF-8/],
    ['UTF-16 with a BOM', () => file('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(generatedDecree(2), 'utf16le')])), /UTF-8/],
    ['a text that is not a decree', () => file('ghi-chu.txt', 'Danh sách việc cần làm\n1. Gọi điện\n'), /số hiệu nghị định/],
    ['a decree with no provisions', () => file('trong.txt', generatedDecree(0)), /Không tìm thấy điều khoản/],
    ['a huge text (over the size limit)', () => file('lon.txt', generatedDecree(1).padEnd(IMPORT_LIMITS.maxTextBytes + 10, 'x')), /quá lớn/],
    ['too many provisions', () => file('nhieu.txt', generatedDecree(3000)), /quá số tối đa 10000/],
    ['a .docx that is not a zip', () => file('gia.docx', generatedDecree(3)), /không phải tệp Word \.docx hợp lệ/],
    ['a .docx that is a zip but not Word', async () => {
      const JSZip = (await import('jszip')).default;
      const z = new JSZip();
      z.file('a.txt', 'x');
      return file('zip.docx', await z.generateAsync({ type: 'nodebuffer' }));
    }, /thiếu word\/document\.xml/],
    ['a zip bomb (70 MB in well under 1 MB)', () => file('bom.docx', bombs.honest), /zip bomb/],
    ['a zip bomb whose headers lie about its size', () => file('bom-noi-doi.docx', bombs.lying), /zip bomb/],
    ['a truncated .docx', async () => file('cut.docx', (await docxOf(generatedDecree(3))).subarray(0, 200)), /không phải tệp Word/],
  ];
  it.each(cases)('%s', async (_label, make, reason) => {
    const path = await make();
    const before = snapshot();
    const s = await importTexts([path], quiet, opts());
    expect(s.imported).toEqual([]);
    expect(s.rejected).toHaveLength(1);
    expect(s.rejected[0]!.reason).toMatch(reason);
    expect(s.rejected[0]!.reason).toMatch(VIETNAMESE);
    expect(importExitCode(s)).toBe(2);
    expect(snapshot()).toBe(before);
  });

  it('a zip bomb that lies is stopped by the ceiling on real inflation, not by its headers', () => {
    expect(bombs.lying.length).toBeLessThan(1024 * 1024);
    // Its headers say 1 KB; the budget (16 MB here) is what stops the inflation.
    expect(() => checkDocx(bombs.lying, 'bom.docx', { ...DOCX_LIMITS, maxUnzippedBytes: 16 * 1024 * 1024 })).toThrow(
      'Tệp bom.docx bị từ chối: giải nén ra hơn 16 MB. Tệp có thể đã hỏng hoặc được tạo ra để làm treo máy (zip bomb).',
    );
    // The honest one is refused from its headers alone.
    expect(() => checkDocx(bombs.honest, 'bom.docx')).toThrow(/giải nén ra 70 MB \(tối đa 64 MB\)/);
  });
});

describe('staged import', () => {
  it('keeps a generated decree (and a real .docx) only after a build with it succeeds; the next start builds nothing', async () => {
    const s = await importTexts([file('901.txt', generatedDecree(5)), file('902.docx', await docxOf(generatedDecree(4, { number: '902/2026/NĐ-CP' })))], quiet, opts());
    expect(s.rejected).toEqual([]);
    expect(s.imported.map((i) => [i.document, i.replaces])).toEqual([
      ['901/2026/NĐ-CP', null],
      ['902/2026/NĐ-CP', null],
    ]);
    expect(importExitCode(s)).toBe(0);
    expect(readdirSync(importsDir).sort()).toEqual(['901-2026-ND-CP.txt', '902-2026-ND-CP.txt']);
    const kb = openKnowledgeBase({ kbPath });
    expect(kb.listDocuments().find((d) => d.number === '902/2026/NĐ-CP')?.textLoaded).toBe(true);
    expect(kb.allRecords().filter((r) => r.citation.document === '901/2026/NĐ-CP').length).toBeGreaterThan(0);
    expect((await ensureKb({ kbPath })).rebuilt).toBe(false);
  });

  it('refuses a second, different text for a decree unless replace is set, and says what it replaces', async () => {
    const other = file('901-moi.txt', generatedDecree(6, { marker: ' (bản mới)' }));
    const before = snapshot();
    const refused = await importTexts([other], quiet, opts());
    expect(refused.rejected[0]!.reason).toBe(`Nghị định 901/2026/NĐ-CP đã có văn bản đã nạp trước ${join(importsDir, '901-2026-ND-CP.txt')}. Thêm --replace để thay bằng tệp này.`);
    expect(importExitCode(refused)).toBe(2);
    expect(snapshot()).toBe(before);
    const replaced = await importTexts([other], quiet, opts({ replace: true }));
    expect(replaced.imported[0]).toMatchObject({ document: '901/2026/NĐ-CP', replaces: `văn bản đã nạp trước ${join(importsDir, '901-2026-ND-CP.txt')}` });
    expect(readFileSync(join(importsDir, '901-2026-ND-CP.txt'), 'utf8')).toContain('(bản mới)');
    const kb = openKnowledgeBase({ kbPath });
    expect(kb.allRecords().some((r) => r.citation.document === '901/2026/NĐ-CP' && r.citation.article === 6)).toBe(true);
  });

  it('the very same text again is no change (exit 0)', async () => {
    const before = snapshot();
    const s = await importTexts([file('901-lai.txt', generatedDecree(6, { marker: ' (bản mới)' }))], quiet, opts());
    expect(s.unchanged.map((u) => u.document)).toEqual(['901/2026/NĐ-CP']);
    expect(importExitCode(s)).toBe(0);
    expect(snapshot()).toBe(before);
  });

  it.skipIf(!HAS_SOURCES)('a text for a decree with an official text needs replace; then it is the one the KB reads', async () => {
    const official = readFileSync(join(sourcesDir, 'decrees', '139-2025-ND-CP.txt'), 'utf8');
    const kb0 = openKnowledgeBase({ kbPath });
    const record = kb0.allRecords().find((r) => r.citation.document === '139/2025/NĐ-CP' && kb0.provisionFor(r))!;
    const words = kb0.provisionFor(record)!.text.slice(0, 60);
    expect(official.indexOf(words)).toBeGreaterThan(0);
    const edited = official.replace(words, `${words} [BẢN NẠP]`);
    const path = file('139.txt', edited);
    const before = snapshot();
    const refused = await importTexts([path], quiet, opts());
    expect(refused.rejected[0]!.reason).toBe(
      `Nghị định 139/2025/NĐ-CP đã có văn bản chính thức ${join('decrees', '139-2025-ND-CP.txt')}. Thêm --replace để thay bằng tệp này.`,
    );
    expect(snapshot()).toBe(before);
    const s = await importTexts([path], quiet, opts({ replace: true }));
    expect(s.imported[0]!.replaces).toBe(`văn bản chính thức ${join('decrees', '139-2025-ND-CP.txt')}`);
    const kb = openKnowledgeBase({ kbPath });
    expect(kb.provisionFor(kb.recordById(record.id)!)!.text).toContain('[BẢN NẠP]');
    expect(kb0.provisionFor(record)!.text).not.toContain('[BẢN NẠP]');
  });

  it('a build that fails keeps nothing: KB and imports/ as they were, exit code 1', async () => {
    const before = snapshot();
    failBuild.on = true;
    try {
      const s = await importTexts([file('903.txt', generatedDecree(3, { number: '903/2026/NĐ-CP' }))], quiet, opts());
      expect(s.failed).toMatch(/Không có gì thay đổi/);
      expect(s.imported).toEqual([]);
      expect(importExitCode(s)).toBe(1);
    } finally {
      failBuild.on = false;
    }
    expect(snapshot()).toBe(before);
    expect(readdirSync(userDir).filter((f) => f.startsWith('.nap-'))).toEqual([]);
  });

  it('two files for one decree in the same import: the second is refused', async () => {
    const s = await importTexts([file('904a.txt', generatedDecree(2, { number: '904/2026/NĐ-CP' })), file('904b.txt', generatedDecree(3, { number: '904/2026/NĐ-CP' }))], quiet, opts());
    expect(s.imported.map((i) => i.document)).toEqual(['904/2026/NĐ-CP']);
    expect(s.rejected[0]!.reason).toMatch(/Trùng nghị định 904\/2026\/NĐ-CP/);
    expect(importExitCode(s)).toBe(2);
  });

  it('a dry run says what the text is — number, kind, articles, records, what it would replace — and keeps nothing', async () => {
    const before = snapshot();
    const s = await importTexts([file('905.txt', generatedDecree(7, { number: '905/2026/NĐ-CP' }))], quiet, opts({ dryRun: true }));
    expect(s.rejected).toEqual([]);
    expect(s.imported).toEqual([]);
    expect(s.recognised).toHaveLength(1);
    const r = s.recognised[0]!;
    expect([r.document, r.kind, r.articles, r.provisions, r.replaces]).toEqual(['905/2026/NĐ-CP', 'batch', 7, 28, null]);
    expect(r.records).toBeGreaterThanOrEqual(21); // one power per clause, each held by the commune
    expect(r.title).toMatch(/THỬ NGHIỆM|thử nghiệm/);
    expect(snapshot()).toBe(before); // KB and imports/ byte for byte as they were, no staging left
    // A text for a decree already imported: the dry run (asked with replace) names what it replaces.
    const again = await importTexts([file('901-khac.txt', generatedDecree(3, { marker: ' (khác)' }))], quiet, opts({ dryRun: true, replace: true }));
    expect(again.recognised[0]!.replaces).toBe(`văn bản đã nạp trước ${join(importsDir, '901-2026-ND-CP.txt')}`);
    expect(snapshot()).toBe(before);
  });
});
