/**
 * `kb import`: official texts a user downloaded (.txt or .docx) join the sources — safely.
 *
 * 1. Every file is checked before anything is written: size, .docx structure and unzipped size
 *    (docx-guard.ts: not a zip, zip bomb), UTF-8, a decree number, provisions within the limit.
 * 2. A second text for a decree already imported, or a text for a decree that has an official
 *    text, is refused unless `replace` is set; the summary says what it replaces.
 * 3. Staged: the imports folder as it would be (a copy plus the new texts) is built into a
 *    temporary KB beside it. Only if that build succeeds are the texts moved into imports/ and
 *    the new KB renamed over the old one (its input hash already matches, so the next start does
 *    not build again). A failed build leaves the KB and the imports folder exactly as they were.
 *
 * Nothing here prints: the CLI turns the summary into output and an exit code
 * (0 all kept, 2 something refused, 1 the build failed).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import type { ActKind, AuthorityRecord, DocumentInfo } from '../model';
import { parseDecree } from '../legal/structure';
import { dataDir, defaultKbPath, defaultSourcesDir, defaultUserDir, repoRoot } from '../paths';
import { buildKb } from './build';
import { checkDocx, ImportRefused } from './docx-guard';
import { inputHash } from './ensure';
import { installKb } from './manifest';
import { openKnowledgeBase } from './open';
import { listSourceFiles, readSourceText } from './source-texts';

export const IMPORT_LIMITS = {
  /** A .txt: the largest real decree is about 0.6 MB. */
  maxTextBytes: 8 * 1024 * 1024,
  /** A .docx as downloaded (pictures and all). */
  maxDocxBytes: 32 * 1024 * 1024,
  /** Provisions (articles, clauses, points) of one text: the largest real decree has about 1,300. */
  maxProvisions: 10_000,
  /** Files in one import (a folder). */
  maxFiles: 200,
} as const;

export interface ImportOptions {
  /** Replace a text already imported, or the official text, of the same decree. */
  replace?: boolean;
  root?: string;
  kbPath?: string;
  /** Folder of the user's data; imports/ lives in it (default .userdata/ or KB_USER_DIR). */
  userDir?: string;
  /** Folder of the official texts (default ../shared/sources or KB_SOURCES; null: none). */
  sourcesDir?: string | null;
  limits?: Partial<typeof IMPORT_LIMITS>;
  /**
   * Dry run: everything up to the trial build (checks, what it replaces, the build with the texts),
   * then report what was recognised and keep nothing — the KB and imports/ stay as they were.
   */
  dryRun?: boolean;
}

/** What a text was recognised as, in the trial build (dry run and real import alike). */
export interface RecognisedText {
  file: string;
  document: string;
  title: string;
  kind: ActKind;
  /** For an amending or later act: the decrees whose provisions it changes; for a provincial act, its province. */
  changes: string[];
  articles: number;
  provisions: number;
  /** Authority records the build found in it. */
  records: number;
  replaces: string | null;
}

export interface ImportSummary {
  imported: Array<{ file: string; document: string; provisions: number; savedAs: string; replaces: string | null }>;
  /** Texts identical to the one already imported: nothing to do. */
  unchanged: Array<{ file: string; document: string; savedAs: string }>;
  rejected: Array<{ file: string; reason: string }>;
  /** What each accepted text was recognised as in the trial build. */
  recognised: RecognisedText[];
  records: number | null;
  /** Set when the staged build failed: nothing was kept. */
  failed: string | null;
}

/** "120/2025/NĐ-CP" → "120-2025-ND-CP.txt": the saved copy's name. */
export function importFileName(documentNumber: string): string {
  return `${documentNumber.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'D').replace(/[^A-Za-z0-9]+/g, '-')}.txt`;
}

/** 0: everything asked was kept (or already there); 2: something was refused; 1: the build failed. */
export function importExitCode(s: ImportSummary): 0 | 1 | 2 {
  if (s.failed) return 1;
  return s.rejected.length > 0 ? 2 : 0;
}

