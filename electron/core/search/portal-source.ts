/**
 * The national procedure records as the KB's table holds them, for portal.ts: only the fields a portal row
 * shows, read at open (one statement, no JSON of the whole record parsed), their lists parsed on first use.
 */
import type Database from 'better-sqlite3';
import type { Level } from '../model';
import { attachPortalRecords, type PortalRecord } from './portal';

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

/** Reads the rows now (the connection may close after open); turns them into records when first asked. */
export function portalRecordsOf(db: Database.Database): () => PortalRecord[] {
  let rows: Row[] = [];
  try {
    rows = db
      .prepare(`SELECT code, ${FIELDS.map((f) => `json_extract(json, '$.${f}') AS ${f}`).join(', ')} FROM national_procedures ORDER BY code`)
      .all() as Row[];
  } catch {
    rows = []; // a KB without the table: no portal rows
  }
  return () =>
    rows.map((r) => ({
      code: r.code,
      name: r.name ?? '',
      levels: list(r.levels) as Level[],
      field: r.field,
      competentBody: r.competentBody,
      implementingBody: r.implementingBody,
      basis: list(r.basis),
      timeLimit: r.timeLimit,
      url: r.url,
    }));
}
