/**
 * Bundles the Electron main process and the preload with esbuild:
 *   build/electron/main.cjs     — Node/CommonJS; electron and better-sqlite3 stay external
 *   build/electron/preload.cjs  — CommonJS for the sandbox: the only require left is 'electron'
 * Everything else (the core, MiniSearch, …) is bundled, so the packaged app
 * needs only better-sqlite3 from node_modules.
 *
 *   npx tsx scripts/build-electron.ts
 */
import { build, type BuildOptions, type Metafile } from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface ElectronBuildResult {
  outDir: string;
  main: string;
  preload: string;
  /** Repo-relative source files that went into the two bundles. */
  inputs: string[];
}

/** Electron 41 ships Node 24; node22 keeps the output conservative. */
const TARGET = 'node22';

export function electronBuildOptions(root: string, outDir: string): { main: BuildOptions; preload: BuildOptions } {
  const common: BuildOptions = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: TARGET,
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
  };
  return {
    main: {
      ...common,
      entryPoints: [path.join(root, 'electron', 'main.ts')],
      outfile: path.join(outDir, 'main.cjs'),
      external: ['electron', 'better-sqlite3'],
      // Core files that read import.meta.url (for CLI entry checks) get a real value in CJS.
      define: { 'import.meta.url': '__tracuu_import_meta_url' },
      banner: { js: "const __tracuu_import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    },
    preload: {
      ...common,
      entryPoints: [path.join(root, 'electron', 'preload.ts')],
      outfile: path.join(outDir, 'preload.cjs'),
      // A sandboxed preload can require 'electron' and nothing else from disk.
      external: ['electron'],
    },
  };
}

function inputsOf(meta: Metafile | undefined): string[] {
  return Object.keys(meta?.inputs ?? {}).filter((f) => !f.includes('node_modules'));
}

export async function buildElectron(root = process.cwd(), outDir = path.join(root, 'build', 'electron')): Promise<ElectronBuildResult> {
  mkdirSync(outDir, { recursive: true });
  const options = electronBuildOptions(root, outDir);
  const [main, preload] = await Promise.all([build(options.main), build(options.preload)]);
  const inputs = [...new Set([...inputsOf(main.metafile), ...inputsOf(preload.metafile)])].sort();
  return { outDir, main: options.main.outfile!, preload: options.preload.outfile!, inputs };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildElectron()
    .then((r) => console.log(`Đã đóng gói main/preload → ${path.relative(process.cwd(), r.outDir)} (${r.inputs.length} tệp nguồn)`))
    .catch((error: unknown) => {
      console.error('Không đóng gói được main/preload:', error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