interface Candidate {
  file: string;
  document: string;
  text: string;
  provisions: number;
  articles: number;
}

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Reads and checks one file; throws ImportRefused with the reason. */
async function readCandidate(file: string, limits: typeof IMPORT_LIMITS): Promise<Candidate> {
  const name = basename(file);
  const size = statSync(file).size;
  const isDocx = extname(file).toLowerCase() === '.docx';
  const max = isDocx ? limits.maxDocxBytes : limits.maxTextBytes;
  if (size === 0) throw new ImportRefused(`Tệp ${name} rỗng.`);
  if (size > max) throw new ImportRefused(`Tệp ${name} quá lớn (${MB(size)}, tối đa ${MB(max)} cho tệp ${isDocx ? '.docx' : '.txt'}).`);
  if (isDocx) checkDocx(readFileSync(file), name);
  let text: string;
  try {
    text = (await readSourceText(file)).text;
  } catch (err) {
    if (isDocx) throw new ImportRefused(`Không đọc được nội dung tệp Word ${name}; hãy mở bằng Word và lưu lại (.docx hoặc .txt UTF-8).`);
    throw new ImportRefused((err as Error).message);
  }
  if (Buffer.byteLength(text, 'utf8') > limits.maxTextBytes) {
    throw new ImportRefused(`Văn bản trong tệp ${name} quá dài (tối đa ${MB(limits.maxTextBytes)}).`);
  }
  if (text.includes('\u0000')) throw new ImportRefused(`Tệp ${name} chứa dữ liệu nhị phân, không phải văn bản.`);
  const parsed = parseDecree(text);
  if (!parsed.number) throw new ImportRefused('Không nhận ra số hiệu nghị định (dòng "Số: …/NĐ-CP").');
  if (parsed.provisions.length === 0) throw new ImportRefused('Không tìm thấy điều khoản nào trong văn bản.');
  if (parsed.provisions.length > limits.maxProvisions) {
    throw new ImportRefused(
      `Văn bản ${parsed.number} có ${parsed.provisions.length} điều, khoản, điểm — quá số tối đa ${limits.maxProvisions} cho một văn bản; tệp có thể không phải một nghị định.`,
    );
  }
  const articles = new Set(parsed.provisions.filter((p) => p.citation.article !== null).map((p) => `${p.citation.annex ?? ''}#${p.citation.article}`)).size;
  return { file, document: parsed.number, text, provisions: parsed.provisions.length, articles };
}

/** What the trial build made of one text: its kind, what it changes, its records. */
function recognise(c: Candidate & { replaces: string | null }, records: AuthorityRecord[], docs: Map<string, DocumentInfo>): RecognisedText {
  const doc = docs.get(c.document);
  const kind = doc?.actKind ?? 'batch';
  const changed = new Set<string>();
  for (const r of records) {
    if (r.citation.document !== c.document && (r.timeline?.events ?? []).some((e) => JSON.stringify(e).includes(c.document))) changed.add(r.citation.document);
  }
  return {
    file: c.file,
    document: c.document,
    title: doc?.title ?? '',
    kind,
    changes: kind === 'provincial' ? (doc?.province ? [doc.province] : []) : [...changed].sort(),
    articles: c.articles,
    provisions: c.provisions,
    records: doc?.records ?? 0,
    replaces: c.replaces,
  };
}

/** Decree number → file, for the texts already in a folder (first file wins, as in the build). */
async function textsIn(dir: string | null): Promise<Map<string, { file: string; text: string }>> {
  const out = new Map<string, { file: string; text: string }>();
  if (!dir || !existsSync(dir)) return out;
  for (const file of listSourceFiles(dir)) {
    try {
      const { text } = await readSourceText(file);
      const n = parseDecree(text).number;
      if (n && !out.has(n)) out.set(n, { file, text });
    } catch {
      // an unreadable file is the build's business (it warns); it cannot conflict
    }
  }
  return out;
}

/** Writes a file beside its final place, flushes it, then renames: never half a text in imports/. */
function writeAtomic(path: string, content: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, content, { encoding: 'utf8', flush: true });
  renameSync(tmp, path);
}

