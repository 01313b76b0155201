/**
 * `npm run bench`. Bundles scripts/bench-run.ts with esbuild — the way the
 * Electron build ships the core — runs it with plain node, and adds one line:
 * the same search path timed unbundled under tsx (tsx's on-the-fly transform
 * makes this code markedly slower, which matters for `npm run serve`).
 * The last line printed is the child's `bench: …` line; it is also kept in node_modules/.cache
 * (BENCH_LINE_FILE) so that `npm run bench`'s server part, which runs next, ends with one line carrying
 * the search keys and its own (scripts/bench-server.ts).
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BENCH_LINE_FILE, benchQueries, timeOurs } from './bench-run';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Inside the repo so the bundle resolves better-sqlite3 (native, not bundled) from node_modules.
mkdirSync(join(root, 'node_modules/.cache'), { recursive: true });
const dir = mkdtempSync(join(root, 'node_modules/.cache/tcq-bench-'));
try {
  const outfile = join(dir, 'bench-run.mjs');
  await build({
    entryPoints: [join(root, 'scripts/bench-run.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    external: ['better-sqlite3'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  const child = spawnSync(process.execPath, [outfile], {
    env: { ...process.env, TCQ_REPO_ROOT: root, TCQ_BENCH_RUN: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (child.status !== 0) {
    process.stderr.write(child.stderr ?? '');
    throw new Error(`bench-run thất bại (mã ${child.status})`);
  }
  const lines = (child.stdout ?? '').trimEnd().split('\n');
  const last = lines.pop() ?? '';
  for (const l of lines) console.log(l);
  const { docs, queries } = await benchQueries();
  const t = timeOurs(docs, queries);
  console.log(`same search path unbundled under tsx (npm run serve today): p50 ${t.p50.toFixed(3)} ms, p95 ${t.p95.toFixed(3)} ms`);
  console.log(last);
  writeFileSync(join(root, BENCH_LINE_FILE), `${last}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
