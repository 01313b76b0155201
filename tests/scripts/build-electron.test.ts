import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron, type ElectronBuildResult } from '../../scripts/build-electron';

const root = path.resolve(__dirname, '../..');

/** Every module the bundle still loads at run time. */
function requiresOf(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...new Set([...code.matchAll(/\brequire\(["']([^"']+)["']\)/g)].map((m) => m[1]!))].sort();
}

describe('build-electron', () => {
  let out: string;
  let built: ElectronBuildResult;
  beforeAll(async () => {
    out = mkdtempSync(path.join(os.tmpdir(), 'tracuu-electron-build-'));
    built = await buildElectron(root, out);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes main.cjs and preload.cjs where package.json "main" points', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('build/electron/main.cjs');
    expect(path.basename(built.main)).toBe('main.cjs');
    expect(path.dirname(built.preload)).toBe(path.dirname(built.main));
  });

  it('the preload is sandbox-compatible: its only require is electron', () => {
    expect(requiresOf(built.preload)).toEqual(['electron']);
    expect(readFileSync(built.preload, 'utf8')).toMatch(/exposeInMainWorld\("traCuu"/);
  });

  it('main keeps only electron, better-sqlite3 and Node builtins external (the core is bundled)', () => {
    const allowed = new Set(['electron', 'better-sqlite3', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const requires = requiresOf(built.main);
    expect(requires).toEqual(expect.arrayContaining(['better-sqlite3', 'electron']));
    expect(requires.filter((r) => !allowed.has(r))).toEqual([]);
    expect(built.inputs).toEqual(expect.arrayContaining(['electron/main.ts', 'electron/security.ts', 'electron/core/kb/open.ts']));
  });
});
