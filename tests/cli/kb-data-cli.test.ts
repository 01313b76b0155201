import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../electron/core/paths';
import { HAS_SOURCES } from '../core/kb/kb-fixture';

const ROOT = repoRoot();
const scratch = mkdtempSync(join(tmpdir(), 'cli-data-'));
const kbPath = join(scratch, 'kb.sqlite');
const baseEnv = { ...process.env, KB_PATH: kbPath, KB_USER_DIR: join(scratch, 'user') };

function kb(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/kb.ts', ...args], {
    cwd: ROOT,
    env: { ...baseEnv, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.skipIf(!HAS_SOURCES)('kb pack / update / restore / keygen, and a damaged KB_PATH', () => {
  const keys = join(scratch, 'keys');
  const packFile = join(scratch, 'du-lieu.tctq');

  beforeAll(() => {
    expect(kb(['stats', '--json']).code).toBe(0); // builds the KB and its manifest
  });

  it('keygen writes a key pair once and never overwrites it', () => {
    expect(kb(['keygen', '--out', keys]).code).toBe(0);
    expect(readFileSync(join(keys, 'data-pack.key.pem'), 'utf8')).toContain('BEGIN PRIVATE KEY');
    const again = kb(['keygen', '--out', keys]);
    expect(again.code).toBe(2);
    expect(again.err).toContain('không ghi đè');
  });

  it('pack --out exits 0; update of that pack exits 0; a tampered one or the wrong key exits 2', () => {
    const packed = kb(['pack', '--out', packFile, '--key', join(keys, 'data-pack.key.pem')]);
    expect(packed.code).toBe(0);
    expect(existsSync(packFile)).toBe(true);
    expect(kb(['update', packFile, '--pubkey', join(keys, 'data-pack.pub.pem')]).code).toBe(0);
    const bad = Buffer.from(readFileSync(packFile));
    bad[bad.length - 100] = bad[bad.length - 100]! ^ 0xff;
    writeFileSync(join(scratch, 'sua.tctq'), bad);
    const tampered = kb(['update', join(scratch, 'sua.tctq'), '--pubkey', join(keys, 'data-pack.pub.pem')]);
    expect(tampered.code).toBe(2);
    expect(tampered.err).toContain('SHA-256');
    // The app's shipped public key: its private half is not in the repository, so a locally signed pack is refused.
    const shipped = kb(['update', packFile]);
    expect(shipped.code).toBe(2);
    expect(shipped.err).toContain('Chữ ký của gói dữ liệu không đúng');
    expect(kb(['pack', '--out', join(scratch, 'x.tctq')]).code).toBe(2); // no key
  });

  it('KB_PATH=<copy> kb stats refuses a copy whose hash does not match (exit 2), and restore says there is nothing to restore', () => {
    const dir = join(scratch, 'copy');
    mkdirSync(dir);
    const copy = join(dir, 'kb.sqlite');
    copyFileSync(kbPath, copy);
    copyFileSync(`${kbPath}.manifest.json`, `${copy}.manifest.json`);
    expect(kb(['stats', '--json'], { KB_PATH: copy }).code).toBe(0);
    const bytes = readFileSync(copy);
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0x04;
    writeFileSync(copy, bytes);
    const r = kb(['stats', '--json'], { KB_PATH: copy });
    expect(r.code).toBe(2);
    expect(r.err).toContain('không đúng với bản đã phát hành');
    expect(r.out).toBe('');
    const restore = kb(['restore'], { KB_PATH: copy });
    expect(restore.code).toBe(2);
    expect(restore.err).toContain('Không có bản dữ liệu tốt trước đó');
  });
});
