/**
 * A question set nobody on this team wrote: the procedure names of the national
 * procedure database (../shared/sources/procedures, written by the ministries),
 * read at run time — nothing of it is copied into the repo. The answer key is
 * taken from each procedure's own legal basis (`can_cu_phap_ly`): the decrees
 * of ours WITH A TEXT LOADED that it cites (with the article when the basis
 * names one), and its level (`cap_thuc_hien`).
 *
 * A hit answers a question when it cites one of the expected decrees (and the
 * article, when known), or when it is the record in force that took over such a
 * record (`replaces`): the law moved on, both count. A hit whose record was
 * created or changed by an amending act the basis cites (226/2025 adds points
 * to 151/2025) cites that act too.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchHit } from '../../../electron/api/contract';
import type { AuthorityRecord, Level } from '../../../electron/core/model';
import { fold } from '../../../electron/core/text/normalize';
import { REPO_ROOT, SOURCES_DIR } from './register-docs';

export type PortalForm = 'marks' | 'no-marks';
export const PORTAL_FORMS: PortalForm[] = ['marks', 'no-marks'];
/** The database was collected around March 2026: its names are answered by the law of that day. */
export const PORTAL_DAY = '2026-03-15';

export interface PortalQuestion {
  q: string;
  form: PortalForm;
  /** Procedure code(s) the name came from. */
  codes: string[];
  expect: { documents: string[]; article: number | null; levels: Level[] };
}

interface ProcedureFile {
  ma_thu_tuc?: string;
  ten_thu_tuc?: string;
  can_cu_phap_ly?: string;
  cap_thuc_hien?: string;
}

interface CatalogueEntry {
  number: string;
  file: string | null;
}

/** "151/2025/NĐ-CP" as cited (the portal sometimes cuts the suffix: "118/2025/NĐ-C"). */
const DECREE_CITE = /(\d{1,4})\/(\d{4})\/NĐ-C/gu;
/** "Điều 5 Nghị định 151/2025" / "Điều 5 Nghị định số 151/2025": the article of a cited decree, when named. */
const ARTICLE_CITE = /Điều\s+(\d{1,3})[^.;\d]{0,30}?(?:Nghị định|NĐ)\s*(?:số\s*)?(\d{1,4})\/(\d{4})/giu;

const LEVELS: Array<[RegExp, Level]> = [
  [/Cấp xã/iu, 'xa'],
  [/Cấp tỉnh/iu, 'tinh'],
  [/Cấp bộ/iu, 'trung-uong'],
];

/** Decrees whose text is loaded (catalogue `file`), by "N/YYYY" → full number. */
function loadedDecrees(): Map<string, string> {
  const cat = JSON.parse(readFileSync(join(REPO_ROOT, 'data/documents.json'), 'utf8')) as CatalogueEntry[];
  const out = new Map<string, string>();
  for (const d of cat) {
    const m = /^(\d{1,4})\/(\d{4})\/NĐ-CP$/u.exec(d.number);
    if (m && d.file) out.set(`${Number(m[1])}/${m[2]}`, d.number);
  }
  return out;
}

export const PROCEDURES_DIR = join(SOURCES_DIR, 'procedures');

function* procedureFiles(): Generator<ProcedureFile> {
  if (!existsSync(PROCEDURES_DIR)) return;
  for (const ministry of readdirSync(PROCEDURES_DIR, { withFileTypes: true })) {
    if (!ministry.isDirectory()) continue;
    const dir = join(PROCEDURES_DIR, ministry.name);
    for (const f of readdirSync(dir).sort()) {
      if (f.endsWith('.json')) yield JSON.parse(readFileSync(join(dir, f), 'utf8')) as ProcedureFile;
    }
  }
}

/** The portal's names end with a full stop or stray spaces; nothing else is touched. */
function cleanName(name: string): string {
  return name.replace(/\s+/gu, ' ').replace(/[\s.;:]+$/u, '').trim();
}

