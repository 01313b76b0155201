/**
 * Builds the read-only knowledge-base file from data/ (the derived register,
 * curated aliases, second-hand records) and, when available, the decree texts
 * (provision texts; registers for texts that data/ does not cover yet).
 * Written to a temporary file and renamed, so a running app never sees half a KB.
 */
import Database from 'better-sqlite3';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { SECTOR_LABELS, type AuthorityRecord, type DocumentInfo, type Provision, type SectorId } from '../model';
import { buildSearchIndex, serializeSearchIndex, SEARCH_INDEX_VERSION } from '../search/index';
import { PORTAL_WORDS_KEY, serializePortalWords } from '../search/portal-source';
import { citationKey } from './citation-key';
import { gatherInputs, type GatherOptions } from './inputs';
import { KB_SCHEMA_SQL, KB_SCHEMA_VERSION } from './schema';
import { toSearchDocs } from './search-docs';
import { linkProcedures } from '../procedures/link';
import { linkAnnexProcedures } from '../procedures/annex-link';
import { actDates, provisionVersions } from './timeline-apply';
import type { ProvisionVersion } from '../results';

export interface BuildOptions extends GatherOptions {
  kbPath: string;
  inputHash?: string;
}

export interface BuildReport {
  kbPath: string;
  documents: number;
  documentsWithText: number;
  records: number;
  provisions: number;
  warnings: string[];
  tookMs: number;
}

/** "17 Ngày làm việc", or "8–30 Ngày làm việc, tùy thủ tục" when the procedures' times differ (same unit), else null. */
function procedureTime(times: string[], codes: string[]): { time: string; source: string } | null {
  const source = `Cổng Dịch vụ công quốc gia, ${codes.length === 1 ? `thủ tục ${codes[0]}` : `${codes.length} thủ tục`}`;
  if (new Set(times).size === 1) return { time: times[0]!, source };
  const parsed = times.map((t) => /^(\d+)\s+(.+)$/u.exec(t)).filter((m): m is RegExpExecArray => !!m);
  const unit = parsed[0]?.[2];
  if (!unit || parsed.length !== times.length || parsed.some((m) => m[2] !== unit)) return null;
  const n = parsed.map((m) => Number(m[1]));
  return { time: `${Math.min(...n)}–${Math.max(...n)} ${unit}, tùy thủ tục`, source };
}