export async function importTexts(paths: string[], log: (m: string) => void, opts: ImportOptions | string = {}): Promise<ImportSummary> {
  const o: ImportOptions = typeof opts === 'string' ? { root: opts } : opts;
  const root = o.root ?? repoRoot();
  const limits = { ...IMPORT_LIMITS, ...o.limits };
  const userDir = o.userDir ?? defaultUserDir(root);
  const importsDir = join(userDir, 'imports');
  const kbPath = o.kbPath ?? defaultKbPath(root);
  const sourcesDir = o.sourcesDir === undefined ? defaultSourcesDir(root) : o.sourcesDir;
  const summary: ImportSummary = { imported: [], unchanged: [], rejected: [], recognised: [], records: null, failed: null };

  // 1. Read and check every file.
  const candidates: Candidate[] = [];
  for (const path of paths) {
    if (!existsSync(path)) {
      summary.rejected.push({ file: path, reason: 'Không tìm thấy tệp hoặc thư mục.' });
      continue;
    }
    const files = listSourceFiles(path);
    if (files.length > limits.maxFiles) {
      summary.rejected.push({ file: path, reason: `Thư mục có ${files.length} tệp văn bản, quá số tối đa ${limits.maxFiles} cho một lần nạp.` });
      continue;
    }
    for (const file of files) {
      try {
        const c = await readCandidate(file, limits);
        const twin = candidates.find((x) => x.document === c.document);
        if (twin) throw new ImportRefused(`Trùng nghị định ${c.document} với tệp ${twin.file} trong cùng lần nạp; hãy chọn một tệp.`);
        candidates.push(c);
      } catch (err) {
        if (!(err instanceof ImportRefused)) throw err;
        summary.rejected.push({ file, reason: err.message });
      }
    }
  }
  if (candidates.length === 0) return summary;

  // 2. What each text would replace.
  const imported = await textsIn(importsDir);
  const official = await textsIn(sourcesDir);
  const accepted: Array<Candidate & { replaces: string | null; previousImport: string | null }> = [];
  for (const c of candidates) {
    const prev = imported.get(c.document);
    if (prev && prev.text === c.text) {
      summary.unchanged.push({ file: c.file, document: c.document, savedAs: prev.file });
      log(`${c.document}: đúng văn bản đã nạp trước (${prev.file}), không thay đổi.`);
      continue;
    }
    const off = official.get(c.document);
    const what = prev
      ? `văn bản đã nạp trước ${prev.file}`
      : off
        ? `văn bản chính thức ${sourcesDir ? relative(sourcesDir, off.file) : off.file}`
        : null;
    if (what && !o.replace) {
      summary.rejected.push({
        file: c.file,
        reason: `Nghị định ${c.document} đã có ${what}. Thêm --replace để thay bằng tệp này.`,
      });
      continue;
    }
    accepted.push({ ...c, replaces: what, previousImport: prev?.file ?? null });
  }
  if (accepted.length === 0) return summary;

  // 3. Staged build: imports/ as it would be, built into a temporary KB on the same disk.
  mkdirSync(userDir, { recursive: true });
  const stage = mkdtempSync(join(userDir, '.nap-'));
  try {
    const staged = join(stage, 'imports');
    if (existsSync(importsDir)) cpSync(importsDir, staged, { recursive: true });
    else mkdirSync(staged);
    const plan = accepted.map((c) => {
      const savedAs = join(importsDir, importFileName(c.document));
      if (c.previousImport && c.previousImport !== savedAs) rmSync(join(staged, relative(importsDir, c.previousImport)), { force: true });
      writeFileSync(join(staged, relative(importsDir, savedAs)), c.text, 'utf8');
      return { ...c, savedAs };
    });
    // The same order as the app's sources (ensure.ts): imports before the official texts.
    const stagedSources = [staged, ...(sourcesDir ? [sourcesDir] : [])];
    const hash = inputHash(root, stagedSources);
    const stagedKb = join(stage, 'kb.sqlite');
    let records: number;
    try {
      log(`Đang dựng thử cơ sở dữ liệu với ${plan.length} văn bản mới…`);
      const report = await buildKb({ kbPath: stagedKb, dataDir: dataDir(root), sources: stagedSources, inputHash: hash, log });
      const kb = openKnowledgeBase({ kbPath: stagedKb });
      const docs = new Map(kb.listDocuments().map((d) => [d.number, d]));
      const missing = plan.filter((c) => !docs.get(c.document)?.textLoaded);
      if (missing.length > 0) throw new Error(`bản dựng thử không có văn bản ${missing.map((c) => c.document).join(', ')}`);
      records = report.records;
      summary.recognised = plan.map((c) => recognise(c, kb.allRecords(), docs));
    } catch (err) {
      summary.failed = `Dựng thử cơ sở dữ liệu với văn bản mới không thành công (${(err as Error).message.slice(0, 300)}). Không có gì thay đổi: cơ sở dữ liệu và thư mục văn bản đã nạp vẫn như trước.`;
      for (const c of plan) summary.rejected.push({ file: c.file, reason: summary.failed });
      log(summary.failed);
      return summary;
    }

    if (o.dryRun) {
      summary.records = records;
      return summary; // the stage goes (finally): nothing kept
    }

    // 4. Commit: texts into imports/ (each written aside, flushed, renamed), then the KB.
    mkdirSync(importsDir, { recursive: true });
    for (const c of plan) {
      writeAtomic(c.savedAs, c.text);
      if (c.previousImport && c.previousImport !== c.savedAs) rmSync(c.previousImport, { force: true });
      summary.imported.push({ file: c.file, document: c.document, provisions: c.provisions, savedAs: c.savedAs, replaces: c.replaces });
      log(`Đã nạp ${c.document} (${c.provisions} điều khoản) từ ${c.file}${c.replaces ? `, thay cho ${c.replaces}` : ''}`);
    }
    mkdirSync(dirname(kbPath), { recursive: true });
    installKb(stagedKb, kbPath); // the old KB stays as the previous good copy; the manifest follows
    summary.records = records;
    return summary;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
