/**
 * The portal index reads the names' words the KB build stored (portal-source.ts), so the first question
 * does not tokenize 2,400 names: the stored words must be exactly what the tokenizer gives, and words
 * stored by another version of the search index are not trusted.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KB_SCHEMA_SQL } from '../../../electron/core/kb/schema';
import { SEARCH_INDEX_VERSION } from '../../../electron/core/search/fields';
import { nameWords } from '../../../electron/core/search/portal';
import { PORTAL_WORDS_KEY, portalRecordsOf, serializePortalWords } from '../../../electron/core/search/portal-source';
import { REPO_ROOT } from './register-docs';

const national = JSON.parse(readFileSync(join(REPO_ROOT, 'data/national-procedures.json'), 'utf8')) as Array<{ code: string; name: string }>;

let db: Database.Database | null = null;
afterEach(() => db?.close());

function kbWith(version: string, words: string | null): Database.Database {
  db = new Database(':memory:');
  db.exec(KB_SCHEMA_SQL);
  const insert = db.prepare('INSERT INTO national_procedures (code, record_id, json) VALUES (?, NULL, ?)');
  for (const p of national) insert.run(p.code, JSON.stringify(p));
  const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  meta.run('searchIndexVersion', version);
  if (words !== null) meta.run(PORTAL_WORDS_KEY, words);
  return db;
}

describe('portal names’ words stored by the KB build', () => {
  it('are, for every record of the national database, the words the tokenizer gives', () => {
    const records = portalRecordsOf(kbWith(String(SEARCH_INDEX_VERSION), serializePortalWords(national)))();
    expect(records.length).toBe(national.length);
    let withWords = 0;
    for (const r of records) {
      if (!r.name) continue;
      withWords += 1;
      expect(r.words, r.code).toEqual(nameWords(r.name));
    }
    expect(withWords).toBeGreaterThan(2_000);
  });

  it('are not used when another search index version stored them, nor when unreadable', () => {
    const stale = portalRecordsOf(kbWith(String(SEARCH_INDEX_VERSION - 1), serializePortalWords(national)))();
    expect(stale.every((r) => r.words === undefined)).toBe(true);
    db?.close();
    const broken = portalRecordsOf(kbWith(String(SEARCH_INDEX_VERSION), '{"1.000005": [1, '))();
    expect(broken.length).toBe(national.length);
    expect(broken.every((r) => r.words === undefined)).toBe(true);
  });
});
