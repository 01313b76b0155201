import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../electron/core/paths';
import { HAS_SOURCES, SOURCES } from '../core/kb/kb-fixture';
import { generatedDecree, zipBomb } from '../core/kb/generated-texts';

const ROOT = repoRoot();
// A KB path of its own: the first call builds it, as on a fresh clone.
const scratch = mkdtempSync(join(tmpdir(), 'cli-'));
const env = { ...process.env, KB_PATH: join(scratch, 'kb.sqlite'), KB_USER_DIR: join(scratch, 'user') };

function kb(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/kb.ts', ...args], {
    cwd: ROOT,
    env,
    input,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.skipIf(!HAS_SOURCES)('kb CLI', () => {
  beforeAll(() => {
    const first = kb(['stats', '--json']);
    expect(first.code).toBe(0);
    expect(first.err).toContain('Đang dựng cơ sở dữ liệu tri thức'); // built on first use
  });

  it('search --json prints one answer: the day, the decrees without text, and cited results', () => {
    const r = kb(['search', 'dang ky khai sinh', '--json', '--limit', '5']);
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.out) as { query: string; date: string; outOfCoverage: unknown[]; results: Array<Record<string, unknown>> };
    expect(answer.query).toBe('dang ky khai sinh');
    expect(answer.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(answer.outOfCoverage).toEqual([]); // civil status is in 120, whose text we have
    const hits = answer.results;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.length).toBeLessThanOrEqual(5);
    for (const h of hits) {
      expect(Object.keys(h)).toEqual(expect.arrayContaining(['id', 'title', 'holder', 'level', 'sector', 'citation', 'score']));
      expect(['xa', 'tinh', 'trung-uong']).toContain(h.level);
      // How sure the engine is, and why (issue 9).
      expect(['high', 'medium', 'low']).toContain(h.confidence);
      expect(typeof h.confidenceReason).toBe('string');
    }
    const first = hits[0] as { holder: string; citation: { document: string; article: number; clause: number | null; point: string | null } };
    expect(first.holder).toBe('Ủy ban nhân dân cấp xã');
    expect(first.citation).toMatchObject({ document: '120/2025/NĐ-CP', article: 4, clause: null, point: null });
  });

  it('search --json names the decree without text first when the topic is its own (health)', () => {
    const r = kb(['search', 'cấp chứng chỉ hành nghề dược', '--json', '--limit', '3']);
    expect(r.code).toBe(0);
    const answer = JSON.parse(r.out) as { outOfCoverage: Array<{ number: string; sector: string }> };
    expect(answer.outOfCoverage.map((o) => o.number)).toContain('148/2025/NĐ-CP');
    expect(answer.outOfCoverage[0]!.sector).toBe('Y tế');
  });

  it('search --stdin prints one JSON line per query with the time of the search alone', () => {
    const r = kb(['search', '--stdin', '--json', '--limit', '3'], 'dang ky khai sinh\n\nxin phép xây nhà\n');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { query: string; tookMs: number; results: unknown[] });
    expect(lines.map((l) => l.query)).toEqual(['dang ky khai sinh', 'xin phép xây nhà']);
    for (const l of lines) {
      expect(typeof l.tookMs).toBe('number');
      expect(l.results.length).toBeLessThanOrEqual(3);
    }
  });

  it('stats --json counts documents, records, sectors and levels', () => {
    const s = JSON.parse(kb(['stats', '--json']).out) as { documents: number; records: number; bySector: Record<string, number>; byLevel: Record<string, number> };
    // The 28 decrees of the batch, plus the amending, later and provincial acts whose texts are loaded.
    expect(s.documents).toBe(28 + (s as unknown as { acts: unknown[] }).acts.length);
    expect(Object.values(s.byLevel).reduce((a, b) => a + b, 0)).toBe(s.records);
    expect(Object.keys(s.bySector)).toEqual(expect.arrayContaining(['justice', 'finance', 'construction', 'industry', 'interior', 'agriculture']));
  });

  it('coverage --json has one row per decree', () => {
    const rows = JSON.parse(kb(['coverage', '--json']).out) as Array<Record<string, unknown>>;
    expect(rows.length).toBeGreaterThanOrEqual(28);
    expect(rows.filter((r) => (r.unexplained as number) > 0)).toEqual([]);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(
        expect.arrayContaining(['document', 'textLoaded', 'authorityClauses', 'records', 'unexplained', 'unresolvedCitations']),
      );
    }
    expect(rows.filter((r) => r.textLoaded).length).toBeGreaterThanOrEqual(11);
  });

  it('bad input gets a Vietnamese message and exit code 2', () => {
    const empty = kb(['search', '   ', '--json']);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('Hãy nhập từ khóa tìm kiếm.');
    const limit = kb(['search', 'x', '--limit', 'abc']);
    expect(limit.code).toBe(2);
    expect(limit.err).toContain('--limit cần một số nguyên dương.');
    expect(kb(['frobnicate']).err).toContain('Lệnh không rõ: frobnicate');
    const missing = kb(['import', '/khong/co/tep/nay.txt']);
    expect(JSON.parse(missing.out).rejected[0].reason).toBe('Không tìm thấy tệp hoặc thư mục.');
  });

  it('import refuses a file that is not a decree, and a text for a decree with an official text without --replace (exit 2)', () => {
    const notADecree = join(scratch, 'ghi-chu.txt');
    writeFileSync(notADecree, 'Danh sách việc cần làm\n1. Gọi điện\n');
    const r = kb(['import', notADecree, join(SOURCES!, 'decrees', '120-2025-ND-CP.txt')]);
    expect(r.code).toBe(2);
    const summary = JSON.parse(r.out) as { imported: unknown[]; rejected: Array<{ file: string; reason: string }> };
    expect(summary.rejected[0]).toEqual({ file: notADecree, reason: 'Không nhận ra số hiệu nghị định (dòng "Số: …/NĐ-CP").' });
    expect(summary.rejected[1]!.reason).toBe(
      `Nghị định 120/2025/NĐ-CP đã có văn bản chính thức ${join('decrees', '120-2025-ND-CP.txt')}. Thêm --replace để thay bằng tệp này.`,
    );
    expect(summary.imported).toEqual([]);
    expect(r.err).toContain('Từ chối');
  });

  it('import of a zip-bomb .docx exits 2 with a Vietnamese reason, and the CLI still works after', async () => {
    const bomb = join(scratch, 'bom.docx');
    writeFileSync(bomb, await zipBomb(70));
    const r = kb(['import', bomb]);
    expect(r.code).toBe(2);
    expect((JSON.parse(r.out) as { rejected: Array<{ reason: string }> }).rejected[0]!.reason).toMatch(/zip bomb/);
    expect(existsSync(join(scratch, 'user', 'imports'))).toBe(false);
    expect(kb(['stats', '--json']).code).toBe(0);
  });

  it('import keeps a new decree text (exit 0) after a staged build', () => {
    const text = join(scratch, 'nd-901.txt');
    writeFileSync(text, generatedDecree(4));
    const r = kb(['import', text]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out) as { imported: Array<{ document: string; savedAs: string; replaces: string | null }> };
    expect(summary.imported.map((i) => [i.document, i.replaces])).toEqual([['901/2026/NĐ-CP', null]]);
    expect(existsSync(summary.imported[0]!.savedAs)).toBe(true);
    const found = (JSON.parse(kb(['search', 'giấy phép thử nghiệm loại 3-2', '--json', '--limit', '3']).out) as { results: Array<{ citation: { document: string } }> }).results;
    expect(found[0]!.citation.document).toBe('901/2026/NĐ-CP');
  });
});
