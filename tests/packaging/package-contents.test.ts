/**
 * Packages the app with the real electron-builder.yml (`--linux dir`) and
 * inspects what a user would get: the app.asar listing, the extra resources,
 * and a start of the packaged main bundle (fake Electron, packaged paths).
 *
 * Slow-ish (electron-builder): runs only with PACKAGING_TEST=1 (.ci/run does).
 * The Electron binary cannot be downloaded here, so a stand-in dist folder laid
 * out like Electron's is used; and since the Electron-ABI better-sqlite3 cannot
 * be made offline, the Node build stands in for it (same name, same place).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureKb } from '../../electron/core/kb/ensure';
import { buildElectron } from '../../scripts/build-electron';
import { installedElectronVersion } from '../../scripts/prepare-electron-native';
import { ipcEvent, runtimeFake, startMain } from '../electron/fake-electron';

const root = path.resolve(__dirname, '../..');
const require = createRequire(import.meta.url);
// Both come with electron-builder.
const asar = require('@electron/asar') as typeof import('@electron/asar');
const fuses = require('@electron/fuses') as typeof import('@electron/fuses');

function sevenZip(): string {
  try {
    return execFileSync('sh', ['-c', 'command -v 7za'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('Thiếu 7za (apt-get install -y p7zip-full) — electron-builder needs it.');
  }
}

/** Electron's fuse wire as a stock binary carries it: sentinel, version 1, 8 fuses ('1' on, '0' off). */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const STOCK_FUSES = '10110001';
const ON = 49;
const OFF = 48;

/**
 * A folder laid out like Electron's linux dist: what electron-builder copies
 * and renames. The executable carries a fuse wire so the fuses get flipped for real.
 */
function standInElectronDist(dir: string, version: string): void {
  mkdirSync(path.join(dir, 'locales'), { recursive: true });
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL), Buffer.from([1, STOCK_FUSES.length]), Buffer.from(STOCK_FUSES)]);
  const script = Buffer.from('#!/bin/sh\necho "stand-in Electron"\nexit 0\n# ');
  writeFileSync(path.join(dir, 'electron'), Buffer.concat([script, wire, Buffer.from('\n')]), { mode: 0o755 });
  copyFileSync(path.join(root, 'node_modules', 'electron', 'LICENSE'), path.join(dir, 'LICENSE'));
  writeFileSync(path.join(dir, 'version'), version);
  writeFileSync(path.join(dir, 'locales', 'vi.pak'), '');
}

const RUN = process.env.PACKAGING_TEST === '1';