export async function buildKb(opts: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const inputs = await gatherInputs(opts);
  const { documents, records, provisions, warnings, changes, catalogue } = inputs;

  const docMap = new Map(documents.map((d) => [d.number, d]));
  const provMap = new Map(provisions.map((p) => [citationKey(p.citation), p]));
  const engine = buildSearchIndex(toSearchDocs(records, provMap, docMap));
  // The national procedure database, linked to the powers by the register's own search (procedures/link.ts).
  const withText = new Set(documents.filter((d) => d.textLoaded).map((d) => d.number));
  const report = linkProcedures(engine, inputs.nationalProcedures, withText, new Set(documents.map((d) => d.number)));
  const linkOf = new Map(report.links.map((l) => [l.code, l]));
  const byRecord = new Map<string, string[]>();
  for (const l of report.links) byRecord.set(l.recordId, [...(byRecord.get(l.recordId) ?? []), l.code]);
  // Annex procedures: the power each implements, and its place on the timeline.
  const annexProcs = linkAnnexProcedures(inputs.annexProcedures, records, changes, actDates(catalogue), provisions);
  const procsOf = new Map<string, string[]>();
  for (const p of annexProcs) for (const id of p.implements) procsOf.set(id, [...(procsOf.get(id) ?? []), p.id]);
  for (const r of records) if (procsOf.has(r.id)) r.annexProcedures = procsOf.get(r.id);
  const npByCode = new Map(inputs.nationalProcedures.map((p) => [p.code, p]));
  for (const r of records) {
    const codes = byRecord.get(r.id);
    if (!codes) continue;
    r.nationalProcedures = codes;
    // One time when every linked procedure gives the same; else the range of the common unit, said to vary
    // ("Đăng ký hộ tịch" covers many procedures: the record lists each with its own).
    const timed = codes.map((c) => npByCode.get(c)).filter((p): p is NonNullable<typeof p> => !!p?.timeLimit);
    if (timed.length > 0) r.procedureTimeLimit = procedureTime(timed.map((p) => p.timeLimit!), timed.map((p) => p.code));
  }

  mkdirSync(dirname(opts.kbPath), { recursive: true });
  const tmp = `${opts.kbPath}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  try {
    db.pragma('journal_mode = OFF');
    db.exec(KB_SCHEMA_SQL);
    writeAll(db, documents, records, provisions, (p) => provisionVersions(p, changes, catalogue));
    const insertNp = db.prepare('INSERT OR IGNORE INTO national_procedures (code, record_id, json) VALUES (?, ?, ?)');
    db.transaction(() => {
      for (const p of inputs.nationalProcedures) {
        const l = linkOf.get(p.code);
        insertNp.run(p.code, l?.recordId ?? null, JSON.stringify({ ...p, ...(l ? { agreement: l.agreement, kind: l.kind, reason: l.reason } : {}) }));
      }
    })();
    const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    const insertPr = db.prepare('INSERT OR IGNORE INTO procedure_records (id, document, json) VALUES (?, ?, ?)');
    db.transaction(() => {
      for (const p of annexProcs) insertPr.run(p.id, p.document, JSON.stringify(p));
    })();
    meta.run('procedureLinks', JSON.stringify({ date: report.date, unmatched: report.unmatched.length, secondHand: report.secondHand }));
    meta.run('schemaVersion', String(KB_SCHEMA_VERSION));
    meta.run('builtAt', new Date().toISOString());
    meta.run('inputHash', opts.inputHash ?? '');
    meta.run('searchIndexVersion', String(SEARCH_INDEX_VERSION));
    meta.run('searchIndex', serializeSearchIndex(engine));
    meta.run(PORTAL_WORDS_KEY, serializePortalWords(inputs.nationalProcedures));
    db.exec('VACUUM');
  } finally {
    db.close();
  }
  renameSync(tmp, opts.kbPath);
  return {
    kbPath: opts.kbPath,
    documents: documents.length,
    documentsWithText: documents.filter((d) => d.textLoaded).length,
    records: records.length,
    provisions: provisions.length,
    warnings,
    tookMs: Math.round(performance.now() - started),
  };
}

function writeAll(
  db: Database.Database,
  documents: DocumentInfo[],
  records: AuthorityRecord[],
  provisions: Provision[],
  versionsOf: (p: Provision) => ProvisionVersion[],
): void {
  const insertSector = db.prepare('INSERT INTO sectors (id, label) VALUES (?, ?)');
  const insertField = db.prepare('INSERT OR IGNORE INTO fields (sector, name) VALUES (?, ?)');
  const insertDoc = db.prepare('INSERT INTO documents (number, sector, kind, text_loaded, json) VALUES (?, ?, ?, ?, ?)');
  const insertProv = db.prepare(
    'INSERT OR IGNORE INTO provisions (key, document, article, clause, point, annex, path, heading, lead_in, text, versions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertRec = db.prepare(
    `INSERT INTO records (id, document, article, clause, point, annex, title, holder, level, holder_kind, role,
       former_holder, mechanism, sector, field, source_status, provision_key, json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const [id, label] of Object.entries(SECTOR_LABELS)) insertSector.run(id, label);
    for (const d of documents) insertDoc.run(d.number, d.sector, d.kind, d.textLoaded ? 1 : 0, JSON.stringify(d));
    for (const p of provisions) {
      const c = p.citation;
      insertProv.run(
        citationKey(c), c.document, c.article, c.clause, c.point, c.annex, JSON.stringify(p.path), p.heading,
        JSON.stringify(p.leadIn ?? []), p.text, JSON.stringify(versionsOf(p)),
      );
    }
    for (const r of records) {
      const c = r.citation;
      if (r.field) insertField.run(r.sector satisfies SectorId, r.field);
      insertRec.run(
        r.id, c.document, c.article, c.clause, c.point, c.annex, r.title, r.holder, r.level, r.holderKind, r.role,
        r.formerHolder, r.mechanism, r.sector, r.field, r.sourceStatus, citationKey(c), JSON.stringify(r),
      );
    }
  })();
}
