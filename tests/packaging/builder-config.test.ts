/**
 * What electron-builder.yml asks of every installer, read from the file itself (fast, always runs;
 * package-contents.test.ts checks the flipped fuses in a real --linux dir package). The ASAR-integrity
 * fuse is only enforced by Electron on Windows and macOS: here it is checked on paper only.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const require = createRequire(import.meta.url);
// js-yaml comes with electron-builder, which reads the file with it.
const yaml = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  asar?: boolean;
  disableAsarIntegrity?: boolean;
  electronFuses?: Record<string, boolean>;
  win?: { target?: Array<{ target: string; arch?: string[] }> };
  linux?: { target?: string[] };
  mac?: { target?: string[] };
}
const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('packs the app into app.asar and keeps its integrity hash embedded', () => {
    expect(config.asar).toBe(true);
    expect(config.disableAsarIntegrity).not.toBe(true);
  });

  it('flips the fuses: no run-as-node, no NODE_OPTIONS or --inspect, code only from a checked app.asar', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });

  it('keeps the installers of the README: Windows x64 NSIS and portable, Linux AppImage and deb, macOS dmg', () => {
    expect(config.win?.target?.map((t) => t.target)).toEqual(expect.arrayContaining(['nsis', 'portable']));
    expect(config.win?.target?.every((t) => t.arch?.includes('x64'))).toBe(true);
    expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.mac?.target).toContain('dmg');
  });
});
