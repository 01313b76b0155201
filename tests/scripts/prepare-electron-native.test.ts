import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  buildCommands,
  childEnv,
  ELECTRON_HEADERS_URL,
  installedElectronVersion,
  isPrepared,
  nativeTarget,
  prepareElectronNative,
  type Command,
  type RunOutcome,
} from '../../scripts/prepare-electron-native';

const repo = path.resolve(__dirname, '../..');
const VERSION = '41.7.1';

/** A project folder with just what the script reads: electron's version and better-sqlite3's package. */
function fakeProject(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'tracuu-native-test-'));
  mkdirSync(path.join(root, 'node_modules', 'electron'), { recursive: true });
  writeFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), JSON.stringify({ version: VERSION }));
  const pkg = path.join(root, 'node_modules', 'better-sqlite3');
  mkdirSync(path.join(pkg, 'build', 'Release'), { recursive: true });
  mkdirSync(path.join(pkg, 'src'), { recursive: true });
  writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.0.0' }));
  writeFileSync(path.join(pkg, 'binding.gyp'), '{}');
  writeFileSync(path.join(pkg, 'src', 'better_sqlite3.cpp'), '// source');
  writeFileSync(path.join(pkg, 'build', 'Release', 'better_sqlite3.node'), 'NODE-ABI BUILD');
  return root;
}

/** Plays the download/compile: the chosen step writes a binding into the scratch copy. */
function runner(succeedAt: 'prebuild' | 'gyp' | 'never', seen: Array<{ command: Command; hadBuildDir: boolean }>) {
  return async (command: Command): Promise<RunOutcome> => {
    seen.push({ command, hadBuildDir: existsSync(path.join(command.cwd, 'build')) });
    const isPrebuild = command.args[0]!.includes('prebuild-install');
    if ((succeedAt === 'prebuild' && isPrebuild) || (succeedAt === 'gyp' && !isPrebuild)) {
      mkdirSync(path.join(command.cwd, 'build', 'Release'), { recursive: true });
      writeFileSync(path.join(command.cwd, 'build', 'Release', 'better_sqlite3.node'), `ELECTRON BUILD via ${isPrebuild ? 'prebuild' : 'gyp'}`);
      return { ok: true, output: '' };
    }
    return { ok: false, output: isPrebuild ? 'prebuild-install warn install getaddrinfo ENOTFOUND github.com' : 'gyp ERR! stack Error: network' };
  };
}

