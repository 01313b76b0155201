/**
 * Draws a register audit sample (docs/audit/2026-12-register-audit.md) and prints
 * each record beside the provision it cites, for a reader to judge.
 *   npx tsx scripts/audit-sample.ts <seed> <n> [--commit <rev>] [--sources <folder>] [--ids]
 * The draw: every record id of data/register/*.json (at <rev> when given, else the
 * working tree), sorted by code unit, shuffled by Fisher–Yates with mulberry32(seed),
 * the first n taken. --ids prints only "number id" lines.
 * The provision is read from the source texts of today (KB_SOURCES or ../shared/sources),
 * with the lead-ins and headings above it (contextOf), as the extractor reads it.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listSourceFiles } from '../electron/core/kb/source-texts';
import { mergeAliases, readAliasEntries } from '../electron/core/kb/aliases';
import { readActSet } from '../electron/core/legal/act-set';
import { readCatalogue } from '../electron/core/legal/catalogue';
import { contextOf, parseDecree } from '../electron/core/legal/structure';
import { type AuthorityRecord, formatCitation } from '../electron/core/model';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** mulberry32: 32-bit state, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The first n of the ids sorted by code unit and shuffled by Fisher–Yates with mulberry32(seed). */
export function drawSample(ids: readonly string[], seed: number, n: number): string[] {
  const a = [...ids].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
  const rnd = mulberry32(seed);
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, n);
}

/** The data a sample reads (register, aliases, catalogue), copied from a commit into a temporary folder. */
export function dataAtCommit(rev: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'audit-sample-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, maxBuffer: 1 << 28 });
  const files = git('ls-tree', '-r', '--name-only', rev, '--', 'data/register', 'data/aliases', 'data/aliases.json', 'data/documents.json')
    .toString('utf8')
    .split('\n')
    .filter((f) => f.endsWith('.json'));
  for (const f of files) {
    const out = path.join(dir, f);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, git('show', `${rev}:${f}`));
  }
  return path.join(dir, 'data');
}

export function readRegisterRecords(dataDir: string): AuthorityRecord[] {
  const dir = path.join(dataDir, 'register');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { records: AuthorityRecord[] }).records);
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function main(): void {
  // Positional: seed and n; --commit and --sources take a value, --ids none.
  const [seedArg, nArg] = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && all[i - 1] !== '--commit' && all[i - 1] !== '--sources');
  const seed = Number(seedArg);
  const n = Number(nArg);
  if (!Number.isInteger(seed) || !Number.isInteger(n) || n <= 0) {
    console.error('usage: npx tsx scripts/audit-sample.ts <seed> <n> [--commit <rev>] [--sources <folder>] [--ids]');
    process.exit(2);
  }
  const rev = arg('--commit');
  const dataDir = rev ? dataAtCommit(rev) : path.join(repoRoot, 'data');
  try {
    const records = readRegisterRecords(dataDir);
    const drawn = drawSample(
      records.map((r) => r.id),
      seed,
      n,
    );
    console.error(`${records.length} records${rev ? ` at ${rev}` : ''}; seed ${seed}, first ${n}`);
    if (process.argv.includes('--ids')) {
      drawn.forEach((id, i) => console.log(`${i + 1} ${id}`));
      return;
    }
    const byId = new Map(mergeAliases(records, readAliasEntries(dataDir)).map((r) => [r.id, r]));
    const sources = path.resolve(arg('--sources') ?? process.env.KB_SOURCES ?? path.join(repoRoot, '../shared/sources'));
    const texts = listSourceFiles(sources)
      .filter((f) => /\.txt$/iu.test(f))
      .map((f) => {
        const text = readFileSync(f, 'utf8');
        return { parsed: parseDecree(text), text };
      })
      .filter((t) => t.parsed.number && t.parsed.articles.length > 0);
    const batch = new Set(
      readCatalogue(dataDir)
        .filter((d) => d.inBatch)
        .map((d) => d.number),
    );
    const set = readActSet(texts, batch);
    drawn.forEach((id, i) => {
      const r = byId.get(id)!;
      const parsed = set.texts.get(r.citation.document);
      console.log(`\n######## ${i + 1}. ${id}`);
      console.log(`citation: ${formatCitation(r.citation)}`);
      console.log(`holder: ${r.holder} | level: ${r.level} | role: ${r.role} | former holder: ${r.formerHolder ?? 'văn bản không nêu'} | mechanism: ${r.mechanism}`);
      console.log(`title: ${r.title}`);
      console.log(`names: ${r.aliases.length ? r.aliases.join(' · ') : '(none)'}`);
      if (r.procedures?.length) console.log(`procedures: ${r.procedures.length}`);
      console.log('---');
      console.log((parsed && contextOf(parsed, r.citation)) ?? '(provision not found in the texts)');
    });
  } finally {
    if (rev) rmSync(path.dirname(dataDir), { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
