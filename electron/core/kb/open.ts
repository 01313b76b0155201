/**
 * The knowledge base as the app sees it: a read-only SQLite file, loaded into
 * memory once (a few thousand records), with the serialized search index.
 */
import Database from 'better-sqlite3';
import type { AnnexProcedureOnDay, CrosscheckLink, CrosscheckReport, DocumentDetail, LinkedProcedure, OutlineNode, RecordListItem, RecordDetail, SearchArgs, SearchHit, SearchResult, Stats } from '../results';
import { DISAGREEMENT_LABELS } from '../procedures/link';
import { LEVEL_LABELS, formatCitation, type AuthorityRecord, type DocumentInfo, type Provision, type TimelineStatus, TIMELINE_STATUS_LABELS } from '../model';
import { statusOn } from '../legal/timeline';
import { toHit } from '../search/hits';
import { hitStatus, isValidDay, timelineOf, withDay } from '../search/on-day';
import type { LinkedAnnexProcedure } from '../procedures/annex-link';
import { citationKey } from './citation-key';
import {
  buildSearchIndex,
  loadSearchIndex,
  runSearch,
  type SearchEngine,
} from '../search/index';
import { provisionOf, toSearchDocs } from './search-docs';
import { attachPortalRecords, portalRecordsOf } from '../search/portal-source';
import { citationKeyFallbacks } from './citation-key';
import { todayIso, validityStatus } from '../validity';
import { KB_SCHEMA_VERSION } from './schema';
import { KbDetails } from './kb-details';

export interface OpenOptions {
  kbPath: string;
  /** Path to an Electron-ABI better_sqlite3.node (the Node build is used otherwise). */
  nativeBinding?: string;
  log?: (message: string) => void;
  /** false: no warm-up searches while opening; call warmUp() once idle (the server does, after its first second). */
  warmUp?: boolean;
  /**
   * true: what search does not need (kb-details.ts) is read later — on first need, or when the
   * caller says (loadDetails()); the file stays open until then. The server's start; off by default.
   */
  deferDetails?: boolean;
  /** Called as each part of the open is done (the server's start-up timings). */
  phase?: (name: string) => void;
}

interface ProvisionRow {
  key: string;
  document: string;
  article: number | null;
  clause: number | null;
  point: string | null;
  annex: string | null;
  path: string;
  heading: string | null;
  text: string;
}

function emptyStatusCounts(): Record<TimelineStatus, number> {
  return Object.fromEntries(Object.keys(TIMELINE_STATUS_LABELS).map((k) => [k, 0])) as Record<TimelineStatus, number>;
}

function provisionKeyOf(p: Provision): string {
  return citationKey(p.citation);
}

const WARM_UP_QUERIES = ['đăng ký', 'cấp giấy phép', 'ủy ban nhân dân cấp xã', 'chủ tịch cấp tỉnh', 'thẩm quyền quyết định'];

export class KnowledgeBase {
  private readonly records = new Map<string, AuthorityRecord>();
  private readonly documents = new Map<string, DocumentInfo>();
  private readonly provisions = new Map<string, Provision>();
  /** Procedures of the annexes, by id, with the powers they implement and their timeline. */
  private readonly annexProcs = new Map<string, LinkedAnnexProcedure>();
  private procedureLinks: { date: string; unmatched: number; secondHand: Record<string, string[]> } = { date: '', unmatched: 0, secondHand: {} };
  /** Wording of each provision over time and lead-ins (keyed like provisions), the national procedure database. */
  private readonly details: KbDetails;
  private readonly engine: SearchEngine;
  /** When this KB was built: the data version a report or a printout names. */
  readonly builtAt: string;