describe.skipIf(!RUN)('packaged app (electron-builder --linux dir)', () => {
  const electronVersion = installedElectronVersion(root);
  let stage: string;
  let out: string;
  let resources: string;
  let listing: string[];
  let kbSource: string;

  beforeAll(async () => {
    stage = mkdtempSync(path.join(os.tmpdir(), 'tracuu-pkg-'));
    out = path.join(stage, 'release');
    // A staging copy of the project: the real config and build outputs, node_modules linked.
    for (const f of ['package.json', 'electron-builder.yml']) copyFileSync(path.join(root, f), path.join(stage, f));
    symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'), 'junction');
    await buildElectron(root, path.join(stage, 'build', 'electron'));
    cpSync(path.join(root, 'build', 'renderer'), path.join(stage, 'build', 'renderer'), { recursive: true });
    kbSource = (await ensureKb()).kbPath;
    copyFileSync(kbSource, path.join(stage, 'build', 'kb.sqlite'));
    copyFileSync(`${kbSource}.manifest.json`, path.join(stage, 'build', 'kb.sqlite.manifest.json'));
    cpSync(path.join(root, 'keys'), path.join(stage, 'keys'), { recursive: true });
    const native = path.join(stage, 'build', 'native', electronVersion);
    mkdirSync(native, { recursive: true });
    copyFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), path.join(native, 'better_sqlite3.node'));
    writeFileSync(path.join(native, 'binding.json'), JSON.stringify({ electronVersion, standIn: 'node-abi build for this test' }));
    standInElectronDist(path.join(stage, 'electron-dist'), electronVersion);

    const builder = spawnSync(
      process.execPath,
      [
        require.resolve('electron-builder/cli.js'),
        '--linux',
        'dir',
        '--projectDir',
        stage,
        `-c.electronDist=${path.join(stage, 'electron-dist')}`,
        '-c.npmRebuild=false',
        `-c.directories.output=${out}`,
      ],
      { cwd: stage, encoding: 'utf8', env: { ...process.env, ELECTRON_BUILDER_7ZIP_PATH: sevenZip(), CSC_IDENTITY_AUTO_DISCOVERY: 'false' } },
    );
    if (builder.status !== 0) throw new Error(`electron-builder failed:\n${builder.stdout}\n${builder.stderr}`);
    resources = path.join(out, 'linux-unpacked', 'resources');
    listing = asar.listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((p) => p.split(path.sep).join('/'));
    const size = (p: string) => `${(statSync(p).size / 1024).toFixed(0)} KiB`;
    console.log(
      `app.asar ${size(path.join(resources, 'app.asar'))} (${listing.length} entries), kb.sqlite ${size(path.join(resources, 'kb.sqlite'))}`,
    );
  }, 300_000);

  afterAll(() => {
    if (stage) rmSync(stage, { recursive: true, force: true });
  });

  it('app.asar holds the bundles, the built renderer and package.json', () => {
    expect(listing).toEqual(
      expect.arrayContaining(['/package.json', '/build/electron/main.cjs', '/build/electron/preload.cjs', '/build/renderer/index.html']),
    );
    expect(listing.some((p) => /^\/build\/renderer\/assets\/.+\.js$/.test(p))).toBe(true);
    const pkg = JSON.parse(asar.extractFile(path.join(resources, 'app.asar'), 'package.json').toString()) as { main: string };
    expect(listing).toContain(`/${pkg.main}`);
  });

  it('ships no sources, tests, data, source maps or development node_modules', () => {
    const forbidden = listing.filter(
      (p) =>
        /\.(ts|vue|map)$/.test(p) ||
        /^\/(electron|renderer|tests|data|scripts|docs|release|\.ci)(\/|$)/.test(p) ||
        /^\/build\/(kb\.sqlite|native|stamps)/.test(p) ||
        /\.node$/.test(p),
    );
    expect(forbidden).toEqual([]);
    const modules = new Set(listing.filter((p) => p.startsWith('/node_modules/')).map((p) => p.split('/')[2]));
    expect([...modules]).toEqual(['better-sqlite3']);
  });

  it('puts the knowledge base and the Electron SQLite binding in resources/', () => {
    expect(readFileSync(path.join(resources, 'kb.sqlite')).equals(readFileSync(kbSource))).toBe(true);
    // Its manifest (checked at every open) and the public key of data packs ship beside it.
    expect(readFileSync(path.join(resources, 'kb.sqlite.manifest.json'), 'utf8')).toBe(readFileSync(`${kbSource}.manifest.json`, 'utf8'));
    expect(readFileSync(path.join(resources, 'data-pack.pub.pem'), 'utf8')).toContain('BEGIN PUBLIC KEY');
    expect(existsSync(path.join(resources, 'native', electronVersion, 'better_sqlite3.node'))).toBe(true);
  });

  it('names the executable tra-cuu-tham-quyen and flips its fuses (no run-as-node, no inspect, asar only and checked)', async () => {
    const exe = path.join(out, 'linux-unpacked', 'tra-cuu-tham-quyen');
    expect(existsSync(exe)).toBe(true);
    const wire = (await fuses.getCurrentFuseWire(exe)) as Record<number, number>;
    const { FuseV1Options: F } = fuses;
    expect({
      runAsNode: wire[F.RunAsNode],
      nodeOptions: wire[F.EnableNodeOptionsEnvironmentVariable],
      inspect: wire[F.EnableNodeCliInspectArguments],
      onlyAsar: wire[F.OnlyLoadAppFromAsar],
      asarIntegrity: wire[F.EnableEmbeddedAsarIntegrityValidation],
      fileProtocolPrivileges: wire[F.GrantFileProtocolExtraPrivileges],
      cookieEncryption: wire[F.EnableCookieEncryption],
    }).toEqual({ runAsNode: OFF, nodeOptions: OFF, inspect: OFF, onlyAsar: ON, asarIntegrity: ON, fileProtocolPrivileges: OFF, cookieEncryption: ON });
  });

  it('the packaged main starts from packaged paths and answers a search', async () => {
    const appDir = path.join(stage, 'extracted-app');
    asar.extractAll(path.join(resources, 'app.asar'), appDir);
    Object.defineProperty(process.versions, 'electron', { value: electronVersion, configurable: true });
    Object.defineProperty(process, 'resourcesPath', { value: resources, configurable: true });
    try {
      const fake = runtimeFake(appDir, { isPackaged: true, userData: path.join(stage, 'userData') });
      await startMain(path.join(appDir, 'build', 'electron', 'main.cjs'), fake);
      expect(fake.module.dialog.showErrorBox).not.toHaveBeenCalled();
      expect(fake.windows[0]?.options.webPreferences.preload).toBe(path.join(appDir, 'build', 'electron', 'preload.cjs'));
      const reply = (await fake.ipc.get('kb:search')!(ipcEvent('app://tra-cuu/index.html'), { q: 'dang ky khai sinh' })) as {
        ok: boolean;
        value: { hits: Array<{ holder: string }> };
      };
      expect(reply.ok).toBe(true);
      expect(reply.value.hits.some((h) => h.holder === 'Ủy ban nhân dân cấp xã')).toBe(true);
    } finally {
      delete (process.versions as Record<string, string>).electron;
      delete (process as { resourcesPath?: string }).resourcesPath;
    }
  });
});
