/**
 * Second-hand registers (data/secondary/*.json) for decrees whose full text is
 * not available: records taken from articles (Q&A, news, provincial decisions)
 * that quote an article of the decree. Each record says so (sourceStatus
 * "second-hand", secondarySource = the article file) and carries, beside it in
 * the file, the short quote that ties holder and article together. A full text
 * replaces them: the loader drops records of any decree whose text is loaded.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { AuthorityRecord, Citation } from '../model';
import { recordId } from './extract';

/** Why a record was believed: the article and the words in it. */
export interface SecondaryEvidence {
  /** Article file name in the sources' secondary/ folder, e.g. "24ac05c2c7c4518e.md". */
  file: string;
  /** Verbatim from the article (after NFC + whitespace collapse), at most 200 characters. */
  quote: string;
  /**
   * Where the mechanism came from: "quote" when the article names the base act
   * (a Luật → phân quyền, a nghị định → phân cấp, as 146/2025 labels them) or the
   * decree is a phân định decree; "default" when the article does not say and
   * the register's default for phân quyền, phân cấp decrees (phân cấp) was used.
   */
  mechanismFrom?: 'quote' | 'default';
}

/** An article that mentions the decree but gave no record, and why. */
export interface SecondaryOmission {
  file: string;
  reason: string;
}

export interface SecondaryFile {
  document: string;
  records: AuthorityRecord[];
  evidence: Record<string, SecondaryEvidence>;
  omitted?: SecondaryOmission[];
}

/** Kept for callers written before the evidence field existed. */
export type SecondaryRegisterFile = SecondaryFile;

export const MAX_QUOTE = 200;
export const MAX_TITLE = 120;
/** How far (characters) from the quote the holder and the cited article may stand. */
export const NEAR = 400;

const LEVELS = ['xa', 'tinh', 'trung-uong'];
const KINDS = ['hdnd', 'ubnd', 'chu-tich-ubnd', 'co-quan-chuyen-mon', 'bo', 'khac'];
const ROLES = ['quyet-dinh', 'tiep-nhan', 'phoi-hop', 'trach-nhiem', 'bai-bo'];
const MECHANISMS = ['phan-dinh', 'phan-quyen', 'phan-cap', 'uy-quyen'];
const SECTORS = ['justice', 'finance', 'construction', 'health', 'agriculture', 'industry', 'interior', 'science', 'ethnic-religion', 'foreign-affairs', 'culture', 'inspection', 'education', 'other'];
const ARTICLE_FILE = /^[A-Za-z0-9._-]+\.md$/u;

/** NFC + whitespace collapsed: the form quotes are compared in. */
export function collapse(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/**
 * The main register's id scheme (recordId), plus the arabic "mục 7" of an
 * annex that recordId only reads in roman numerals — articles quote annex items
 * as the decree numbers them, and two items of one annex must not collide.
 */
export function secondaryRecordId(c: Citation, holder: string, role: AuthorityRecord['role']): string {
  const base = recordId(c, holder, role);
  const item = c.annex ? /mục (\d+)/iu.exec(c.annex) : null;
  return item ? base.replace(/^(\d+(?:-\d+)?-pl[a-z0-9]*)-/u, `$1-m${item[1]}-`) : base;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
const isIntOrNull = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isInteger(v) && v > 0);

function checkCitation(id: string, c: unknown, document: string): string[] {
  if (!isObj(c)) return [`${id}: thiếu trích dẫn`];
  const e: string[] = [];
  if (c.document !== document) e.push(`${id}: trích dẫn không thuộc ${document}`);
  if (!isIntOrNull(c.article) || !isIntOrNull(c.clause)) e.push(`${id}: số Điều/khoản không hợp lệ`);
  if (!isStrOrNull(c.point) || !isStrOrNull(c.annex)) e.push(`${id}: điểm/Phụ lục không hợp lệ`);
  if (c.article === null && c.annex === null) e.push(`${id}: trích dẫn thiếu Điều hoặc Phụ lục (không được đoán số Điều)`);
  return e;
}

function checkRecord(r: unknown, document: string): string[] {
  if (!isObj(r)) return ['Bản ghi không phải đối tượng'];
  const id = typeof r.id === 'string' ? r.id : '?';
  const e: string[] = [];
  if (typeof r.id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(r.id)) e.push(`${id}: mã bản ghi không hợp lệ`);
  if (typeof r.title !== 'string' || !r.title || r.title.length > MAX_TITLE) e.push(`${id}: tiêu đề rỗng hoặc dài quá ${MAX_TITLE} ký tự`);
  if (typeof r.holder !== 'string' || !r.holder) e.push(`${id}: thiếu chủ thể`);
  if (!LEVELS.includes(r.level as string)) e.push(`${id}: cấp không hợp lệ`);
  if (!KINDS.includes(r.holderKind as string)) e.push(`${id}: loại chủ thể không hợp lệ`);
  if (!ROLES.includes(r.role as string)) e.push(`${id}: vai trò không hợp lệ`);
  if (!MECHANISMS.includes(r.mechanism as string)) e.push(`${id}: cơ chế không hợp lệ`);
  if (!SECTORS.includes(r.sector as string)) e.push(`${id}: lĩnh vực không hợp lệ`);
  if (!isStrOrNull(r.formerHolder) || !isStrOrNull(r.field) || !isStrOrNull(r.timeLimit)) e.push(`${id}: trường văn bản không hợp lệ`);
  for (const k of ['refersTo', 'aliases', 'procedures'] as const) {
    const v = r[k];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) e.push(`${id}: ${k} phải là mảng chuỗi`);
  }
  if (r.sourceStatus !== 'second-hand') e.push(`${id}: bản ghi thứ cấp phải có sourceStatus "second-hand"`);
  if (typeof r.secondarySource !== 'string' || !ARTICLE_FILE.test(r.secondarySource))
    e.push(`${id}: bản ghi thứ cấp phải nêu tệp bài viết nguồn (…\.md)`);
  e.push(...checkCitation(id, r.citation, document));
  if (e.length === 0) {
    const expected = secondaryRecordId(r.citation as Citation, r.holder as string, r.role as AuthorityRecord['role']);
    if (expected !== r.id) e.push(`${id}: mã phải là "${expected}" (theo trích dẫn, chủ thể, vai trò)`);
  }
  return e;
}