  private constructor(db: Database.Database, log: (m: string) => void, warm = true, phase: (name: string) => void = () => {}) {
    this.details = new KbDetails(db);
    const meta = new Map(
      (db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>).map((r) => [r.key, r.value]),
    );
    if (Number(meta.get('schemaVersion')) !== KB_SCHEMA_VERSION) {
      throw new Error('Tệp cơ sở dữ liệu tri thức được tạo bởi phiên bản khác; cần dựng lại (npm run build:kb).');
    }
    this.builtAt = meta.get('builtAt') ?? '';
    for (const row of db.prepare('SELECT json FROM documents ORDER BY number').all() as Array<{ json: string }>) {
      const doc = JSON.parse(row.json) as DocumentInfo;
      // Status depends on the day the app is used, not the day the KB was built.
      doc.validity = { ...doc.validity, status: validityStatus(doc.validity, todayIso()) };
      this.documents.set(doc.number, doc);
    }
    phase('meta, documents');
    // Only what search and the outline need; wording over time and lead-ins wait for their first reader.
    for (const row of db.prepare('SELECT key, document, article, clause, point, annex, path, heading, text FROM provisions').all() as ProvisionRow[]) {
      this.provisions.set(row.key, {
        citation: { document: row.document, article: row.article, clause: row.clause, point: row.point, annex: row.annex },
        path: JSON.parse(row.path) as string[],
        heading: row.heading,
        text: row.text,
      });
    }
    phase('provisions');
    for (const row of db.prepare('SELECT json FROM procedure_records ORDER BY id').all() as Array<{ json: string }>) {
      const p = JSON.parse(row.json) as LinkedAnnexProcedure;
      this.annexProcs.set(p.id, p);
    }
    // Search names the linked national procedures under a power; the rest of each waits (kb-details.ts).
    const nationalNames = new Map(
      (db.prepare("SELECT code, json_extract(json, '$.name') AS name FROM national_procedures").all() as Array<{ code: string; name: string }>).map((r) => [r.code, r]),
    );
    if (meta.get('procedureLinks')) this.procedureLinks = JSON.parse(meta.get('procedureLinks')!) as typeof this.procedureLinks;
    for (const row of db.prepare('SELECT json FROM records ORDER BY id').all() as Array<{ json: string }>) {
      const rec = JSON.parse(row.json) as AuthorityRecord;
      this.records.set(rec.id, rec);
    }
    phase('records');
    const docs = toSearchDocs(this.records.values(), this.provisions, this.documents, nationalNames);
    const serialized = meta.get('searchIndex');
    let engine: SearchEngine | null = null;
    if (serialized) {
      try {
        engine = loadSearchIndex(serialized, docs);
      } catch (err) {
        log(`Chỉ mục tìm kiếm đã lưu không dùng được (${(err as Error).message}); dựng lại trong bộ nhớ.`);
      }
    }
    this.engine = engine ?? buildSearchIndex(docs);
    // The portal's procedures that no power carries out: labelled rows of their own (search/portal.ts).
    attachPortalRecords(this.engine, portalRecordsOf(db));
    phase('index');
    if (warm) this.warmUp();
  }

  /**
   * Word postings are compiled on first use; the first keystrokes of the day should not pay for it.
   * A few searches on the commonest syllables fill those caches; their results are not kept.
   */
  warmUp(): void {
    for (const q of WARM_UP_QUERIES) runSearch(this.engine, { q, limit: 5 });
    this.engine.resultCache.clear();
  }

  /** Reads what search does not need, if not yet read, and closes the file (see OpenOptions.deferDetails). */
  loadDetails(): void {
    this.details.load();
  }

  /** Closes the file without reading the rest: for a KB that is refused after its open. */
  closeFile(): void {
    this.details.drop();
  }

