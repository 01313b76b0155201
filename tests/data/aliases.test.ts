/**
 * Everyday names (data/aliases/*.json and data/aliases.json) are data that the KB
 * build merges into records by citation. A typo in a citation silently attaches
 * nothing (or attaches to the wrong record), so every entry is checked here
 * against the REAL register: shape, text hygiene, and that its match resolves.
 */
import { aliasFits, type AliasEntry } from '../../electron/core/kb/aliases';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fold } from '../../electron/core/text/normalize';
import type { AuthorityRecord } from '../../electron/core/model';

const DATA = resolve(fileURLToPath(new URL('../../data', import.meta.url)));

interface CitationLike {
  document: string;
  article: number | null;
  clause: number | null;
  point: string | null;
  annex: string | null;
}
interface RecordLike {
  citation: CitationLike;
  holder: string;
  role: AuthorityRecord['role'];
}

const MATCH_KEYS = ['document', 'article', 'clause', 'point', 'annex', 'holder', 'role'] as const;
const ROLES: readonly string[] = ['quyet-dinh', 'tiep-nhan', 'phoi-hop', 'trach-nhiem', 'bai-bo'];

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

/** Every record the KB can hold (citation and holder): verified registers and second-hand records. */
function loadRecords(): RecordLike[] {
  const files = [...jsonFiles(join(DATA, 'register')), ...jsonFiles(join(DATA, 'secondary'))];
  return files.flatMap((f) => (readJson(f) as { records: RecordLike[] }).records.map((r) => ({ citation: r.citation, holder: r.holder, role: r.role })));
}

/** The KB build's own matching rule (citation, then holder), so the test checks what the product does. */
function landsOn(match: Record<string, unknown>, records: RecordLike[]): RecordLike[] {
  return records.filter((r) => aliasFits(match as AliasEntry['match'], r));
}

/** Holders compared as a reader would: "Cơ quan quản lý nhà ở cấp tỉnh" and "cơ quan quản lý …" are one body. */
const holderKey = (h: string): string => h.normalize('NFC').toLowerCase();