/** Problems in a second-hand register file, in Vietnamese (empty when valid). */
export function validateSecondaryFile(x: unknown): string[] {
  if (!isObj(x)) return ['Tệp thứ cấp không phải đối tượng JSON'];
  if (typeof x.document !== 'string' || !/^\d+\/\d{4}\/NĐ-CP$/u.test(x.document.normalize('NFC')))
    return ['Tệp thứ cấp thiếu số văn bản (document, dạng "147/2025/NĐ-CP")'];
  if (!Array.isArray(x.records)) return [`${x.document}: thiếu danh sách records`];
  if (!isObj(x.evidence)) return [`${x.document}: thiếu evidence (trích dẫn bài viết cho từng bản ghi)`];
  const e: string[] = [];
  const ids = new Set<string>();
  let prev = '';
  for (const r of x.records) {
    e.push(...checkRecord(r, x.document));
    const id = isObj(r) && typeof r.id === 'string' ? r.id : '?';
    if (ids.has(id)) e.push(`${id}: mã trùng`);
    if (id < prev) e.push(`${id}: bản ghi chưa được sắp xếp theo mã`);
    prev = id;
    ids.add(id);
    const ev = x.evidence[id];
    if (!isObj(ev)) {
      e.push(`${id}: thiếu evidence`);
      continue;
    }
    if (typeof ev.quote !== 'string' || !ev.quote.trim() || collapse(ev.quote).length > MAX_QUOTE)
      e.push(`${id}: trích dẫn bài viết rỗng hoặc dài quá ${MAX_QUOTE} ký tự`);
    if (isObj(r) && ev.file !== r.secondarySource) e.push(`${id}: evidence.file phải trùng secondarySource`);
    if (ev.mechanismFrom !== undefined && ev.mechanismFrom !== 'quote' && ev.mechanismFrom !== 'default')
      e.push(`${id}: mechanismFrom phải là "quote" hoặc "default"`);
  }
  for (const k of Object.keys(x.evidence)) if (!ids.has(k)) e.push(`${k}: evidence không thuộc bản ghi nào`);
  if (x.omitted !== undefined) {
    if (!Array.isArray(x.omitted)) e.push(`${x.document}: omitted phải là mảng`);
    else
      for (const o of x.omitted)
        if (!isObj(o) || typeof o.file !== 'string' || typeof o.reason !== 'string' || !o.reason)
          e.push(`${x.document}: mục omitted thiếu tệp hoặc lý do`);
  }
  return e;
}

/** Compatibility name used by earlier callers. */
export function validateSecondary(file: unknown): string[] {
  return validateSecondaryFile(file);
}

