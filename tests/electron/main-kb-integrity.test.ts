/**
 * The Electron main with a KB that does not match its manifest: it never opens it; it offers the
 * previous good copy ("Dùng bản trước"), restores it and starts — or, refused, explains and quits.
 * Real bundle, fake Electron, real data (like main-startup.test.ts).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureKb } from '../../electron/core/kb/ensure';
import { checkKb } from '../../electron/core/kb/manifest';
import { buildElectron } from '../../scripts/build-electron';
import { runtimeFake, startMain } from './fake-electron';

const root = path.resolve(__dirname, '../..');
const FAKE_ELECTRON_VERSION = '41.7.1-test';

describe('main process and a damaged knowledge base', () => {
  let appPath: string;
  let mainCjs: string;
  let kb: string;
  let good: Buffer;

  beforeAll(async () => {
    Object.defineProperty(process.versions, 'electron', { value: FAKE_ELECTRON_VERSION, configurable: true });
    appPath = mkdtempSync(path.join(os.tmpdir(), 'tracuu-main-kb-'));
    const build = path.join(appPath, 'build');
    mkdirSync(path.join(build, 'native', FAKE_ELECTRON_VERSION), { recursive: true });
    symlinkSync(path.join(root, 'node_modules'), path.join(appPath, 'node_modules'), 'junction');
    symlinkSync(path.join(root, 'build', 'renderer'), path.join(build, 'renderer'), 'junction');
    const { kbPath } = await ensureKb();
    kb = path.join(build, 'kb.sqlite');
    for (const target of [kb, `${kb}.prev`]) {
      copyFileSync(kbPath, target);
      copyFileSync(`${kbPath}.manifest.json`, `${target}.manifest.json`);
    }
    good = readFileSync(kb);
    copyFileSync(
      path.join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
      path.join(build, 'native', FAKE_ELECTRON_VERSION, 'better_sqlite3.node'),
    );
    mainCjs = (await buildElectron(root, path.join(build, 'electron'))).main;
  });

  afterAll(() => {
    delete (process.versions as Record<string, string>).electron;
    rmSync(appPath, { recursive: true, force: true });
  });

  const damage = () => {
    const bytes = Buffer.from(good);
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0x08;
    writeFileSync(kb, bytes);
  };

  it('refused the offer: explains in Vietnamese, opens no window, quits', async () => {
    damage();
    const fake = runtimeFake(appPath);
    fake.module.dialog.showMessageBoxSync.mockReturnValue(1); // "Thoát"
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await startMain(mainCjs, fake);
    const [options] = fake.module.dialog.showMessageBoxSync.mock.calls[0]! as unknown as [{ message: string; buttons: string[] }];
    expect(options.message).toContain('không đúng với bản đã phát hành');
    expect(options.buttons).toEqual(['Dùng bản trước', 'Thoát']);
    expect(fake.module.app.exit).toHaveBeenCalledWith(1);
    expect(fake.windows).toHaveLength(0);
    expect(checkKb(kb).ok).toBe(false); // nothing was changed behind the user's back
  });

  it('"Dùng bản trước": the previous good copy is put back and the app starts on it', async () => {
    damage();
    const fake = runtimeFake(appPath);
    await startMain(mainCjs, fake);
    expect(fake.module.dialog.showMessageBoxSync).toHaveBeenCalledTimes(1);
    expect(fake.module.app.exit).not.toHaveBeenCalled();
    expect(fake.windows).toHaveLength(1);
    expect(readFileSync(kb).equals(good)).toBe(true);
  });
});