describe('paths and versions', () => {
  it('reads the installed Electron version', () => {
    const pkg = JSON.parse(readFileSync(path.join(repo, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
    expect(installedElectronVersion(repo)).toBe(pkg.version);
  });

  it('puts the binding under build/native/<electron-version>/', () => {
    const t = nativeTarget('/r', '41.7.1', 'win32', 'x64');
    expect(t.file).toBe(path.join('/r', 'build', 'native', '41.7.1', 'better_sqlite3.node'));
    expect(t.stamp).toBe(path.join('/r', 'build', 'native', '41.7.1', 'binding.json'));
  });
});

describe('command lines', () => {
  const commands = buildCommands({
    scratchDir: '/tmp/s/better-sqlite3',
    electronVersion: '41.7.1',
    arch: 'x64',
    prebuildInstallBin: '/r/node_modules/prebuild-install/bin.js',
    nodeGypBin: '/r/node_modules/node-gyp/bin/node-gyp.js',
    env: { PATH: '/bin', npm_config_nodedir: '/usr/include/node', NPM_CONFIG_TARGET: '20.0.0' },
  });

  it('tries the Electron prebuilt first, then compiles against Electron headers, both in the scratch copy', () => {
    expect(commands.map((c) => c.args)).toEqual([
      ['/r/node_modules/prebuild-install/bin.js', '--runtime', 'electron', '--target', '41.7.1', '--arch', 'x64', '--verbose'],
      [
        '/r/node_modules/node-gyp/bin/node-gyp.js',
        'rebuild',
        '--release',
        '--runtime=electron',
        '--target=41.7.1',
        '--arch=x64',
        `--dist-url=${ELECTRON_HEADERS_URL}`,
      ],
    ]);
    expect(ELECTRON_HEADERS_URL).toBe('https://electronjs.org/headers');
    for (const c of commands) expect(c.cwd).toBe('/tmp/s/better-sqlite3');
  });

  it('does not let npm config (nodedir, target) turn the build back into a Node build', () => {
    expect(commands[1]!.env).toEqual({ PATH: '/bin' });
    expect(childEnv({ npm_config_runtime: 'node', HOME: '/h' })).toEqual({ HOME: '/h' });
  });
});

describe('prepareElectronNative()', () => {
  let root: string;
  beforeEach(() => {
    root = fakeProject();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('falls back to node-gyp, copies the result to build/native and never touches node_modules', async () => {
    const seen: Array<{ command: Command; hadBuildDir: boolean }> = [];
    const result = await prepareElectronNative({ root, platform: 'linux', arch: 'x64', run: runner('gyp', seen) });
    expect(result).toEqual({ file: path.join(root, 'build', 'native', VERSION, 'better_sqlite3.node'), skipped: false, via: 'node-gyp' });
    expect(readFileSync(result.file, 'utf8')).toBe('ELECTRON BUILD via gyp');
    expect(seen).toHaveLength(2);
    for (const { command } of seen) expect(command.cwd.startsWith(root)).toBe(false); // a scratch copy, not node_modules
    expect(seen[0]!.hadBuildDir).toBe(false); // the Node build was not copied along
    expect(existsSync(seen[0]!.command.cwd)).toBe(false); // scratch removed
    expect(readFileSync(path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('NODE-ABI BUILD');
    expect(JSON.parse(readFileSync(path.join(path.dirname(result.file), 'binding.json'), 'utf8'))).toMatchObject({
      electronVersion: VERSION,
      platform: 'linux',
      arch: 'x64',
      via: 'node-gyp',
    });
  });

  it('uses the prebuilt when it downloads, and then skips while it is present', async () => {
    const seen: Array<{ command: Command; hadBuildDir: boolean }> = [];
    const first = await prepareElectronNative({ root, platform: 'linux', arch: 'x64', run: runner('prebuild', seen) });
    expect(first.via).toBe('prebuild-install');
    expect(seen).toHaveLength(1);
    const second = await prepareElectronNative({ root, platform: 'linux', arch: 'x64', run: runner('never', seen) });
    expect(second).toEqual({ file: first.file, skipped: true, via: null });
    expect(seen).toHaveLength(1);
  });

  it('rebuilds when the binding present was made for another platform/arch, or when forced', async () => {
    const seen: Array<{ command: Command; hadBuildDir: boolean }> = [];
    await prepareElectronNative({ root, platform: 'linux', arch: 'x64', run: runner('prebuild', seen) });
    expect(isPrepared(nativeTarget(root, VERSION, 'linux', 'arm64'))).toBe(false);
    await prepareElectronNative({ root, platform: 'linux', arch: 'arm64', run: runner('prebuild', seen) });
    await prepareElectronNative({ root, platform: 'linux', arch: 'arm64', force: true, run: runner('prebuild', seen) });
    expect(seen).toHaveLength(3);
  });

  it('removes bindings of other Electron versions once the new one is made', async () => {
    const old = path.join(root, 'build', 'native', '30.0.0');
    mkdirSync(old, { recursive: true });
    writeFileSync(path.join(old, 'better_sqlite3.node'), 'old');
    await prepareElectronNative({ root, platform: 'linux', arch: 'x64', run: runner('prebuild', []) });
    expect(existsSync(old)).toBe(false);
  });

  it('offline: fails with a clear bilingual message naming both attempts, and writes nothing', async () => {
    const attempt = prepareElectronNative({ root, platform: 'linux', arch: 'x64', run: runner('never', []) });
    await expect(attempt).rejects.toThrow(`Không chuẩn bị được better-sqlite3 cho Electron ${VERSION} (linux-x64)`);
    await expect(prepareElectronNative({ root, platform: 'linux', arch: 'x64', run: runner('never', []) })).rejects.toThrow(
      /needs network[\s\S]*ENOTFOUND github\.com[\s\S]*gyp ERR! stack Error: network/,
    );
    expect(existsSync(path.join(root, 'build', 'native'))).toBe(false);
  });
});