/**
 * The evidence against the article texts: the quote occurs verbatim, and the
 * holder phrase and the cited "Điều N" (or "Phụ lục X" for an annex citation)
 * stand in it or within NEAR characters of it. `readArticle` returns the
 * article text or null when the file is missing.
 */
export function checkEvidence(file: SecondaryFile, readArticle: (name: string) => string | null): string[] {
  const e: string[] = [];
  for (const r of file.records) {
    const ev = file.evidence[r.id];
    if (!ev) continue; // reported by validateSecondaryFile
    const raw = readArticle(ev.file);
    if (raw === null) {
      e.push(`${r.id}: không tìm thấy bài viết nguồn ${ev.file}`);
      continue;
    }
    const text = collapse(raw);
    const quote = collapse(ev.quote);
    const at = text.indexOf(quote);
    if (at < 0) {
      e.push(`${r.id}: trích dẫn không có nguyên văn trong ${ev.file}`);
      continue;
    }
    const near = text.slice(Math.max(0, at - NEAR), at + quote.length + NEAR).toLowerCase();
    if (!near.includes(collapse(r.holder).toLowerCase())) e.push(`${r.id}: chủ thể "${r.holder}" không có gần trích dẫn`);
    for (const unit of citedUnits(r.citation))
      if (!unit.re.test(near)) e.push(`${r.id}: "${unit.label}" không có gần trích dẫn trong ${ev.file}`);
  }
  return e;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** The words an article must use to name the cited unit ("điều 27", "phụ lục viii"), matched in lower case. */
export function citedUnits(c: Citation): Array<{ label: string; re: RegExp }> {
  const out: Array<{ label: string; re: RegExp }> = [];
  const unit = (label: string): void => {
    out.push({ label, re: new RegExp(`${escape(label.toLowerCase())}(?![ivxlc0-9])`, 'u') });
  };
  if (c.article !== null) unit(`Điều ${c.article}`);
  if (c.annex) {
    const pl = /Phụ lục ([IVXLC\d.]+)/iu.exec(c.annex);
    if (pl?.[1]) unit(`Phụ lục ${pl[1]}`);
    const item = /mục ([IVXLC\d]+)/iu.exec(c.annex);
    if (item?.[1]) unit(`mục ${item[1]}`);
  }
  return out;
}

/** Predicate: a record whose decree has a loaded full text (verified source wins). */
export function supersededBy(textDocuments: Set<string>): (r: AuthorityRecord) => boolean {
  const docs = new Set([...textDocuments].map((d) => d.normalize('NFC')));
  return (r) => docs.has(r.citation.document.normalize('NFC'));
}

/** The files without records of decrees whose full text is loaded; emptied files are left out. */
export function dropSuperseded(files: SecondaryFile[], textDocuments: Set<string>): SecondaryFile[] {
  const gone = supersededBy(textDocuments);
  const out: SecondaryFile[] = [];
  for (const f of files) {
    const records = f.records.filter((r) => !gone(r));
    if (records.length === 0 && f.records.length > 0) continue;
    const evidence = Object.fromEntries(Object.entries(f.evidence).filter(([id]) => records.some((r) => r.id === id)));
    out.push({ ...f, records, evidence });
  }
  return out;
}

export interface SecondaryReadResult {
  files: SecondaryFile[];
  /** Vietnamese messages, one per problem, prefixed with the file name. */
  problems: string[];
}

/** Read every *.json in dir; bad files are reported, not loaded, and nothing is changed on disk. */
export function readSecondaryRegister(dir: string): SecondaryReadResult {
  const out: SecondaryReadResult = { files: [], problems: [] };
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
    } catch (err) {
      out.problems.push(`${name}: không đọc được JSON (${(err as Error).message})`);
      continue;
    }
    const errs = validateSecondaryFile(data);
    if (errs.length) out.problems.push(...errs.map((m) => `${name}: ${m}`));
    else out.files.push(data as SecondaryFile);
  }
  return out;
}

/**
 * The second-hand register, minus records of decrees whose full text is in
 * `textDocuments`. Throws a Vietnamese message listing every problem when a
 * file is invalid, so a bad edit is never silently half-loaded.
 */
export function loadSecondaryRegister(dir: string, textDocuments: Set<string> = new Set()): SecondaryFile[] {
  const { files, problems } = readSecondaryRegister(dir);
  if (problems.length) throw new Error(`Sổ thẩm quyền thứ cấp (${dir}) không hợp lệ:\n${problems.join('\n')}`);
  return dropSuperseded(files, textDocuments);
}
