/**
 * Everyday names of tasks ("làm giấy khai sinh"), curated as data keyed by
 * citation: data/aliases.json and one file per decree in data/aliases/.
 * A key left out matches any value ("article": 4 covers every clause and point of
 * Điều 4); a key set to null matches only records without one (the clause itself).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthorityRecord, Citation } from '../model';
import { readJsonDir } from './json-dir';

export interface AliasEntry {
  match: { document: string; article?: number | null; clause?: number | null; point?: string | null; annex?: string | null };
  aliases: string[];
}

export function readAliasEntries(dataDir: string): AliasEntry[] {
  const single = join(dataDir, 'aliases.json');
  return [
    ...(existsSync(single) ? (JSON.parse(readFileSync(single, 'utf8')) as AliasEntry[]) : []),
    ...readJsonDir<AliasEntry[]>(join(dataDir, 'aliases')).flat(),
  ];
}

export function aliasMatches(match: AliasEntry['match'], c: Citation): boolean {
  return (
    match.document === c.document &&
    (match.article === undefined || match.article === c.article) &&
    (match.clause === undefined || match.clause === c.clause) &&
    (match.point === undefined || match.point === c.point) &&
    (match.annex === undefined || match.annex === c.annex)
  );
}

export function mergeAliases(records: AuthorityRecord[], entries: AliasEntry[]): AuthorityRecord[] {
  return records.map((r) => {
    const extra = entries.filter((a) => aliasMatches(a.match, r.citation)).flatMap((a) => a.aliases);
    return extra.length ? { ...r, aliases: [...new Set([...r.aliases, ...extra])] } : r;
  });
}
