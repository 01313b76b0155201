/**
 * Everyday names of tasks ("làm giấy khai sinh"), curated as data keyed by
 * citation: data/aliases.json and one file per decree in data/aliases/.
 * A key left out matches any value ("article": 4 covers every clause and point of
 * Điều 4); a key set to null matches only records without one (the clause itself).
 * A name describes one task, so it lands on the records of that task only: "holder"
 * (and "role") narrow a citation to the body (or bodies) the name fits. An entry that still lands
 * on records of different holders says why in "shared" (the same power split by
 * scope, one procedure's bodies); tests/data/aliases.test.ts forbids it otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthorityRecord, Citation, Role } from '../model';
import { readJsonDir } from './json-dir';

export interface AliasEntry {
  match: {
    document: string;
    article?: number | null;
    clause?: number | null;
    point?: string | null;
    annex?: string | null;
    /** The holder(s) the name fits, as the register writes them; left out: every holder of the citation. */
    holder?: string | string[];
    /** The role(s) it fits ("giải quyết sự cố" is the decision, not the duty to report the incident). */
    role?: Role | Role[];
  };
  aliases: string[];
  /** Why the name rightly lands on records of different holders. */
  shared?: string;
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

/** Whether an entry's names belong on a record: its citation and, when given, its holder. */
export function aliasFits(match: AliasEntry['match'], r: Pick<AuthorityRecord, 'citation' | 'holder' | 'role'>): boolean {
  if (!aliasMatches(match, r.citation)) return false;
  const among = <T>(key: T | T[] | undefined, v: T): boolean => key === undefined || (Array.isArray(key) ? key : [key]).includes(v);
  return among(match.holder, r.holder) && among(match.role, r.role);
}

export function mergeAliases(records: AuthorityRecord[], entries: AliasEntry[]): AuthorityRecord[] {
  return records.map((r) => {
    const extra = entries.filter((a) => aliasFits(a.match, r)).flatMap((a) => a.aliases);
    return extra.length ? { ...r, aliases: [...new Set([...r.aliases, ...extra])] } : r;
  });
}
