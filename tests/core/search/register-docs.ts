/**
 * Search documents from the REAL register (data/register/*.json) with the
 * provision texts parsed from the decree texts, built the way the KB build
 * does (toSearchDocs), plus the everyday names of data/aliases.json.
 * Used by the quality test and by `npm run bench`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuthorityRecord, Citation, DocumentInfo, Provision } from '../../../electron/core/model';
import { parseDecree } from '../../../electron/core/legal/structure';
import { citationKey } from '../../../electron/core/kb/citation-key';
import { toSearchDocs } from '../../../electron/core/kb/search-docs';
import type { SearchDoc } from '../../../electron/core/search';
import { SOURCES_DIR } from './paragraph-corpus';
export { SOURCES_DIR };

/** The repo root; `npm run bench` runs a bundled copy of this file from a temp folder and says where the repo is. */
export const REPO_ROOT = process.env.TCQ_REPO_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

interface RegisterFile {
  document: string;
  records: AuthorityRecord[];
}

interface AliasEntry {
  match: Partial<Citation> & { document: string };
  aliases: string[];
}

export function readRegisters(dataDir = join(REPO_ROOT, 'data')): RegisterFile[] {
  const dir = join(dataDir, 'register');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as RegisterFile);
}

export function readAliases(dataDir = join(REPO_ROOT, 'data')): AliasEntry[] {
  const file = join(dataDir, 'aliases.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as AliasEntry[]) : [];
}

function aliasMatches(m: AliasEntry['match'], c: Citation): boolean {
  return (
    m.document === c.document &&
    (m.article === undefined || m.article === c.article) &&
    (m.clause === undefined || m.clause === c.clause) &&
    (m.point === undefined || m.point === c.point)
  );
}

export function withAliases(records: AuthorityRecord[], aliases: AliasEntry[]): AuthorityRecord[] {
  return records.map((r) => {
    const extra = aliases.filter((a) => aliasMatches(a.match, r.citation)).flatMap((a) => a.aliases);
    return extra.length ? { ...r, aliases: [...new Set([...(r.aliases ?? []), ...extra])] } : r;
  });
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
  const records = withAliases(registers.flatMap((r) => r.records), readAliases());
  const { provisions, titles } = sourceProvisions();
  const provMap = new Map(provisions.map((p) => [citationKey(p.citation), p]));
  const docMap = new Map(
    [...titles].map(([number, title]) => [number, { number, title } as unknown as DocumentInfo]),
  );
  const docs = toSearchDocs(records, provMap, docMap);
  return { docs, documents: new Set(registers.map((r) => r.document)), withText: docs.filter((d) => d.provisionText).length };
}
