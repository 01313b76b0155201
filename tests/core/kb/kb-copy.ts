/** A private copy of the real, built KB and its manifest, for tests that damage or replace it. */
import { closeSync, copyFileSync, mkdtempSync, openSync, readSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureKb } from '../../../electron/core/kb/ensure';

export async function kbCopy(prefix = 'kbcopy-'): Promise<{ dir: string; kbPath: string; source: string }> {
  const { kbPath: source } = await ensureKb();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const kbPath = join(dir, 'kb.sqlite');
  copyFileSync(source, kbPath);
  copyFileSync(`${source}.manifest.json`, `${kbPath}.manifest.json`);
  return { dir, kbPath, source };
}

/** XORs one byte of a file in place (twice with the same mask: undone). */
export function flipByte(path: string, at: number, mask: number): void {
  const fd = openSync(path, 'r+');
  try {
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, at);
    b[0] = b[0]! ^ mask;
    writeSync(fd, b, 0, 1, at);
  } finally {
    closeSync(fd);
  }
}
