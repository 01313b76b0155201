/**
 * The second-hand register (data/secondary) against the real articles in
 * ../shared/sources/secondary: every record traces to a verbatim quote that
 * names the holder and the cited article, and no record survives for a decree
 * whose full text is present (a verified source always wins).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AuthorityRecord } from '../../../electron/core/model';
import {
  MAX_QUOTE,
  type SecondaryFile,
  checkEvidence,
  collapse,
  dropSuperseded,
  loadSecondaryRegister,
  readSecondaryRegister,
  secondaryRecordId,
  supersededBy,
  validateSecondaryFile,
} from '../../../electron/core/legal/secondary';
import { parseDecree } from '../../../electron/core/legal/structure';
import { SOURCES, decreeFiles, hasSources, readDecree, repoRoot } from './sources';

const secondaryData = path.join(repoRoot, 'data', 'secondary');
const articlesDir = path.join(SOURCES, 'secondary');
const hasArticles = existsSync(articlesDir);

const rawFiles: Array<{ name: string; data: unknown }> = existsSync(secondaryData)
  ? readdirSync(secondaryData)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((name) => ({ name, data: JSON.parse(readFileSync(path.join(secondaryData, name), 'utf8')) as unknown }))
  : [];
const files = rawFiles.map((f) => f.data as SecondaryFile);
const records = files.flatMap((f) => f.records);

function readArticle(name: string): string | null {
  const p = path.join(articlesDir, name);
  return existsSync(p) ? readFileSync(p, 'utf8') : null;
}

const tmp: string[] = [];
afterAll(() => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

function clone<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

describe('committed second-hand register files', () => {
  it('every file validates and the loader accepts the folder', () => {
    expect(rawFiles.length).toBeGreaterThan(0);
    for (const f of rawFiles) expect(validateSecondaryFile(f.data), f.name).toEqual([]);
    expect(loadSecondaryRegister(secondaryData).length).toBe(rawFiles.length);
  });

  it('holds records (the articles do quote some of these decrees)', () => {
    expect(records.length).toBeGreaterThan(0);
  });

  it('every record is second-hand, names its article and has a short quote from it', () => {
    for (const f of files)
      for (const r of f.records) {
        expect(r.sourceStatus, r.id).toBe('second-hand');
        expect(r.secondarySource, r.id).toMatch(/\.md$/u);
        expect(f.evidence[r.id]?.file, r.id).toBe(r.secondarySource);
        expect(collapse(f.evidence[r.id]?.quote ?? '').length, r.id).toBeLessThanOrEqual(MAX_QUOTE);
        expect(r.title.length, r.id).toBeLessThanOrEqual(120);
        expect(r.citation.document, r.id).toBe(f.document);
      }
  });

  it('ids are unique across files and follow the register scheme', () => {
    const ids = records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of records) expect(r.id).toBe(secondaryRecordId(r.citation, r.holder, r.role));
  });

  it('one file per decree, named after it', () => {
    const docs = files.map((f) => f.document);
    expect(new Set(docs).size).toBe(docs.length);
    for (const f of rawFiles) {
      const doc = (f.data as SecondaryFile).document;
      expect(f.name).toBe(`${doc.replace(/\//gu, '-').replace('NĐ', 'ND')}.json`);
    }
  });
});

describe.skipIf(!hasArticles)('second-hand records against the articles they came from', () => {
  it('every secondarySource exists in the sources', () => {
    for (const r of records) expect(existsSync(path.join(articlesDir, r.secondarySource ?? '')), r.id).toBe(true);
  });

  it('every quote occurs verbatim (NFC, whitespace collapsed) in its article', () => {
    for (const f of files)
      for (const r of f.records) {
        const text = collapse(readArticle(f.evidence[r.id]!.file) ?? '');
        expect(text.includes(collapse(f.evidence[r.id]!.quote)), r.id).toBe(true);
      }
  });

  it('holder phrase and cited "Điều N" (or Phụ lục) stand in the quote or within 400 characters', () => {
    for (const f of files) {
      for (const r of f.records) {
        const text = collapse(readArticle(f.evidence[r.id]!.file) ?? '');
        const quote = collapse(f.evidence[r.id]!.quote);
        const at = text.indexOf(quote);
        const near = text.slice(Math.max(0, at - 400), at + quote.length + 400).toLowerCase();
        expect(near.includes(r.holder.toLowerCase()), `${r.id}: holder`).toBe(true);
        if (r.citation.article !== null)
          expect(new RegExp(`điều ${r.citation.article}(?!\\d)`, 'u').test(near), `${r.id}: Điều`).toBe(true);
        else {
          const annex = /Phụ lục ([IVXLC]+)/u.exec(r.citation.annex ?? '')?.[1]?.toLowerCase();
          expect(annex, `${r.id}: Phụ lục`).toBeTruthy();
          expect(new RegExp(`phụ lục ${annex}(?![ivxlc])`, 'u').test(near), `${r.id}: Phụ lục`).toBe(true);
        }
      }
      expect(checkEvidence(f, readArticle), f.document).toEqual([]);
    }
  });

  it('the omission notes point at real articles', () => {
    for (const f of files) for (const o of f.omitted ?? []) expect(readArticle(o.file), `${f.document} ${o.file}`).not.toBeNull();
  });
});

describe('checkEvidence can fail', () => {
  const f = files.find((x) => x.records.length > 0)!;
  const r = f.records[0]!;

  it.skipIf(!hasArticles)('flags a quote that is not in the article', () => {
    const bad = clone(f);
    bad.evidence[r.id]!.quote = `${bad.evidence[r.id]!.quote} (thêm chữ không có)`;
    expect(checkEvidence(bad, readArticle).some((m) => m.includes('không có nguyên văn'))).toBe(true);
  });

  it.skipIf(!hasArticles)('flags a wrong article number and a holder absent from the article', () => {
    const bad = clone(f);
    bad.records[0] = { ...bad.records[0]!, citation: { ...r.citation, article: 999 }, holder: 'Bộ trưởng Bộ Quốc phòng' };
    const msgs = checkEvidence(bad, readArticle);
    expect(msgs.some((m) => m.includes('Bộ trưởng Bộ Quốc phòng'))).toBe(true);
    expect(msgs.some((m) => m.includes('"Điều 999"'))).toBe(true);
  });

  it('flags a missing article file', () => {
    expect(checkEvidence(f, () => null)[0]).toContain('không tìm thấy bài viết nguồn');
  });
});

describe('validateSecondaryFile rejects what a second-hand record must not be', () => {
  const f = files.find((x) => x.records.length > 0)!;
  const r = f.records[0]!;
  const withRecord = (patch: Partial<AuthorityRecord>): SecondaryFile => {
    const x = clone(f);
    x.records[0] = { ...x.records[0]!, ...patch };
    return x;
  };

  it('a record presented as verified', () => {
    expect(validateSecondaryFile(withRecord({ sourceStatus: 'verified' })).join('\n')).toContain('second-hand');
  });

  it('a record without its article, or without evidence', () => {
    expect(validateSecondaryFile(withRecord({ secondarySource: null })).join('\n')).toContain('bài viết nguồn');
    const x = clone(f);
    delete x.evidence[r.id];
    expect(validateSecondaryFile(x).join('\n')).toContain('thiếu evidence');
  });

  it('a guessed citation (neither article nor annex) and a foreign document', () => {
    const noArticle = withRecord({ citation: { ...r.citation, article: null, annex: null } });
    expect(validateSecondaryFile(noArticle).join('\n')).toContain('không được đoán số Điều');
    expect(validateSecondaryFile(withRecord({ citation: { ...r.citation, document: '999/2025/NĐ-CP' } })).join('\n')).toContain(
      'không thuộc',
    );
  });

  it('an id that does not follow the scheme, a long quote, a long title', () => {
    expect(validateSecondaryFile(withRecord({ id: `${r.id}-x` })).length).toBeGreaterThan(0);
    const long = clone(f);
    long.evidence[r.id]!.quote = 'a'.repeat(MAX_QUOTE + 1);
    expect(validateSecondaryFile(long).join('\n')).toContain(`${MAX_QUOTE}`);
    expect(validateSecondaryFile(withRecord({ title: 'x'.repeat(121) })).join('\n')).toContain('tiêu đề');
  });

  it('non-objects and files without a decree number, in Vietnamese', () => {
    expect(validateSecondaryFile(null)[0]).toMatch(/Tệp thứ cấp/u);
    expect(validateSecondaryFile({ records: [] })[0]).toContain('số văn bản');
  });
});

describe('loader: bad input is reported, nothing is half-loaded', () => {
  it('reports invalid JSON and an invalid file by name, and the strict loader refuses', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'secondary-'));
    tmp.push(dir);
    writeFileSync(path.join(dir, 'a.json'), '{ not json');
    writeFileSync(path.join(dir, 'b.json'), JSON.stringify({ ...files[0], records: [{ id: 'x' }] }));
    const { files: ok, problems } = readSecondaryRegister(dir);
    expect(ok).toEqual([]);
    expect(problems.some((p) => p.startsWith('a.json: không đọc được JSON'))).toBe(true);
    expect(problems.some((p) => p.startsWith('b.json:'))).toBe(true);
    expect(() => loadSecondaryRegister(dir)).toThrow(/không hợp lệ/u);
  });

  it('a missing folder is an empty register', () => {
    expect(loadSecondaryRegister(path.join(os.tmpdir(), 'khong-co-thu-muc-nay'))).toEqual([]);
  });
});

describe('a full text supersedes second-hand records', () => {
  const withRecords = files.filter((f) => f.records.length > 0);

  it('supersededBy picks exactly the records of loaded decrees', () => {
    const doc = withRecords[0]!.document;
    const gone = supersededBy(new Set([doc]));
    for (const r of records) expect(gone(r), r.id).toBe(r.citation.document === doc);
    expect(records.some((r) => !supersededBy(new Set())(r))).toBe(true);
  });

  it('the loader drops them (and their evidence) when the text is loaded', () => {
    const doc = withRecords[0]!.document;
    const loaded = loadSecondaryRegister(secondaryData, new Set([doc]));
    expect(loaded.some((f) => f.document === doc)).toBe(false);
    expect(loaded.flatMap((f) => f.records).length).toBe(records.length - withRecords[0]!.records.length);
    const kept = dropSuperseded(files, new Set([doc]));
    for (const f of kept) expect(Object.keys(f.evidence).sort()).toEqual(f.records.map((r) => r.id).sort());
  });

  it.skipIf(!hasSources)('no committed record belongs to a decree whose full text is in the sources', () => {
    const texts = new Set(decreeFiles().map((f) => parseDecree(readDecree(f)).number).filter((n): n is string => !!n));
    expect(texts.size).toBe(decreeFiles().length);
    const stale = records.filter(supersededBy(texts)).map((r) => r.id);
    expect(stale).toEqual([]);
    expect(files.filter((f) => texts.has(f.document)).map((f) => f.document)).toEqual([]);
  });
});
