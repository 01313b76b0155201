/**
 * Everyday names (data/aliases/*.json and data/aliases.json) are data that the KB
 * build merges into records by citation. A typo in a citation silently attaches
 * nothing (or attaches to the wrong record), so every entry is checked here
 * against the REAL register: shape, text hygiene, and that its match resolves.
 */
import { aliasMatches, type AliasEntry } from '../../electron/core/kb/aliases';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fold } from '../../electron/core/text/normalize';

const DATA = resolve(fileURLToPath(new URL('../../data', import.meta.url)));

interface CitationLike {
  document: string;
  article: number | null;
  clause: number | null;
  point: string | null;
  annex: string | null;
}

const MATCH_KEYS = ['document', 'article', 'clause', 'point', 'annex'] as const;

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

/** Citations of every record the KB can hold: verified registers and second-hand records. */
function loadCitations(): CitationLike[] {
  const files = [...jsonFiles(join(DATA, 'register')), ...jsonFiles(join(DATA, 'secondary'))];
  return files.flatMap((f) => (readJson(f) as { records: { citation: CitationLike }[] }).records.map((r) => r.citation));
}

/** Same rule as the KB build: keys given in the match must equal the record's citation. */
/** The KB build's own matching rule, so the test checks what the product does. */
function resolves(match: Record<string, unknown>, c: CitationLike): boolean {
  return aliasMatches(match as AliasEntry['match'], c);
}

/** Problems of one alias entry, in plain words; empty when the entry is good. */
function aliasEntryProblems(entry: unknown, citations: CitationLike[]): string[] {
  const problems: string[] = [];
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return ['mục không phải là đối tượng'];
  const { match, aliases, ...rest } = entry as Record<string, unknown>;
  if (Object.keys(rest).length) problems.push(`khóa lạ: ${Object.keys(rest).join(', ')}`);

  if (typeof match !== 'object' || match === null || Array.isArray(match)) {
    problems.push('thiếu "match"');
  } else {
    const m = match as Record<string, unknown>;
    const extra = Object.keys(m).filter((k) => !(MATCH_KEYS as readonly string[]).includes(k));
    if (extra.length) problems.push(`match có khóa lạ: ${extra.join(', ')}`);
    if (typeof m.document !== 'string' || !m.document.trim()) problems.push('match.document phải là chuỗi');
    // An omitted key matches any value; null matches only records without one (the clause itself, not its points).
    if ('article' in m && !(Number.isInteger(m.article) && (m.article as number) > 0)) problems.push('match.article phải là số nguyên dương');
    if ('clause' in m && m.clause !== null && !(Number.isInteger(m.clause) && (m.clause as number) > 0)) {
      problems.push('match.clause phải là số nguyên dương hoặc null');
    }
    for (const k of ['point', 'annex'] as const) {
      if (k in m && m[k] !== null && !(typeof m[k] === 'string' && (m[k] as string).trim() !== '')) problems.push(`match.${k} phải là chuỗi khác rỗng hoặc null`);
    }
    if (problems.length === 0 && !citations.some((c) => resolves(m, c))) {
      problems.push(`match không trỏ tới bản ghi nào: ${JSON.stringify(m)}`);
    }
  }

  if (!Array.isArray(aliases) || aliases.length === 0) {
    problems.push('"aliases" phải là mảng không rỗng');
  } else {
    const seen = new Set<string>();
    for (const a of aliases) {
      if (typeof a !== 'string') {
        problems.push(`tên gọi không phải chuỗi: ${JSON.stringify(a)}`);
        continue;
      }
      if (a !== a.trim()) problems.push(`thừa khoảng trắng: "${a}"`);
      if (a !== a.normalize('NFC')) problems.push(`không ở dạng NFC: "${a}"`);
      if (a !== a.toLowerCase()) problems.push(`phải viết thường: "${a}"`);
      if (a.length < 2 || a.length > 80) problems.push(`độ dài ngoài 2–80 ký tự: "${a}"`);
      if (!/[\p{L}\p{N}]/u.test(fold(a))) problems.push(`rỗng sau khi bỏ dấu: "${a}"`);
      if (seen.has(a)) problems.push(`trùng lặp: "${a}"`);
      seen.add(a);
    }
  }
  return problems;
}

const citations = loadCitations();
const aliasFiles = [...jsonFiles(join(DATA, 'aliases')), join(DATA, 'aliases.json')].filter(existsSync);

describe('data/aliases — everyday names keyed by citation', () => {
  it('the register is present, so resolution is actually checked', () => {
    expect(citations.length).toBeGreaterThan(100);
    expect(aliasFiles.length).toBeGreaterThan(0);
  });

  for (const file of aliasFiles) {
    const name = file.slice(DATA.length + 1);
    it(`${name}: every entry has a valid shape and resolves to a record`, () => {
      const entries = readJson(file);
      expect(Array.isArray(entries), `${name} phải là mảng`).toBe(true);
      const problems = (entries as unknown[]).flatMap((e, i) => aliasEntryProblems(e, citations).map((p) => `#${i}: ${p}`));
      expect(problems).toEqual([]);
    });
  }

  it('per-decree files only hold entries of their own decree', () => {
    const wrong: string[] = [];
    for (const file of jsonFiles(join(DATA, 'aliases'))) {
      // File name "120-2025-ND-CP.json" ↔ document "120/2025/NĐ-CP": compare the number and year only.
      const key = /^(\d+)-(\d{4})/.exec(file.split(/[\\/]/).pop() ?? '');
      if (!key) continue;
      for (const e of readJson(file) as { match: { document: string } }[]) {
        if (!e.match.document.startsWith(`${key[1]}/${key[2]}/`)) wrong.push(`${file}: ${e.match.document}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe('aliasEntryProblems rejects bad entries (in-memory examples)', () => {
  // A real citation from the register, so the good example resolves and the bad ones fail for their own reason.
  const real = citations.find((c) => c.article !== null && c.clause !== null)!;
  const good = { match: { document: real.document, article: real.article!, clause: real.clause! }, aliases: ['làm giấy khai sinh'] };

  it('accepts a well-formed entry that resolves', () => {
    expect(aliasEntryProblems(good, citations)).toEqual([]);
  });

  it.each([
    ['an empty point', { ...good, match: { ...good.match, point: '' } }],
    ['a null article', { ...good, match: { ...good.match, article: null } }],
    ['article as a string', { ...good, match: { ...good.match, article: String(good.match.article) } }],
    ['a citation that matches no record', { ...good, match: { document: real.document, article: 9999 } }],
    ['an unknown document', { ...good, match: { document: '999/2099/NĐ-CP' } }],
    ['an empty alias list', { ...good, aliases: [] }],
    ['upper case', { ...good, aliases: ['Làm Sổ Đỏ'] }],
    ['untrimmed', { ...good, aliases: [' sổ đỏ'] }],
    ['NFD instead of NFC', { ...good, aliases: ['sổ đỏ'.normalize('NFD')] }],
    ['a duplicate', { ...good, aliases: ['sổ đỏ', 'sổ đỏ'] }],
    ['too short', { ...good, aliases: ['a'] }],
    ['too long', { ...good, aliases: ['x'.repeat(81)] }],
    ['nothing left after folding marks', { ...good, aliases: ['\u0301\u0300'] }],
    ['an unknown key', { ...good, note: 'x' }],
  ])('rejects %s', (_label, bad) => {
    expect(aliasEntryProblems(bad, citations).length).toBeGreaterThan(0);
  });
});
