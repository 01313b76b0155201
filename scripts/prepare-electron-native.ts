/**
 * Makes the Electron-ABI build of better-sqlite3 at
 *   build/native/<electron-version>/better_sqlite3.node
 * WITHOUT touching node_modules (whose Node build the CLI, browser mode and
 * tests keep using). The package is copied to a scratch folder and there
 *   1. prebuild-install -r electron -t <version> downloads the official prebuilt, or else
 *   2. node-gyp rebuild --runtime=electron --target=<version> compiles it against Electron's headers.
 * Both need the network the first time; offline it fails with a clear message.
 * Skipped when the binding for this Electron version, platform and arch is there.
 *
 *   npx tsx scripts/prepare-electron-native.ts [--force]
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { NATIVE_FILE, nativeBindingRelPath } from '../electron/native-binding';

export const ELECTRON_HEADERS_URL = 'https://electronjs.org/headers';

export interface NativeTarget {
  electronVersion: string;
  platform: string;
  arch: string;
  /** build/native/<version> */
  dir: string;
  /** build/native/<version>/better_sqlite3.node */
  file: string;
  /** build/native/<version>/binding.json: what the file was built for */
  stamp: string;
}

export interface Command {
  label: string;
  command: string;
  args: string[];
  cwd: string;
  env: Record<string, string | undefined>;
}

export interface RunOutcome {
  ok: boolean;
  output: string;
}

export type Runner = (command: Command) => Promise<RunOutcome>;

export interface PrepareOptions {
  root?: string;
  force?: boolean;
  platform?: string;
  arch?: string;
  log?: (message: string) => void;
  run?: Runner;
}

export interface PrepareResult {
  file: string;
  skipped: boolean;
  via: 'prebuild-install' | 'node-gyp' | null;
}