  static open(opts: OpenOptions): KnowledgeBase {
    const db = new Database(opts.kbPath, {
      readonly: true,
      fileMustExist: true,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
    let kb: KnowledgeBase;
    try {
      kb = new KnowledgeBase(db, opts.log ?? (() => {}), opts.warmUp !== false, opts.phase);
    } catch (err) {
      db.close();
      throw err;
    }
    // Otherwise everything is in memory now and the file is not held open (an update renames
    // another file over it, which Windows refuses while it is open).
    if (!opts.deferDetails) kb.loadDetails();
    return kb;
  }

  /** The provision a record cites (point → clause → article), with its lead-ins. */
  provisionFor(record: AuthorityRecord): Provision | null {
    const p = provisionOf(record, this.provisions);
    return p && { ...p, leadIn: this.details.leadInOf(provisionKeyOf(p)) };
  }

  search(args: SearchArgs): SearchResult {
    return runSearch(this.engine, args);
  }

  getRecord(id: string, date?: string, province?: string | null): RecordDetail | null {
    const record = this.records.get(id);
    if (!record) return null;
    const document = this.documents.get(record.citation.document);
    if (!document) return null;
    const day = isValidDay(date) ? date : todayIso();
    const prov = typeof province === 'string' && province.trim() ? province.trim() : null;
    const hitsOf = (ids: string[] | undefined) =>
      (ids ?? []).map((x) => this.records.get(x)).filter((x): x is AuthorityRecord => !!x).map((x) => this.hitOf(x, day, prov));
    const provision = this.provisionFor(record);
    const self = this.hitOf(record, day, prov);
    const related = [...this.records.values()]
      .filter(
        (r) =>
          r.id !== id &&
          r.citation.document === record.citation.document &&
          r.citation.article === record.citation.article &&
          r.citation.annex === record.citation.annex,
      )
      .slice(0, 20)
      .map((r) => this.hitOf(r, day, prov));
    const delegations = [...this.records.values()].filter((r) => (r.restsOn ?? []).includes(id)).map((r) => this.hitOf(r, day, prov));
    return {
      record,
      citationText: formatCitation(record.citation),
      document,
      provision,
      related,
      status: self.status,
      date: day,
      timeline: record.timeline?.events ?? [],
      versions: provision ? (this.details.versionsOf(provisionKeyOf(provision)) ?? [{ from: self.status.from, to: self.status.to, text: provision.text, madeBy: self.status.madeBy, endedBy: self.status.endedBy }]) : [],
      successors: hitsOf(record.replacedBy),
      predecessors: hitsOf(record.replaces),
      delegations,
      delegation: self.delegation,
      annexProcedures: (record.annexProcedures ?? [])
        .map((x) => this.annexProcs.get(x))
        .filter((p): p is LinkedAnnexProcedure => !!p)
        .map((p) => this.procedureOnDay(p, day)),
      nationalProcedures: (record.nationalProcedures ?? [])
        .map((c) => this.details.national().get(c))
        .filter((p): p is LinkedProcedure => !!p && 'agreement' in p),
    };
  }

  /**
   * A decree to read: every provision in text order with its wording on the day and the
   * records that cite it (a point's record falls back to its clause, then its article).
   */
  getDocument(number: string, date?: string, province?: string | null): DocumentDetail | null {
    const document = this.documents.get(number);
    if (!document) return null;
    const day = isValidDay(date) ? date : todayIso();
    const prov = typeof province === 'string' && province.trim() ? province.trim() : null;
    const byKey = new Map<string, SearchHit[]>();
    for (const r of this.records.values()) {
      if (r.citation.document !== number) continue;
      const key = citationKeyFallbacks(r.citation).find((k) => this.provisions.has(k));
      if (!key) continue;
      const list = byKey.get(key) ?? [];
      list.push(this.hitOf(r, day, prov));
      byKey.set(key, list);
    }
    const nodes: OutlineNode[] = [];
    for (const [key, p] of this.provisions) {
      if (p.citation.document !== number) continue;
      const c = p.citation;
      const versions = this.details.versionsOf(key) ?? [];
      const current = versions.find((v) => v.from <= day && (v.to === null || day < v.to));
      const last = versions[versions.length - 1];
      let text = p.text;
      let statusNote: string | null = null;
      if (current) text = current.text || p.text;
      else if (versions.length && day < versions[0]!.from) statusNote = `Chưa có hiệu lực (từ ${versions[0]!.from.split('-').reverse().join('/')}).`;
      else if (last && last.to !== null) {
        text = last.text || p.text;
        const on = last.to.split('-').reverse().join('/');
        statusNote = last.endedBy ? `Đã bãi bỏ từ ${on} bởi ${last.endedBy}.` : `Hết hiệu lực từ ${on}.`;
      }
      nodes.push({
        kind: c.annex ? 'phu-luc' : c.point ? 'diem' : c.clause != null ? 'khoan' : 'dieu',
        citation: c,
        citationText: formatCitation(c),
        path: p.path,
        heading: p.heading,
        text,
        statusNote,
        records: byKey.get(key) ?? [],
      });
    }
    // A clause's text carries its points, which follow as nodes of their own: keep its lead-in only.
    nodes.forEach((n, i) => {
      const next = nodes[i + 1];
      if (n.kind === 'diem' || n.citation.clause == null || n.citation.point != null || !next?.citation.point) return;
      if (next.citation.clause !== n.citation.clause || next.citation.article !== n.citation.article || next.citation.annex !== n.citation.annex) return;
      const at = n.text.indexOf(next.text.slice(0, 40));
      if (at > 0) n.text = n.text.slice(0, at).trimEnd();
    });
    return { document, date: day, nodes };
  }

  /** Every record with its field and its status on the day, in id order (the sector → field → records tree). */
  listRecords(date?: string, province?: string | null): RecordListItem[] {
    const day = isValidDay(date) ? date : todayIso();
    const prov = typeof province === 'string' && province.trim() ? province.trim() : null;
    return [...this.records.values()].map((r) => ({ ...this.hitOf(r, day, prov), field: r.field ?? null, nationalProcedures: r.nationalProcedures ?? [] }));
  }

  private procedureOnDay(p: LinkedAnnexProcedure, day: string): AnnexProcedureOnDay {
    const { timeline, ...rest } = p;
    return { ...rest, citationText: formatCitation(p.citation), status: hitStatus({ timeline } as AuthorityRecord, day) };
  }

  /** The procedures of the annexes, on a day (all decrees, or one). */
  annexProceduresOn(day: string = todayIso(), document?: string): AnnexProcedureOnDay[] {
    return [...this.annexProcs.values()].filter((p) => !document || p.document === document).map((p) => this.procedureOnDay(p, day));
  }

  /** Every link between the national procedure database and the register, on the portal's date. */
  crosscheck(): CrosscheckReport {
    const national = this.details.national();
    const linked = [...national.values()].filter((p): p is LinkedProcedure => 'agreement' in p);
    const holderOf = new Map<string, AuthorityRecord>();
    for (const r of this.records.values()) for (const c of r.nationalProcedures ?? []) holderOf.set(c, r);
    const links: CrosscheckLink[] = linked.map((p) => {
      const r = holderOf.get(p.code)!;
      return {
        code: p.code,
        name: p.name,
        url: p.url,
        agreement: p.agreement,
        kind: p.kind ?? null,
        portalLevels: p.levels.map((l) => LEVEL_LABELS[l]),
        portalBody: p.competentBody,
        // The acts of the catalogue it cites (the laws and old decrees of its basis are the portal's own business).
        portalBasis: p.basis.filter((b) => this.documents.has(b)),
        recordId: r.id,
        document: r.citation.document,
        citationText: formatCitation(r.citation),
        holder: r.holder,
        reason: p.reason,
      };
    });
    const disagreements = links
      .filter((l) => l.agreement === 'disagree')
      .map(({ code, name, url, recordId, citationText, holder, reason, kind }) => ({ code, name, url, recordId, citationText, holder, reason, kind }));
    const byKind = Object.fromEntries(Object.keys(DISAGREEMENT_LABELS).map((k) => [k, disagreements.filter((d) => d.kind === k).length])) as CrosscheckReport['byKind'];
    return {
      date: this.procedureLinks.date,
      loaded: national.size,
      linked: linked.length,
      agree: linked.length - disagreements.length,
      disagree: disagreements.length,
      unmatched: this.procedureLinks.unmatched,
      secondHand: Object.fromEntries(Object.entries(this.procedureLinks.secondHand).map(([k, v]) => [k, v.length])),
      disagreements,
      byKind,
      kindLabels: DISAGREEMENT_LABELS,
      links,
    };
  }

  /** A hit without search context (related records, bookmarks): the search's own hit shape, nothing highlighted, status on the day. */
  hitOf(r: AuthorityRecord, day: string = todayIso(), province: string | null = null): SearchHit {
    const hit = toHit({ record: r, provisionText: null, documentTitle: '' }, 0, { whole: new Set(), prefixes: [] });
    return withDay(this.engine, hit, r, day, province);
  }

  listProvinces(): string[] {
    return [...new Set([...this.records.values()].map((r) => r.province).filter((p): p is string => !!p))].sort((a, b) => a.localeCompare(b, 'vi'));
  }

  recordById(id: string): AuthorityRecord | null {
    return this.records.get(id) ?? null;
  }

  allRecords(): AuthorityRecord[] {
    return [...this.records.values()];
  }

  listDocuments(): DocumentInfo[] {
    return [...this.documents.values()];
  }

  stats(date?: string): Stats {
    const day = isValidDay(date) ? date : todayIso();
    const bySector: Record<string, number> = {};
    const byLevel: Record<string, number> = {};
    const byStatus = emptyStatusCounts();
    for (const r of this.records.values()) {
      bySector[r.sector] = (bySector[r.sector] ?? 0) + 1;
      byLevel[r.level] = (byLevel[r.level] ?? 0) + 1;
      byStatus[statusOn(timelineOf(r), day)]++;
    }
    const provisionsByStatus = emptyStatusCounts();
    for (const [key, versions] of this.details.allVersions()) {
      if (!this.provisions.has(key)) continue;
      const first = versions[0]!;
      const last = versions[versions.length - 1]!;
      const code: TimelineStatus =
        day < first.from ? 'chua-hieu-luc' : last.to !== null && day >= last.to ? (last.endedBy ? 'bai-bo' : 'het-thoi-han') : versions.length > 1 && versions[1]!.from <= day ? 'da-sua-doi' : 'hieu-luc';
      provisionsByStatus[code]++;
    }
    const docs = [...this.documents.values()];
    const acts = docs
      .filter((d) => d.actKind && d.actKind !== 'batch')
      .map((d) => ({ number: d.number, kind: d.actKind!, effective: d.validity.from || null, province: d.province ?? null, changes: d.changes ?? 0, records: d.records }));
    return {
      documents: docs.length,
      documentsWithText: docs.filter((d) => d.textLoaded).length,
      records: this.records.size,
      bySector,
      byLevel,
      byStatus,
      provisionsByStatus,
      date: day,
      acts,
      // Procedure records: every procedure of the decrees' annexes.
      procedures: this.annexProcs.size,
      nationalProcedures: this.details.national().size,
      nationalProceduresLinked: [...this.details.national().values()].filter((p) => 'agreement' in p).length,
      builtAt: this.builtAt,
    };
  }
}

export function openKnowledgeBase(opts: OpenOptions): KnowledgeBase {
  return KnowledgeBase.open(opts);
}
