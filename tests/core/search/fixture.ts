/**
 * One engine over REAL data for the engine tests: the register with provision
 * texts parsed from the decree texts; the paragraph corpus of the texts when no
 * register file exists yet. Built once per test file (await it in beforeAll).
 */
import { buildSearchIndex, runSearch, type SearchDoc, type SearchEngine } from '../../../electron/core/search';
import type { SearchArgs, SearchResult } from '../../../electron/api/contract';
import { paragraphCorpus } from './paragraph-corpus';
import { registerCorpus } from './register-docs';

export interface Fixture {
  docs: SearchDoc[];
  engine: SearchEngine;
  kind: 'register' | 'paragraphs';
  search(q: string, extra?: Omit<SearchArgs, 'q'>): SearchResult;
  ids(q: string, extra?: Omit<SearchArgs, 'q'>): string[];
}

let cached: Fixture | null = null;
export const BATCH_DAY = '2025-10-01';

export async function fixture(): Promise<Fixture> {
  if (cached) return cached;
  const reg = await registerCorpus();
  const kind = reg.docs.length > 0 ? 'register' : 'paragraphs';
  const docs = kind === 'register' ? reg.docs : paragraphCorpus();
  const engine = buildSearchIndex(docs);
  engine.useCache = false;
  // The batch as issued: a day when all of it was in force (the timeline has its own tests).
  const search = (q: string, extra: Omit<SearchArgs, 'q'> = {}) => runSearch(engine, { q, date: BATCH_DAY, ...extra });
  cached = { docs, engine, kind, search, ids: (q, extra) => search(q, { limit: 200, ...extra }).hits.map((h) => h.id) };
  return cached;
}
