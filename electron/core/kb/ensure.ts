/**
 * Builds the KB when it is missing or its inputs changed (npm start, serve, CLI).
 * Staleness is a hash of every input file and of the core's code, so a new text
 * dropped in the sources folder or a change in data/ is picked up on next start.
 * Every build writes the KB's manifest (SHA-256, data version) and keeps the previous
 * good KB as kb.sqlite.prev (manifest.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { dataDir, defaultKbPath, defaultSourcesDir, defaultUserDir, repoRoot } from '../paths';
import { buildKb, type BuildReport } from './build';
import { keepPrevious, readManifest, writeManifest } from './manifest';
import { KB_SCHEMA_VERSION } from './schema';

export interface EnsureOptions {
  kbPath?: string;
  root?: string;
  sources?: string[];
  force?: boolean;
  log?: (message: string) => void;
}

export interface EnsureResult {
  kbPath: string;
  rebuilt: boolean;
  report: BuildReport | null;
}

function filesUnder(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => filesUnder(join(path, e.name)));
}

export function inputHash(root: string, sources: string[]): string {
  const h = createHash('sha256').update(`schema:${KB_SCHEMA_VERSION}\n`);
  const roots = [join(root, 'data'), join(root, 'electron', 'core'), ...sources];
  for (const base of roots) {
    for (const file of filesUnder(base)) {
      h.update(`${relative(base, file)}\n`).update(readFileSync(file));
    }
  }
  return h.digest('hex');
}

/**
 * The default sources: texts the user imported, then the shared texts beside the repo.
 * The first copy of a decree wins (inputs.ts), so an import stands in for the official text —
 * `kb import` keeps one only when asked to (`--replace`), and says which text it replaces.
 */
export function defaultSources(root = repoRoot()): string[] {
  const shared = defaultSourcesDir(root);
  return [join(defaultUserDir(root), 'imports'), ...(shared ? [shared] : [])];
}

export async function ensureKb(opts: EnsureOptions = {}): Promise<EnsureResult> {
  const root = opts.root ?? repoRoot();
  const kbPath = opts.kbPath ?? defaultKbPath(root);
  const sources = opts.sources ?? defaultSources(root);
  const hash = inputHash(root, sources);
  // Up to date when its manifest says it was built from these inputs. A file that does not match its
  // manifest is not rebuilt here in silence: opening it refuses (manifest.ts) and says why.
  const manifest = readManifest(kbPath);
  if (!opts.force && existsSync(kbPath) && manifest?.inputHash === hash) return { kbPath, rebuilt: false, report: null };
  opts.log?.('Đang dựng cơ sở dữ liệu tri thức…');
  keepPrevious(kbPath);
  const report = await buildKb({ kbPath, dataDir: dataDir(root), sources, inputHash: hash, ...(opts.log ? { log: opts.log } : {}) });
  writeManifest(kbPath);
  opts.log?.(`Đã dựng ${report.records} bản ghi từ ${report.documents} văn bản (${report.tookMs} ms).`);
  return { kbPath, rebuilt: true, report };
}
