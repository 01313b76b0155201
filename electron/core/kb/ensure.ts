/**
 * Builds the KB when it is missing or its inputs changed (npm start, serve, CLI).
 * Staleness is a hash of every input file and of the core's code, so a new text
 * dropped in the sources folder or a change in data/ is picked up on next start.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { dataDir, defaultKbPath, defaultSourcesDir, defaultUserDir, repoRoot } from '../paths';
import { buildKb, type BuildReport } from './build';
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

function storedHash(kbPath: string): string | null {
  if (!existsSync(kbPath)) return null;
  try {
    const db = new Database(kbPath, { readonly: true, fileMustExist: true });
    try {
      const row = db.prepare("SELECT value FROM meta WHERE key = 'inputHash'").get() as { value: string } | undefined;
      return row?.value ?? null;
    } finally {
      db.close();
    }
  } catch {
    return null; // unreadable or foreign file: rebuild it
  }
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
  if (!opts.force && storedHash(kbPath) === hash) return { kbPath, rebuilt: false, report: null };
  opts.log?.('Đang dựng cơ sở dữ liệu tri thức…');
  const report = await buildKb({ kbPath, dataDir: dataDir(root), sources, inputHash: hash, ...(opts.log ? { log: opts.log } : {}) });
  opts.log?.(`Đã dựng ${report.records} bản ghi từ ${report.documents} văn bản (${report.tookMs} ms).`);
  return { kbPath, rebuilt: true, report };
}
