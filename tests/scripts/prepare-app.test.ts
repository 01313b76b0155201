import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronBinaryProblem, electronCheck, rendererCheck } from '../../scripts/prepare-app';

describe('what prepare-app watches', () => {
  it('rebuilds the renderer from renderer/ and Vite config, into build/renderer', () => {
    const c = rendererCheck('/r');
    expect(c.watch).toEqual(expect.arrayContaining(['renderer', 'vite.config.ts']));
    expect(c.outputs).toEqual([path.join('/r', 'build', 'renderer', 'index.html')]);
  });

  it('rebuilds main/preload from electron/ into build/electron', () => {
    const c = electronCheck('/r');
    expect(c.watch).toEqual(expect.arrayContaining(['electron', 'scripts/build-electron.ts']));
    expect(c.outputs).toEqual([path.join('/r', 'build', 'electron', 'main.cjs'), path.join('/r', 'build', 'electron', 'preload.cjs')]);
  });
});

describe('electronBinaryProblem()', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'tracuu-electron-bin-'));
    mkdirSync(path.join(root, 'node_modules', 'electron'), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('explains, in Vietnamese first, that the binary was not downloaded and what to do', () => {
    const message = electronBinaryProblem(root, {});
    expect(message).toContain('Chưa tải Electron');
    expect(message).toContain('npm run serve');
  });

  it('is satisfied by an installed binary or an override', () => {
    const dir = path.join(root, 'node_modules', 'electron');
    writeFileSync(path.join(dir, 'path.txt'), 'electron');
    expect(electronBinaryProblem(root, {})).not.toBeNull(); // path.txt without dist/ is a broken install
    mkdirSync(path.join(dir, 'dist'));
    writeFileSync(path.join(dir, 'dist', 'electron'), '');
    expect(electronBinaryProblem(root, {})).toBeNull();
    rmSync(path.join(dir, 'dist'), { recursive: true });
    expect(electronBinaryProblem(root, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })).toBeNull();
  });
});
