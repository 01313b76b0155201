/**
 * The committed register (data/) against the real texts: schema, the holder
 * named in every cited provision, up to date with the sources, deterministic.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../../electron/core/legal/catalogue';
import { coverageOf } from '../../../electron/core/legal/coverage';
import type { RegisterFile } from '../../../electron/core/legal/extract';
import { validateRegisterFile } from '../../../electron/core/legal/schema';
import { contextOf, parseDecree } from '../../../electron/core/legal/structure';
import { namesHolder } from '../../../electron/core/legal/text';
import { run } from '../../../scripts/extract-register';
import { readActSet } from '../../../electron/core/legal/act-set';
import { listSourceFiles } from '../../../electron/core/kb/source-texts';
import { SOURCES, decreeFiles, hasSources, readDecree, repoRoot } from './sources';

const dataDir = path.join(repoRoot, 'data');
const registerDir = path.join(dataDir, 'register');
const registers = existsSync(registerDir)
  ? readdirSync(registerDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(path.join(registerDir, f), 'utf8')) as RegisterFile)
  : [];

describe('committed register files', () => {
  it('are valid against the schema', () => {
    expect(registers.length).toBeGreaterThan(0);
    for (const reg of registers) expect(validateRegisterFile(reg), reg.document).toEqual([]);
  });

  it('ids are unique across all decrees and titles stay short (no copying the law)', () => {
    const ids = registers.flatMap((r) => r.records.map((x) => x.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of registers.flatMap((x) => x.records)) expect(r.title.length).toBeLessThanOrEqual(120);
  });

  it('the catalogue lists all 28 decrees of the batch, each text-bearing one with its file', () => {
    const docs = readCatalogue(dataDir);
    expect(docs.filter((d) => d.inBatch)).toHaveLength(28);
    for (const reg of registers) {
      const d = docs.find((x) => x.number === reg.document);
      expect(d?.file, reg.document).toBe(reg.source.file);
      expect(d?.sha256).toBe(reg.source.sha256);
    }
    for (const s of ['justice', 'finance', 'construction', 'health', 'agriculture', 'industry', 'interior'])
      expect(docs.some((d) => d.sector === s), s).toBe(true);
  });
});

describe.skipIf(!hasSources)('register against the real texts', () => {
  // Every text of the sources (decrees, amending, later and provincial acts), read together as the
  // extractor reads them: the additions of amending acts are units of the decree they join.
  const raw = listSourceFiles(SOURCES!)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(f, 'utf8'))
    .map((text) => ({ parsed: parseDecree(text), text }))
    .filter((t) => t.parsed.number && t.parsed.articles.length > 0);
  const batch = new Set(readCatalogue(dataDir).filter((e) => e.inBatch).map((e) => e.number));
  const parsedByNumber = readActSet(raw, batch).texts;
  void decreeFiles;
  void readDecree;
  let tmp: string | null = null;
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('every text in the sources has a register file', () => {
    expect(registers.map((r) => r.document).sort()).toEqual([...parsedByNumber.keys()].sort());
  });

  it('property: every record\'s holder is named in its cited provision (heading, lead-in or text)', () => {
    let checked = 0;
    for (const reg of registers) {
      const parsed = parsedByNumber.get(reg.document)!;
      for (const r of reg.records) {
        const ctx = contextOf(parsed, r.citation);
        expect(ctx, r.id).not.toBeNull();
        // "Cơ quan … quy định tại các điểm a, b và c khoản này có thẩm quyền …": the holder is named in those points.
        expect(namesHolder(r.holder, ctx!, r.citation.point, (point) => contextOf(parsed, { ...r.citation, point })), `${r.id}: ${r.holder}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('property: no record outlives the date its own provision ends it («X tiếp tục thực hiện … đến ngày D»)', () => {
    // A holder the text keeps only until a day carries that term (data/corrections "set" termTo: the day after D), so it
    // is not shown in force to the decree's end (144 Điều 46 khoản 1 điểm c, sample T 67: Cục Đường bộ Việt Nam, until 31/12/2025).
    const untilRe = /tiếp tục (?:thực hiện )?[^.;]*?đến (?:hết )?ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/u;
    const dayAfter = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    let limited = 0;
    for (const reg of registers) {
      const parsed = parsedByNumber.get(reg.document)!;
      for (const r of reg.records) {
        const ctx = contextOf(parsed, r.citation) ?? '';
        const at = ctx.indexOf(`${r.holder} tiếp tục`);
        const m = at >= 0 ? untilRe.exec(ctx.slice(at)) : null;
        if (!m) continue;
        const until = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
        if (until >= '2027-02-28') continue;
        limited += 1;
        expect(r.term?.to, `${r.id}: «${m[0].slice(0, 80)}…»`).toBe(dayAfter(until));
      }
    }
    expect(limited).toBeGreaterThan(0);
    // What it hands over to starts that day: 144 Điều 31 khoản 1 from 01/01/2026.
    const k1 = registers.find((r) => r.document === '144/2025/NĐ-CP')!.records.filter((r) => r.citation.article === 31 && r.citation.clause === 1);
    expect(k1.length).toBeGreaterThan(0);
    for (const r of k1) expect(r.term?.from).toBe('2026-01-01');
  });

  it('49/2026 Điều 14 khoản 2: the land registry issues in the other cases (c); the body that issued corrects, revokes and re-issues (d)', () => {
    const reg = registers.find((r) => r.document === '49/2026/NĐ-CP')!;
    const at = (point: string) => reg.records.filter((r) => r.citation.article === 14 && r.citation.clause === 2 && r.citation.point === point);
    expect(at('c').map((r) => [r.holder, r.level, r.role])).toEqual([['Văn phòng đăng ký đất đai', 'tinh', 'quyet-dinh']]);
    // Point d names no body: "Cơ quan có thẩm quyền cấp Giấy chứng nhận … quy định tại các điểm a, b và c khoản này".
    const sisters = new Set(['a', 'b', 'c'].flatMap((p) => at(p).map((r) => r.holder)));
    expect(new Set(at('d').map((r) => r.holder))).toEqual(sisters);
    expect(at('d').every((r) => r.role === 'quyet-dinh' && /^Đính chính/u.test(r.title))).toBe(true);
    // "Văn phòng đăng ký đất đai có các phòng chuyên môn …" (151 Điều 16 khoản 2) assigns nothing: "ký" of "đăng ký" is no verb.
    const reg151 = registers.find((r) => r.document === '151/2025/NĐ-CP')!;
    expect(reg151.records.filter((r) => /^Ký đất đai/u.test(r.title))).toEqual([]);
  });

  it('coverage: in every text, each clause with an authority phrase is a record or has a recorded reason', () => {
    for (const reg of registers) {
      const cov = coverageOf(parsedByNumber.get(reg.document)!, reg);
      expect(cov.unexplainedClauses, reg.document).toEqual([]);
      expect(cov.authorityClauses, reg.document).toBeGreaterThanOrEqual(cov.excluded.length / 2);
    }
  });

  it('every citation resolves and every clause with an authority phrase is a record or has a reason in 120', () => {
    for (const reg of registers) expect(reg.unresolvedCitations, reg.document).toEqual([]);
    const reg120 = registers.find((r) => r.document === '120/2025/NĐ-CP')!;
    const cov = coverageOf(parsedByNumber.get('120/2025/NĐ-CP')!, reg120);
    expect(cov).toMatchObject({ textLoaded: true, unexplained: 0, unresolvedCitations: 0 });
    expect(cov.authorityClauses).toBeGreaterThan(20);
  });

  it('data/ is up to date with the sources, and extraction is deterministic (two runs, same bytes)', () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'register-'));
    const outs: string[] = [];
    for (const name of ['a', 'b']) {
      const dir = path.join(tmp, name);
      cpSync(path.join(dataDir, 'corrections'), path.join(dir, 'corrections'), { recursive: true });
      cpSync(path.join(dataDir, 'acts.json'), path.join(dir, 'acts.json'));
      const summary = run(SOURCES, dir);
      expect(summary.problems).toEqual([]);
      outs.push(dir);
    }
    const files = readdirSync(path.join(outs[0]!, 'register')).sort();
    expect(files).toEqual(readdirSync(registerDir).filter((f) => f.endsWith('.json')).sort());
    for (const f of files) {
      const a = readFileSync(path.join(outs[0]!, 'register', f), 'utf8');
      expect(readFileSync(path.join(outs[1]!, 'register', f), 'utf8')).toBe(a);
      expect(readFileSync(path.join(registerDir, f), 'utf8'), `${f} is stale: run npm run extract`).toBe(a);
    }
    const docs = readFileSync(path.join(outs[0]!, 'documents.json'), 'utf8');
    expect(readFileSync(path.join(outs[1]!, 'documents.json'), 'utf8')).toBe(docs);
    expect(readFileSync(path.join(dataDir, 'documents.json'), 'utf8')).toBe(docs);
  });

  it('a decree text outside the catalogue still becomes a flagged document', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'register-new-'));
    try {
      const src = path.join(dir, 'src');
      cpSync(path.join(repoRoot, 'tests/fixtures/legal/mini-decree.txt'), path.join(src, 'whatever-name.txt'));
      const out = path.join(dir, 'data');
      const summary = run(src, out);
      expect(summary.texts.map((t) => t.number)).toEqual(['999/2025/NĐ-CP']);
      const docs = readCatalogue(out);
      expect(docs.find((d) => d.number === '999/2025/NĐ-CP')).toMatchObject({ inBatch: false, kind: 'phan-dinh', sector: 'justice', file: 'whatever-name.txt' });
      expect(docs[0]!.flags).toContain('not-in-batch');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

});
