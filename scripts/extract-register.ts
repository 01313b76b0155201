/**
 * Regenerates data/documents.json and data/register/*.json from a folder of
 * decree texts (one decree per file, identified by its "Số:" line, not its
 * file name) plus the batch list (all-28.json) and manifest.json when present.
 *   npx tsx scripts/extract-register.ts [--sources <folder>]   (or KB_SOURCES)
 * Deterministic: running twice gives identical bytes.
 */
import { listSourceFiles } from '../electron/core/kb/source-texts';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentKind, SectorId } from '../electron/core/model';
import { type CatalogueEntry, guessFromTitle, validateCatalogue } from '../electron/core/legal/catalogue';
import { coverageOf } from '../electron/core/legal/coverage';
import { loadCorrections } from '../electron/core/legal/corrections';
import { lastCorrectionProblems } from '../electron/core/legal/extract';
import { readActScopes, readActSet, registerOf } from '../electron/core/legal/act-set';
import { readNationalProcedures } from '../electron/core/procedures/read';
import { annexProcedures } from '../electron/core/legal/procedures';
import { validateRegisterFile } from '../electron/core/legal/schema';
import { type ParsedDecree, parseDecree } from '../electron/core/legal/structure';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function defaultSources(): string {
  return process.env.KB_SOURCES ?? path.resolve(repoRoot, '../shared/sources');
}

/** "120/2025/NĐ-CP" → "120-2025-ND-CP" (register file name). */
export function registerFileName(number: string): string {
  return `${number.replace(/Đ/g, 'D').replace(/\//g, '-')}.json`;
}

/** Write then rename, so a reader (another run, a KB build) never sees half a file. */
function writeAtomic(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, content);
  renameSync(tmp, file);
}

