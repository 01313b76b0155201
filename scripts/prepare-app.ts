/**
 * Gets everything ready before the app or browser mode starts, doing only
 * what is out of date (a second run is a quick no-op):
 *   1. the renderer (Vite) → build/renderer
 *   2. the knowledge base → build/kb.sqlite (ensureKb)
 *   3. unless --no-electron: main/preload → build/electron, and the Electron
 *      build of better-sqlite3 → build/native/<electron-version>/
 *
 *   npm start      = tsx scripts/prepare-app.ts && electron .
 *   npm run serve  = tsx scripts/prepare-app.ts --no-electron && tsx electron/server/serve.ts
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Plugin } from 'vite';
import { ensureKb } from '../electron/core/kb/ensure';
import { buildElectron } from './build-electron';
import { isFresh, writeStamp, type FreshnessCheck } from './freshness';
import { prepareElectronNative } from './prepare-electron-native';

export interface PrepareAppOptions {
  root: string;
  electron: boolean;
  /** About to run `electron .` (npm start): check the Electron binary is installed first. */
  launch?: boolean;
  log: (message: string) => void;
}

/** What each build step reads and writes; exported for tests. */
export function rendererCheck(root: string): FreshnessCheck {
  return {
    root,
    stampFile: path.join(root, 'build', 'stamps', 'renderer.json'),
    outputs: [path.join(root, 'build', 'renderer', 'index.html')],
    watch: ['renderer', 'vite.config.ts', 'package.json', 'package-lock.json'],
  };
}

export function electronCheck(root: string): FreshnessCheck {
  return {
    root,
    stampFile: path.join(root, 'build', 'stamps', 'electron.json'),
    outputs: [path.join(root, 'build', 'electron', 'main.cjs'), path.join(root, 'build', 'electron', 'preload.cjs')],
    watch: ['electron', 'scripts/build-electron.ts', 'package.json', 'package-lock.json'],
  };
}

/** Collects the files of Vite's module graph, so a change in any of them (contract, model…) rebuilds. */
function recordInputs(into: Set<string>): Plugin {
  return {
    name: 'tracuu-record-inputs',
    buildEnd() {
      for (const id of this.getModuleIds()) {
        if (id.startsWith('\0')) continue;
        into.add(id.split('?')[0]!);
      }
    },
  };
}

async function buildRenderer(root: string): Promise<void> {
  const { build } = await import('vite');
  const inputs = new Set<string>();
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', plugins: [recordInputs(inputs)] });
  inputs.add(path.join(root, 'vite.config.ts'));
  writeStamp(root, rendererCheck(root).stampFile, inputs);
}

/**
 * Null when `electron .` can run; otherwise why not, in Vietnamese and English.
 * The binary is missing when npm install ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1
 * (as in CI) or its download failed.
 */
export function electronBinaryProblem(root: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = path.join(root, 'node_modules', 'electron');
  if (env.ELECTRON_OVERRIDE_DIST_PATH) return null;
  const pathFile = path.join(dir, 'path.txt');
  if (existsSync(pathFile) && existsSync(path.join(dir, 'dist', readFileSync(pathFile, 'utf8').trim()))) return null;
  return [
    'Chưa tải Electron (bản cài này bỏ qua tải Electron, ví dụ do ELECTRON_SKIP_BINARY_DOWNLOAD=1, hoặc tải bị lỗi).',
    'Cách sửa: cần mạng, chạy "node node_modules/electron/install.js" rồi "npm start" lại;',
    'hoặc dùng chế độ trình duyệt: "npm run serve".',
    'The Electron binary is not installed (skipped or failed download): run "node node_modules/electron/install.js", or use "npm run serve".',
  ].join('\n');
}

export async function prepareApp(o: PrepareAppOptions): Promise<void> {
  const { root, log } = o;
  const t0 = Date.now();
  // Fail fast, before minutes of building, when the window could not open anyway.
  const noElectron = o.electron && o.launch ? electronBinaryProblem(root) : null;
  if (noElectron) throw new Error(noElectron);

  if (isFresh(rendererCheck(root))) {
    log('✓ Giao diện đã mới nhất (renderer up to date)');
  } else {
    log('… Đang dựng giao diện (building renderer with Vite)');
    await buildRenderer(root);
    log('✓ Đã dựng giao diện → build/renderer');
  }

  const kb = await ensureKb({ root, log: (m) => log(`  ${m}`) });
  log(
    kb.rebuilt
      ? `✓ Đã dựng cơ sở dữ liệu tri thức → ${path.relative(root, kb.kbPath)}`
      : '✓ Cơ sở dữ liệu tri thức đã mới nhất (knowledge base up to date)',
  );

  if (o.electron) {
    if (isFresh(electronCheck(root))) {
      log('✓ Main/preload đã mới nhất (Electron bundles up to date)');
    } else {
      log('… Đang đóng gói main/preload (esbuild)');
      const built = await buildElectron(root);
      writeStamp(root, electronCheck(root).stampFile, built.inputs);
      log('✓ Đã đóng gói main/preload → build/electron');
    }
    const native = await prepareElectronNative({ root, log });
    log(
      native.skipped
        ? '✓ better-sqlite3 cho Electron đã có (native binding present)'
        : `✓ Đã chuẩn bị better-sqlite3 cho Electron (${native.via}) → ${path.relative(root, native.file)}`,
    );
  }
  log(`Sẵn sàng (${((Date.now() - t0) / 1000).toFixed(1)} s).`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  prepareApp({
    root,
    electron: !process.argv.includes('--no-electron'),
    // `npm run dist` also prepares, but electron-builder brings its own Electron.
    launch: process.argv.includes('--launch') || process.env.npm_lifecycle_event === 'start',
    log: console.log,
  }).catch((error: unknown) => {
    console.error(`\n✗ Chưa chuẩn bị xong (preparation failed):\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
