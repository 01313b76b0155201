/** A private copy of the real, built KB and its manifest, for tests that damage or replace it. */
import { copyFileSync, mkdtempSync } from 'node:fs';
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