function numberOrder(a: string, b: string): number {
  const [na, ya] = a.split('/').map((x) => Number.parseInt(x, 10));
  const [nb, yb] = b.split('/').map((x) => Number.parseInt(x, 10));
  return (ya ?? 0) - (yb ?? 0) || (na ?? 0) - (nb ?? 0) || a.localeCompare(b);
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

interface BatchItem {
  number: string;
  title: string;
  sector: SectorId;
  ministry?: string | null;
  kind: DocumentKind;
  issued?: string | null;
}
interface ManifestItem extends BatchItem {
  effective?: string | null;
  bodyArticles?: number | null;
}

/** The catalogue before texts: the batch list, completed by the manifest. */
function baseCatalogue(sources: string): Map<string, CatalogueEntry> {
  const batch = readJson<{ decrees: BatchItem[] }>(path.join(sources, 'all-28.json'))?.decrees ?? [];
  const manifest = readJson<ManifestItem[]>(path.join(sources, 'manifest.json')) ?? [];
  const byNumber = new Map<string, CatalogueEntry>();
  for (const d of [...batch, ...manifest.filter((m) => !batch.some((b) => b.number === m.number))]) {
    const m = manifest.find((x) => x.number === d.number);
    byNumber.set(d.number, {
      number: d.number,
      title: d.title,
      // The sources' "other" says nothing to a user: the sector the title names (giáo dục, văn hóa, đối ngoại …).
      sector: d.sector === 'other' ? guessFromTitle(d.title).sector : d.sector,
      ministry: d.ministry ?? m?.ministry ?? guessFromTitle(d.title).ministry,
      kind: d.kind,
      issued: d.issued ?? m?.issued ?? null,
      effective: m?.effective ?? null,
      expires: null,
      validityNote: null,
      file: null,
      sha256: null,
      bodyArticles: null,
      inBatch: batch.some((b) => b.number === d.number),
      flags: [],
    });
  }
  return byNumber;
}

function stable(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export interface ExtractSummary {
  documents: number;
  nationalProcedures?: number;
  texts: Array<{ number: string; file: string; records: number; unexplained: number; excluded: number; unresolved: number }>;
  problems: string[];
}

export function run(sources: string, dataDir = path.join(repoRoot, 'data')): ExtractSummary {
  const problems: string[] = [];
  const catalogue = baseCatalogue(sources);
  const corrections = loadCorrections(dataDir);
  const parsedByNumber = new Map<string, { parsed: ParsedDecree; file: string; text: string }>();
  // The same folder walk as the KB build; the register is derived from the plain-text copies.
  for (const file of listSourceFiles(sources).filter((f) => /\.txt$/iu.test(f))) {
    const text = readFileSync(file, 'utf8');
    const parsed = parseDecree(text);
    if (!parsed.number || parsed.articles.length === 0) continue; // not a decree text (notes, lists)
    if (parsedByNumber.has(parsed.number)) {
      problems.push(`Hai tệp cùng là văn bản ${parsed.number}: ${path.basename(file)} bị bỏ qua`);
      continue;
    }
    parsedByNumber.set(parsed.number, { parsed, file: path.basename(file), text });
  }
  // Read all texts together: kinds, the changes of amending / later / provincial acts, additions in place.
  const batch = new Set([...catalogue.values()].filter((e) => e.inBatch).map((e) => e.number));
  const acts = readActSet([...parsedByNumber.values()], batch);
  const scopes = readActScopes(dataDir);

  const registerDir = path.join(dataDir, 'register');
  const changesDir = path.join(dataDir, 'changes');
  const proceduresDir = path.join(dataDir, 'procedures');
  mkdirSync(proceduresDir, { recursive: true });
  const writtenProcedures = new Set<string>();
  mkdirSync(registerDir, { recursive: true });
  mkdirSync(changesDir, { recursive: true });
  const written = new Set<string>();
  const writtenChanges = new Set<string>();
  const summary: ExtractSummary = { documents: 0, texts: [], problems };
  for (const number of [...parsedByNumber.keys()].sort(numberOrder)) {
    const { file } = parsedByNumber.get(number)!;
    const parsed = acts.texts.get(number)!;
    const cls = acts.classes.get(number);
    let entry = catalogue.get(number);
    if (!entry) {
      // A decree outside the batch still becomes a document; what we guessed is flagged.
      entry = { ...parsed.catalogueEntry, flags: [...parsed.catalogueEntry.flags] };
      catalogue.set(number, entry);
    }
    if (cls?.kind && cls.kind !== 'batch') {
      entry.actKind = cls.kind;
      entry.province = cls.province;
      entry.targets = cls.targets;
      // A later act's sector is the sector of the batch decrees it changes, not a guess from its title.
      const sectors = new Set(cls.targets.map((t) => catalogue.get(t)?.sector).filter((x) => x && x !== 'other'));
      if (sectors.size === 1) entry.sector = [...sectors][0]!;
      if (cls.basis) entry.basis = cls.basis;
      const ch = acts.changes.get(number);
      if (ch) {
        const name = registerFileName(number);
        writeAtomic(path.join(changesDir, name), stable(ch));
        writtenChanges.add(name);
        problems.push(...ch.unparsed.map((u) => `${number}: thay đổi chưa đọc được ở ${JSON.stringify(u.citation)}: ${u.excerpt}`));
      }
    }
    entry.file = file;
    entry.sha256 = parsed.sha256;
    entry.bodyArticles = parsed.articles.length;
    entry.issued = entry.issued ?? parsed.issued;
    entry.effective = parsed.validity.from ?? entry.effective;
    entry.expires = parsed.validity.to ?? entry.expires;
    entry.validityNote = parsed.validity.note;

    const reg = registerOf(acts, number, entry, corrections, scopes);
    // The procedures of its annexes, as data (batch decrees; later acts are read for their re-assignments only).
    if (!cls?.kind || cls.kind === 'batch') {
      const procs = annexProcedures(parsed);
      if (procs.length > 0) {
        const name = registerFileName(number);
        writeAtomic(path.join(proceduresDir, name), stable({ document: number, procedures: procs }));
        writtenProcedures.add(name);
      }
    }
    problems.push(...lastCorrectionProblems.map((p) => `${number}: ${p}`));
    const errs = validateRegisterFile(reg, parsed);
    problems.push(...errs.map((e) => `${number}: ${e}`));
    const name = registerFileName(number);
    writeAtomic(path.join(registerDir, name), stable(reg));
    written.add(name);
    const cov = coverageOf(parsed, reg);
    summary.texts.push({
      number,
      file,
      records: reg.records.length,
      unexplained: cov.unexplained,
      excluded: reg.excluded.length,
      unresolved: reg.unresolvedCitations.length,
    });
  }
  // A register whose text left the sources folder is stale.
  for (const f of readdirSync(registerDir)) if (f.endsWith('.json') && !written.has(f)) unlinkSync(path.join(registerDir, f));
  for (const f of readdirSync(changesDir)) if (f.endsWith('.json') && !writtenChanges.has(f)) unlinkSync(path.join(changesDir, f));
  for (const f of readdirSync(proceduresDir)) if (f.endsWith('.json') && !writtenProcedures.has(f)) unlinkSync(path.join(proceduresDir, f));

  // Decrees with no text: their end date is not verified here; say so rather than guess.
  for (const e of catalogue.values())
    if (!e.file && !e.validityNote) e.validityNote = 'Chưa có toàn văn: ngày hết hiệu lực chưa đối chiếu văn bản gốc';
  // The national procedure database: facts parsed from each portal record (no documents copied).
  const portal = readNationalProcedures([sources]);
  // One procedure a line: deterministic, and diffs stay readable.
  if (portal.procedures.length > 0)
    writeAtomic(path.join(dataDir, 'national-procedures.json'), `[\n${portal.procedures.map((p) => JSON.stringify(p)).join(',\n')}\n]\n`);
  problems.push(...portal.skipped.map((s) => `Thủ tục quốc gia bị bỏ qua (${path.basename(s.file)}): ${s.reason}`));
  summary.nationalProcedures = portal.procedures.length;
  const docs = [...catalogue.values()].sort((a, b) => numberOrder(a.number, b.number));
  problems.push(...validateCatalogue(docs));
  writeAtomic(path.join(dataDir, 'documents.json'), stable(docs));
  summary.documents = docs.length;
  return summary;
}

function main(): void {
  const i = process.argv.indexOf('--sources');
  const sources = path.resolve(i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : defaultSources());
  if (!existsSync(sources)) {
    console.error(`Không tìm thấy thư mục văn bản nguồn: ${sources}`);
    process.exit(2);
  }
  const s = run(sources);
  for (const t of s.texts)
    console.log(`${t.number.padEnd(16)} ${t.file.padEnd(22)} bản ghi ${String(t.records).padStart(4)}  loại trừ ${String(t.excluded).padStart(3)}  chưa giải thích ${String(t.unexplained).padStart(3)}  trích dẫn lỗi ${t.unresolved}`);
  console.log(`Danh mục: ${s.documents} văn bản; ${s.texts.length} văn bản có toàn văn; ${s.nationalProcedures ?? 0} thủ tục của cơ sở dữ liệu quốc gia.`);
  if (s.problems.length) {
    console.error(s.problems.join('\n'));
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
