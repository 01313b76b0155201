/** Builds a KB from the real data/ (and the real texts when present) into a temp folder, once per test file. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKb, type BuildReport } from '../../../electron/core/kb/build';
import { openKnowledgeBase, type KnowledgeBase } from '../../../electron/core/kb/open';
import { dataDir, defaultSourcesDir, repoRoot } from '../../../electron/core/paths';

export const ROOT = repoRoot();
export const SOURCES = defaultSourcesDir(ROOT);
export const HAS_SOURCES = SOURCES !== null && existsSync(join(SOURCES, 'decrees'));

export async function buildTempKb(sources: string[] = SOURCES ? [SOURCES] : [], data = dataDir(ROOT)): Promise<{ kb: KnowledgeBase; report: BuildReport; kbPath: string }> {
  const kbPath = join(mkdtempSync(join(tmpdir(), 'kb-')), 'kb.sqlite');
  const report = await buildKb({ kbPath, dataDir: data, sources });
  return { kb: openKnowledgeBase({ kbPath }), report, kbPath };
}