/** The Electron version npm installed (node_modules/electron/package.json). */
export function installedElectronVersion(root: string): string {
  const pkg = path.join(root, 'node_modules', 'electron', 'package.json');
  if (!existsSync(pkg)) throw new Error(`Chưa cài Electron (không thấy ${pkg}); hãy chạy "npm install".`);
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

export function nativeTarget(root: string, electronVersion: string, platform: string, arch: string): NativeTarget {
  const file = path.join(root, 'build', nativeBindingRelPath(electronVersion));
  const dir = path.dirname(file);
  return { electronVersion, platform, arch, dir, file, stamp: path.join(dir, 'binding.json') };
}

/** Present = the .node file exists and its stamp says it was made for this version, platform and arch. */
export function isPrepared(target: NativeTarget): boolean {
  if (!existsSync(target.file) || !existsSync(target.stamp)) return false;
  try {
    const s = JSON.parse(readFileSync(target.stamp, 'utf8')) as Partial<NativeTarget>;
    return s.electronVersion === target.electronVersion && s.platform === target.platform && s.arch === target.arch;
  } catch {
    return false;
  }
}

/**
 * The child environment: npm passes its config to scripts as npm_config_*;
 * a `nodedir` (as set on this machine for offline Node builds) or a stray
 * runtime/target would make node-gyp build against Node instead of Electron.
 */
export function childEnv(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  const drop = /^npm_config_(nodedir|runtime|target|disturl|dist_url|arch|build_from_source)$/i;
  for (const [key, value] of Object.entries(env)) if (!drop.test(key)) out[key] = value;
  return out;
}

/** The two ways to get the binding, in order; both run inside the scratch copy. */
export function buildCommands(o: {
  scratchDir: string;
  electronVersion: string;
  arch: string;
  prebuildInstallBin: string;
  nodeGypBin: string;
  env: NodeJS.ProcessEnv;
}): Command[] {
  const env = childEnv(o.env);
  return [
    {
      label: 'prebuild-install (tải bản dựng sẵn cho Electron)',
      command: process.execPath,
      args: [o.prebuildInstallBin, '--runtime', 'electron', '--target', o.electronVersion, '--arch', o.arch, '--verbose'],
      cwd: o.scratchDir,
      env,
    },
    {
      label: 'node-gyp rebuild (biên dịch với header của Electron)',
      command: process.execPath,
      args: [
        o.nodeGypBin,
        'rebuild',
        '--release',
        '--runtime=electron',
        `--target=${o.electronVersion}`,
        `--arch=${o.arch}`,
        `--dist-url=${ELECTRON_HEADERS_URL}`,
      ],
      cwd: o.scratchDir,
      env,
    },
  ];
}

/** Copies node_modules/better-sqlite3 without its Node build (build/). */
export function copyPackageToScratch(root: string, scratchParent: string): string {
  const source = path.join(root, 'node_modules', 'better-sqlite3');
  if (!existsSync(path.join(source, 'package.json'))) {
    throw new Error(`Không thấy ${source}; hãy chạy "npm install".`);
  }
  const dest = path.join(scratchParent, 'better-sqlite3');
  cpSync(source, dest, {
    recursive: true,
    filter: (src) => path.relative(source, src).split(path.sep)[0] !== 'build',
  });
  return dest;
}

const spawnRunner: Runner = (c) =>
  new Promise((resolve) => {
    const child = spawn(c.command, c.args, { cwd: c.cwd, env: c.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) => resolve({ ok: false, output: `${output}\n${error.message}` }));
    child.on('close', (code) => resolve({ ok: code === 0, output }));
  });

/** The lines of a tool's output that say why it failed (not its stack trace). */
export function failureSummary(output: string): string {
  const lines = output.trim().split(/\r?\n/).filter(Boolean);
  const telling = lines.filter((l) => /\bwarn\b|\berror\b|ENOTFOUND|EAI_AGAIN|ECONN|ETIMEDOUT|network/i.test(l) && !/ERR! stack\s+at /.test(l));
  return (telling.length ? telling.slice(0, 6) : lines.slice(-8)).join('\n');
}

/** Other Electron versions' bindings are left-overs: drop them so packaging ships one. */
function pruneOtherVersions(target: NativeTarget): void {
  const parent = path.dirname(target.dir);
  for (const entry of readdirSync(parent, { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== target.electronVersion) rmSync(path.join(parent, entry.name), { recursive: true, force: true });
  }
}

export async function prepareElectronNative(opts: PrepareOptions = {}): Promise<PrepareResult> {
  const root = opts.root ?? process.cwd();
  const log = opts.log ?? (() => {});
  const version = installedElectronVersion(root);
  const target = nativeTarget(root, version, opts.platform ?? process.platform, opts.arch ?? process.arch);
  if (!opts.force && isPrepared(target)) return { file: target.file, skipped: true, via: null };

  // The tools are our own devDependencies, wherever the target root is.
  const require = createRequire(import.meta.url);
  const scratchParent = mkdtempSync(path.join(os.tmpdir(), 'tracuu-native-'));
  const failures: string[] = [];
  try {
    const scratchDir = copyPackageToScratch(root, scratchParent);
    const commands = buildCommands({
      scratchDir,
      electronVersion: version,
      arch: target.arch,
      prebuildInstallBin: require.resolve('prebuild-install/bin.js'),
      nodeGypBin: require.resolve('node-gyp/bin/node-gyp.js'),
      env: process.env,
    });
    const run = opts.run ?? spawnRunner;
    for (const command of commands) {
      log(`  … ${command.label}`);
      const outcome = await run(command);
      const built = path.join(scratchDir, 'build', 'Release', NATIVE_FILE);
      if (outcome.ok && existsSync(built)) {
        mkdirSync(target.dir, { recursive: true });
        cpSync(built, target.file);
        const via = command === commands[0] ? 'prebuild-install' : 'node-gyp';
        const stamp = { electronVersion: version, platform: target.platform, arch: target.arch, via, madeAt: new Date().toISOString() };
        writeFileSync(target.stamp, `${JSON.stringify(stamp, null, 2)}\n`);
        pruneOtherVersions(target);
        return { file: target.file, skipped: false, via };
      }
      failures.push(`[${command.label}]\n${failureSummary(outcome.output) || '(không có thông báo)'}`);
    }
  } finally {
    rmSync(scratchParent, { recursive: true, force: true });
  }
  throw new Error(
    [
      `Không chuẩn bị được better-sqlite3 cho Electron ${version} (${target.platform}-${target.arch}).`,
      'Lần đầu cần mạng: tải bản dựng sẵn từ github.com, hoặc tải header từ electronjs.org để biên dịch',
      '(biên dịch cần Python 3 và trình biên dịch C++: Visual Studio Build Tools trên Windows, build-essential trên Linux, Xcode CLT trên macOS).',
      `Could not prepare the Electron ${version} build of better-sqlite3: no prebuilt download and no compile (needs network the first time).`,
      '',
      ...failures,
    ].join('\n'),
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const force = process.argv.includes('--force');
  prepareElectronNative({ force, log: console.log })
    .then((r) =>
      console.log(
        r.skipped
          ? `better-sqlite3 cho Electron đã có: ${path.relative(process.cwd(), r.file)}`
          : `Đã chuẩn bị better-sqlite3 cho Electron (${r.via}): ${path.relative(process.cwd(), r.file)}`,
      ),
    )
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