/** Problems of one alias entry, in plain words; empty when the entry is good. */
function aliasEntryProblems(entry: unknown, records: RecordLike[]): string[] {
  const problems: string[] = [];
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return ['mục không phải là đối tượng'];
  const { match, aliases, shared, ...rest } = entry as Record<string, unknown>;
  if (Object.keys(rest).length) problems.push(`khóa lạ: ${Object.keys(rest).join(', ')}`);
  if (shared !== undefined && !(typeof shared === 'string' && shared.trim().length >= 10)) problems.push('"shared" phải nêu lý do (ít nhất 10 ký tự)');

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
    const holders = m.holder === undefined ? [] : Array.isArray(m.holder) ? m.holder : [m.holder];
    if ('holder' in m && (holders.length === 0 || !holders.every((h) => typeof h === 'string' && h.trim() !== '')))
      problems.push('match.holder phải là tên chủ thể hoặc danh sách tên chủ thể');
    const roles = m.role === undefined ? [] : Array.isArray(m.role) ? m.role : [m.role];
    if ('role' in m && (roles.length === 0 || !roles.every((x) => typeof x === 'string' && ROLES.includes(x)))) problems.push('match.role phải là vai trò hợp lệ hoặc danh sách vai trò');
    if (problems.length === 0) {
      const hit = landsOn(m, records);
      if (hit.length === 0) problems.push(`match không trỏ tới bản ghi nào: ${JSON.stringify(m)}`);
      // A holder the citation does not have is a typo: the name would silently land on fewer records.
      for (const h of holders) if (!hit.some((r) => r.holder === h)) problems.push(`chủ thể "${h}" không có bản ghi nào tại ${JSON.stringify({ ...m, holder: undefined })}`);
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

const records = loadRecords();
const aliasFiles = [...jsonFiles(join(DATA, 'aliases')), join(DATA, 'aliases.json')].filter(existsSync);

describe('data/aliases — everyday names keyed by citation', () => {
  it('the register is present, so resolution is actually checked', () => {
    expect(records.length).toBeGreaterThan(100);
    expect(aliasFiles.length).toBeGreaterThan(0);
  });

  for (const file of aliasFiles) {
    const name = file.slice(DATA.length + 1);
    it(`${name}: every entry has a valid shape and resolves to a record`, () => {
      const entries = readJson(file);
      expect(Array.isArray(entries), `${name} phải là mảng`).toBe(true);
      const problems = (entries as unknown[]).flatMap((e, i) => aliasEntryProblems(e, records).map((p) => `#${i}: ${p}`));
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
  const real = records.map((r) => r.citation).find((c) => c.article !== null && c.clause !== null)!;
  const good = { match: { document: real.document, article: real.article!, clause: real.clause! }, aliases: ['làm giấy khai sinh'] };

  it('accepts a well-formed entry that resolves', () => {
    expect(aliasEntryProblems(good, records)).toEqual([]);
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
    ['a holder the citation does not have', { ...good, match: { ...good.match, holder: 'Bộ Ngoại giao giả' } }],
    ['an empty holder list', { ...good, match: { ...good.match, holder: [] } }],
    ['"shared" without a reason', { ...good, shared: '' }],
    ['an unknown role', { ...good, match: { ...good.match, role: 'ra-lenh' } }],
  ])('rejects %s', (_label, bad) => {
    expect(aliasEntryProblems(bad, records).length).toBeGreaterThan(0);
  });
});

describe('data/aliases — a name describes the task of the records it lands on', () => {
  const entries = aliasFiles.flatMap((f) => (readJson(f) as AliasEntry[]).map((e) => ({ file: f.slice(DATA.length + 1), e })));
  const spans = entries.map(({ file, e }) => {
    const hit = landsOn(e.match, records);
    return { file, e, hit, holders: [...new Set(hit.map((r) => holderKey(r.holder)))], roles: [...new Set(hit.map((r) => r.role))] };
  });

  it('no name lands on records of different holders unless the entry says why ("shared")', () => {
    const unmarked = spans.filter((x) => x.holders.length > 1 && !x.e.shared).map((x) => `${x.file} ${JSON.stringify(x.e.match)}: ${x.holders.join(' | ')}`);
    expect(unmarked).toEqual([]);
  });

  it('no name lands on records of different roles unless the entry picks them ("role") or says why ("shared")', () => {
    // "làm sổ đỏ" belongs on the decision (and the body receiving the file), not on a duty to coordinate or report.
    const unmarked = spans.filter((x) => x.roles.length > 1 && x.e.match.role === undefined && !x.e.shared).map((x) => `${x.file} ${JSON.stringify(x.e.match)}: ${x.roles.join(' | ')}`);
    expect(unmarked).toEqual([]);
  });

  it('"shared" is kept only where the name really spans holders or roles (a stale reason would hide a future mistake)', () => {
    const stale = spans.filter((x) => x.e.shared && x.holders.length < 2 && x.roles.length < 2).map((x) => `${x.file} ${JSON.stringify(x.e.match)}`);
    expect(stale).toEqual([]);
  });

  it('a role key narrows for real: 146 Điều 53 «tái xuất khoáng sản nhập khẩu» lands on the decisions, not on the ministry\'s duty to gather opinions', () => {
    const x = spans.filter((s) => s.e.aliases.includes('tái xuất khoáng sản nhập khẩu') && s.e.match.document === '146/2025/NĐ-CP');
    expect(x.flatMap((s) => s.hit.map((r) => r.role))).toEqual(['quyet-dinh', 'quyet-dinh']);
    // The same citation without the key reaches the duty of điểm b khoản 2 too.
    expect(new Set(landsOn({ ...x[0]!.e.match, role: undefined }, records).map((r) => r.role)).size).toBeGreaterThan(1);
  });

  it('a holder key narrows for real: 128 Điều 6 khoản 5 "công nhận xã đảo" lands on the chairman who decides, not on the bodies preparing the file', () => {
    const x = spans.find((s) => s.e.aliases.includes('công nhận xã đảo') && s.e.match.article === 6 && s.e.match.clause === 5)!;
    expect(x.hit.map((r) => r.holder)).toEqual(['Chủ tịch Ủy ban nhân dân cấp tỉnh']);
    // The same citation without the key reaches the commune and the department too.
    expect(new Set(landsOn({ ...x.e.match, holder: undefined }, records).map((r) => r.holder)).size).toBeGreaterThan(1);
  });

  it('a name keyed to its clause where the article\'s clauses are different tasks (samples G 31, H 45, H 56): 146 Điều 25, 129 Điều 7', () => {
    const on = (doc: string, article: number, clause: number) => spans.filter((x) => x.hit.some((r) => r.citation.document === doc && r.citation.article === article && r.citation.clause === clause)).flatMap((x) => x.e.aliases);
    // Khoản 2 (protection corridor), khoản 3 (electrical safety), khoản 4 (safety in household use) of 146 Điều 25.
    expect(on('146/2025/NĐ-CP', 25, 2)).toEqual(['quy định hành lang bảo vệ công trình điện lực']);
    expect(on('146/2025/NĐ-CP', 25, 3)).toEqual(['quy định chung về an toàn điện']);
    expect(on('146/2025/NĐ-CP', 25, 4)).toEqual([]);
    // 129 Điều 7: khoản 1 reissues the certificate, khoản 2 takes it back.
    expect(on('129/2025/NĐ-CP', 7, 1)).toEqual(['xin cấp lại bằng tổ quốc ghi công']);
    expect(on('129/2025/NĐ-CP', 7, 2)).toEqual(['thu hồi bằng tổ quốc ghi công']);
  });

  it('a name keyed to the point that names it (sample R 26): 129 Điều 35 khoản 2 «sơ đồ nghĩa trang» only on điểm b («Quản lý sơ đồ nghĩa trang …»), not on the lists of điểm a', () => {
    const on = (point: string) =>
      spans.filter((x) => x.hit.some((r) => r.citation.document === '129/2025/NĐ-CP' && r.citation.article === 35 && r.citation.clause === 2 && r.citation.point === point)).flatMap((x) => x.e.aliases);
    expect(on('b')).toContain('sơ đồ nghĩa trang liệt sĩ xã');
    for (const p of ['a', 'c', 'd']) expect(on(p).filter((n) => /sơ đồ/u.test(n))).toEqual([]);
    // The clause-wide name still reaches every point of the commune's duty.
    for (const p of ['a', 'b', 'c', 'd']) expect(on(p)).toContain('quản lý mộ liệt sĩ ở xã');
  });
});
