/**
 * The national procedure records as the KB's table holds them, for portal.ts: only the fields a portal row
 * shows, read at open (one statement, no JSON of the whole record parsed), their lists parsed on first use.
 */
import type Database from 'better-sqlite3';
import type { Level } from '../model';
import { SEARCH_INDEX_VERSION } from './fields';
import { attachPortalRecords, nameWords, type NameWords, type PortalRecord } from './portal';

export { attachPortalRecords };

interface Row {
  code: string;
  name: string | null;
  levels: string | null;
  field: string | null;
  competentBody: string | null;
  implementingBody: string | null;
  basis: string | null;
  timeLimit: string | null;
  url: string | null;
}

const FIELDS = ['name', 'levels', 'field', 'competentBody', 'implementingBody', 'basis', 'timeLimit', 'url'];

function list(json: string | null): string[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Meta key of the names' words the KB build stores (code → [folded words, words as written], space-joined). */
export const PORTAL_WORDS_KEY = 'portalNameWords';

/** The stored words as the KB holds them, when made by this program's tokenizer (the search index version says so). */
function storedWordsText(db: Database.Database): string | null {
  try {
    const get = db.prepare('SELECT value FROM meta WHERE key = ?');
    const version = (get.get('searchIndexVersion') as { value: string } | undefined)?.value;
    return version === String(SEARCH_INDEX_VERSION) ? ((get.get(PORTAL_WORDS_KEY) as { value: string } | undefined)?.value ?? null) : null;
  } catch {
    return null;
  }
}

/** Parsed on first use, not at open; unreadable gives none (the words are then computed). */
function parseWords(raw: string | null): Map<string, NameWords> {
  const out = new Map<string, NameWords>();
  if (!raw) return out;
  try {
    for (const [code, [f, e]] of Object.entries(JSON.parse(raw) as Record<string, [string, string]>)) {
      out.set(code, { fold: f ? f.split(' ') : [], exact: e ? e.split(' ') : [] });
    }
  } catch {
    out.clear();
  }
  return out;
}

/** What the KB build stores under PORTAL_WORDS_KEY. */
export function serializePortalWords(records: ReadonlyArray<{ code: string; name?: string | null }>): string {
  const out: Record<string, [string, string]> = {};
  for (const r of records) {
    if (!r.name) continue;
    const w = nameWords(r.name);
    out[r.code] = [w.fold.join(' '), w.exact.join(' ')];
  }
  return JSON.stringify(out);
}

/** Reads the rows now (the connection may close after open); turns them into records when first asked. */
export function portalRecordsOf(db: Database.Database): () => PortalRecord[] {
  let rows: Row[] = [];
  const raw = storedWordsText(db);
  try {
    rows = db
      .prepare(`SELECT code, ${FIELDS.map((f) => `json_extract(json, '$.${f}') AS ${f}`).join(', ')} FROM national_procedures ORDER BY code`)
      .all() as Row[];
  } catch {
    rows = []; // a KB without the table: no portal rows
  }
  return () => {
    const words = parseWords(raw);
    return rows.map((r) => ({
      code: r.code,
      name: r.name ?? '',
      levels: list(r.levels) as Level[],
      field: r.field,
      competentBody: r.competentBody,
      implementingBody: r.implementingBody,
      basis: list(r.basis),
      timeLimit: r.timeLimit,
      url: r.url,
      ...(words.has(r.code) ? { words: words.get(r.code) } : {}),
    }));
  };
}
