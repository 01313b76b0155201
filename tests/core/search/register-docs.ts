/**
 * Search documents from the REAL register (data/register/*.json) with the
 * provision texts parsed from the decree texts, built the way the KB build
 * does (toSearchDocs), plus the everyday names of data/aliases.json.
 * Used by the quality test and by `npm run bench`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuthorityRecord, DocumentInfo, Provision } from '../../../electron/core/model';
import { parseDecree } from '../../../electron/core/legal/structure';
import { citationKey } from '../../../electron/core/kb/citation-key';
import { toSearchDocs } from '../../../electron/core/kb/search-docs';
import { mergeAliases, readAliasEntries } from '../../../electron/core/kb/aliases';
import type { SearchDoc } from '../../../electron/core/search';
import { SOURCES_DIR } from './paragraph-corpus';
export { SOURCES_DIR };

/** The repo root; `npm run bench` runs a bundled copy of this file from a temp folder and says where the repo is. */
export const REPO_ROOT = process.env.TCQ_REPO_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

interface RegisterFile {
  document: string;
  records: AuthorityRecord[];
}

export function readRegisters(dataDir = join(REPO_ROOT, 'data')): RegisterFile[] {
  const dir = join(dataDir, 'register');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as RegisterFile);
}

/** Provisions of every decree text in the sources folder. */
export function sourceProvisions(): { provisions: Provision[]; titles: Map<string, string> } {
  const dir = join(SOURCES_DIR, 'decrees');
  const provisions: Provision[] = [];
  const titles = new Map<string, string>();
  if (!existsSync(dir)) return { provisions, titles };
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const parsed = parseDecree(readFileSync(join(dir, f), 'utf8'));
    if (!parsed.number) continue;
    provisions.push(...parsed.provisions);
    titles.set(parsed.number, parsed.title ?? '');
  }
  return { provisions, titles };
}

export interface RegisterCorpus {
  docs: SearchDoc[];
  documents: Set<string>;
  withText: number;
}

export function registerCorpus(): RegisterCorpus {
  const registers = readRegisters();
  // The same alias merge as the KB build (data/aliases.json and data/aliases/*.json).
  const records = mergeAliases(registers.flatMap((r) => r.records), readAliasEntries(join(REPO_ROOT, 'data')));
  const { provisions, titles } = sourceProvisions();
  const provMap = new Map(provisions.map((p) => [citationKey(p.citation), p]));
  const docMap = new Map(
    [...titles].map(([number, title]) => [number, { number, title } as unknown as DocumentInfo]),
  );
  const docs = toSearchDocs(records, provMap, docMap);
  return { docs, documents: new Set(registers.map((r) => r.document)), withText: docs.filter((d) => d.provisionText).length };
}
