import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingFilesMessage, shellPaths } from '../../electron/shell-paths';

const base = { electronVersion: '41.7.1', resourcesPath: '/opt/app/resources', env: { KB_PATH: '/tmp/other.sqlite' } };

describe('shellPaths()', () => {
  it('development: everything comes from the repo’s build/ folder (KB_PATH honoured)', () => {
    const p = shellPaths({ ...base, isPackaged: false, appPath: '/repo', mainDir: '/repo/build/electron' });
    expect(p).toEqual({
      rendererDir: path.join('/repo', 'build', 'renderer'),
      kbPath: path.resolve('/tmp/other.sqlite'),
      nativeBinding: path.join('/repo', 'build', 'native', '41.7.1', 'better_sqlite3.node'),
      preload: path.join('/repo', 'build', 'electron', 'preload.cjs'),
    });
  });

  it('packaged: code from app.asar, kb and native binding from resources/ (no env override)', () => {
    const asar = '/opt/app/resources/app.asar';
    const p = shellPaths({ ...base, isPackaged: true, appPath: asar, mainDir: `${asar}/build/electron` });
    expect(p).toEqual({
      rendererDir: path.join(asar, 'build', 'renderer'),
      kbPath: path.join('/opt/app/resources', 'kb.sqlite'),
      nativeBinding: path.join('/opt/app/resources', 'native', '41.7.1', 'better_sqlite3.node'),
      preload: path.join(asar, 'build', 'electron', 'preload.cjs'),
    });
  });
});

describe('missingFilesMessage()', () => {
  const p = shellPaths({ ...base, env: {}, isPackaged: false, appPath: '/repo', mainDir: '/repo/build/electron' });

  it('is null when every file is there', () => {
    expect(missingFilesMessage(p, () => true, false)).toBeNull();
  });

  it('names each missing file in Vietnamese and says how to fix it', () => {
    const message = missingFilesMessage(p, (f) => !f.endsWith('.node'), false)!;
    expect(message).toContain(`Thiếu thư viện SQLite cho Electron: ${p.nativeBinding}`);
    expect(message).toContain('npm start');
    expect(message).not.toContain('kb.sqlite');
    expect(missingFilesMessage(p, () => false, true)).toContain('cài lại ứng dụng');
  });
});
