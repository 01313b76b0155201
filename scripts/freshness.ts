/**
 * "Is this build output older than what it was made from?" for prepare-app.
 * A stamp file lists the source files a build actually read (Vite's module
 * graph, esbuild's metafile); the build is fresh when the stamp is newer than
 * each of them and than every file under the watched folders (which catches
 * new files the last build could not know about).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function mtimeOf(file: string): number {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return Number.NaN;
  }
}

/** Newest modification time under the given files/folders (node_modules and dot-folders skipped); 0 if none. */
export function newestMtime(paths: string[]): number {
  let newest = 0;
  const visit = (p: string): void => {
    let st;
    try {
      st = statSync(p);
    } catch {
      return;
    }
    if (!st.isDirectory()) {
      newest = Math.max(newest, st.mtimeMs);
      return;
    }
    for (const entry of readdirSync(p)) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      visit(path.join(p, entry));
    }
  };
  paths.forEach(visit);
  return newest;
}

export interface FreshnessCheck {
  root: string;
  stampFile: string;
  /** Files the build must have produced. */
  outputs: string[];
  /** Folders/files whose every file counts as an input (repo-relative). */
  watch: string[];
}

export function readStamp(stampFile: string): string[] | null {
  try {
    const inputs = (JSON.parse(readFileSync(stampFile, 'utf8')) as { inputs?: unknown }).inputs;
    return Array.isArray(inputs) && inputs.every((i) => typeof i === 'string') ? (inputs as string[]) : null;
  } catch {
    return null;
  }
}

export function isFresh(c: FreshnessCheck): boolean {
  const inputs = readStamp(c.stampFile);
  if (!inputs) return false;
  if (!c.outputs.every((o) => existsSync(o))) return false;
  const stampTime = mtimeOf(c.stampFile);
  for (const input of inputs) {
    const t = mtimeOf(path.join(c.root, input));
    if (Number.isNaN(t) || t > stampTime) return false; // deleted or changed
  }
  return newestMtime(c.watch.map((w) => path.join(c.root, w))) <= stampTime;
}

/** Records the inputs (repo-relative, node_modules excluded) after a successful build. */
export function writeStamp(root: string, stampFile: string, inputs: Iterable<string>): void {
  const rel = [...new Set([...inputs].map((i) => (path.isAbsolute(i) ? path.relative(root, i) : i)))]
    .filter((i) => !i.startsWith('..') && !i.split(/[\\/]/).includes('node_modules'))
    .map((i) => i.split(path.sep).join('/'))
    .sort();
  mkdirSync(path.dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, `${JSON.stringify({ inputs: rel }, null, 2)}\n`);
}