/**
 * Both forms of every distinct procedure name citing a loaded decree: as written
 * (marks) and folded (no-marks). An amending act (226/2025) has no records of its
 * own: its changes live in the records of the decree it amends (see recordCites).
 */
export function readPortalQuestions(): PortalQuestion[] {
  const loaded = loadedDecrees();
  const byName = new Map<string, PortalQuestion>();
  for (const p of procedureFiles()) {
    const basis = p.can_cu_phap_ly ?? '';
    const name = cleanName(p.ten_thu_tuc ?? '');
    if (!name || !basis) continue;
    const cited = new Set<string>();
    for (const m of basis.matchAll(DECREE_CITE)) {
      const full = loaded.get(`${Number(m[1])}/${m[2]}`);
      if (full) cited.add(full);
    }
    const docs = [...cited];
    if (docs.length === 0) continue;
    let article: number | null = null;
    for (const m of basis.matchAll(ARTICLE_CITE)) {
      const full = loaded.get(`${Number(m[2])}/${m[3]}`);
      if (full && docs.includes(full)) article = Number(m[1]);
    }
    const levels = LEVELS.filter(([re]) => re.test(p.cap_thuc_hien ?? '')).map(([, l]) => l);
    const key = `${fold(name)}\u0000${docs.sort().join(',')}`;
    const known = byName.get(key);
    if (known) {
      if (p.ma_thu_tuc) known.codes.push(p.ma_thu_tuc);
      for (const l of levels) if (!known.expect.levels.includes(l)) known.expect.levels.push(l);
      continue;
    }
    byName.set(key, { q: name, form: 'marks', codes: p.ma_thu_tuc ? [p.ma_thu_tuc] : [], expect: { documents: docs, article, levels } });
  }
  const marks = [...byName.values()];
  return [...marks, ...marks.map((x) => ({ ...x, q: fold(x.q), form: 'no-marks' as const }))];
}

type HitLike = Pick<SearchHit, 'id' | 'citation'>;

/** Does this record answer the question by its own citation (or an act that changed it)? */
function recordCites(r: AuthorityRecord, q: PortalQuestion): boolean {
  const c = r.citation;
  if (q.expect.documents.includes(c.document)) return q.expect.article == null || c.article === q.expect.article;
  if (q.expect.article != null) return false;
  // Made or changed by a cited amending act ("được bổ sung bởi … Nghị định 226/2025/NĐ-CP").
  const by = [r.timeline?.madeBy ?? '', ...(r.timeline?.events ?? []).map((e) => e.by)].join(' ');
  return q.expect.documents.some((d) => by.includes(d));
}

/** 1-based rank of the first hit that answers the question, or null; `records` resolves hit ids. */
export function portalRank(
  hits: HitLike[],
  q: PortalQuestion,
  records: ReadonlyMap<string, AuthorityRecord>,
  opts: { level?: boolean } = {},
): number | null {
  const i = hits.findIndex((h) => {
    const r = records.get(h.id);
    if (!r) return false;
    const answers = recordCites(r, q) || (r.replaces ?? []).some((id) => {
      const old = records.get(id);
      return old != null && recordCites(old, q);
    });
    return answers && (!opts.level || q.expect.levels.length === 0 || q.expect.levels.includes(r.level));
  });
  return i < 0 ? null : i + 1;
}

export interface PortalScore {
  ran: number;
  top1: number;
  top3: number;
  /** Top-3 where the answering record also holds the procedure's level. */
  top3Level: number;
}

export function portalScore(results: Array<{ q: PortalQuestion; rank: number | null; levelRank: number | null }>): Record<PortalForm, PortalScore> {
  const out = Object.fromEntries(PORTAL_FORMS.map((f) => [f, { ran: 0, top1: 0, top3: 0, top3Level: 0 }])) as Record<PortalForm, PortalScore>;
  for (const { q, rank, levelRank } of results) {
    const s = out[q.form];
    s.ran++;
    if (rank === 1) s.top1++;
    if (rank != null && rank <= 3) s.top3++;
    if (levelRank != null && levelRank <= 3) s.top3Level++;
  }
  return out;
}
