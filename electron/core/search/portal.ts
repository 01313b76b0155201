/**
 * National procedure records linked to no power (the portal's "Thủ tục trên Cổng DVC quốc gia" that the
 * register does not carry out) are searchable as rows of their own, clearly labelled: second-hand, never
 * said 'high', never above a power that holds the question's words as well. Their names are matched in a
 * small index of their own, built on first use; the main index never holds them (the procedure-name
 * quality test asks those very names: it is run without them, so it cannot find its own key).
 *
 * A row comes only when the procedure's name holds every informative word of the question (with marks
 * when typed with marks): a near miss from a list of 2,400 names would only add noise.
 */
import type { Level } from '../model';
import type { PortalInfo, SearchHit } from '../results';
import { exact } from '../text/normalize';
import { foldedWords } from '../text/tokenize';
import type { SearchEngine } from './engine';
import { highlightRanges, type Highlighter } from './hits';
import type { ParsedQuery, QueryTerm } from './query';
import { inForce, statusOn } from '../legal/timeline';
import { timelineOf } from './on-day';

/** A national procedure record as the KB holds it (data/national-procedures.json). */
export interface PortalRecord {
  code: string;
  name: string;
  levels?: Level[] | null;
  field?: string | null;
  competentBody?: string | null;
  implementingBody?: string | null;
  basis?: string[] | null;
  timeLimit?: string | null;
  url?: string | null;
  /** The name's words, as the KB build stored them (nameWords); computed on first use when absent. */
  words?: NameWords;
}

export interface NameWords {
  fold: string[];
  exact: string[];
}

/** The words of a procedure's name the portal index matches: folded, and as written (marks kept). */
export function nameWords(name: string): NameWords {
  return { fold: [...new Set(foldedWords(name))], exact: [...new Set(exact(name).split(/[^\p{L}\p{M}\p{N}]+/u).filter(Boolean))] };
}

export const PORTAL_LABEL = 'Thủ tục trên Cổng DVC quốc gia — chưa đối chiếu với điều khoản';
/** At most this many portal rows in an answer: they support the answer, they are not it. */
export const MAX_PORTAL_ROWS = 3;
const ID_PREFIX = 'dvc:';

interface PortalIndex {
  records: PortalRecord[];
  folded: Array<Set<string>>;
  exact: Array<Set<string>>;
  /** Folded word → positions of the records whose name holds it. */
  postings: Map<string, number[]>;
}

const sources = new WeakMap<SearchEngine, () => PortalRecord[]>();
const indexes = new WeakMap<SearchEngine, PortalIndex>();

/**
 * Gives the engine the national procedure records (called by the KB at open; read on the first question).
 * Records linked to a power of the register (`nationalProcedures`) are left out: they show under it.
 */
export function attachPortalRecords(engine: SearchEngine, source: () => PortalRecord[]): void {
  sources.set(engine, source);
  indexes.delete(engine);
}

function indexOf(engine: SearchEngine): PortalIndex | null {
  const known = indexes.get(engine);
  if (known) return known;
  const source = sources.get(engine);
  if (!source) return null;
  const linked = new Set<string>();
  for (const d of engine.docs) {
    for (const c of d.record.nationalProcedures ?? []) linked.add(c);
    for (const p of d.national ?? []) linked.add(p.code);
  }
  const records = source().filter((p) => p.name && !linked.has(p.code));
  const ix: PortalIndex = { records, folded: [], exact: [], postings: new Map() };
  records.forEach((p, i) => {
    // Tokenizing 2,400 names took ~100 ms of the first question: the KB build stores their words.
    const named = p.words ?? nameWords(p.name);
    const words = new Set(named.fold);
    ix.folded.push(words);
    ix.exact.push(new Set(named.exact));
    for (const w of words) {
      const list = ix.postings.get(w);
      if (list) list.push(i);
      else ix.postings.set(w, [i]);
    }
  });
  indexes.set(engine, ix);
  return ix;
}

/** Decrees of the catalogue (data/documents.json) whose text is not loaded: the engine holds no verified record of it. */
function withoutText(engine: SearchEngine, number: string): boolean {
  if (!/NĐ-CP$/u.test(number)) return false;
  return !(engine.byDocument.get(number) ?? []).some((i) => engine.docs[i]?.record.sourceStatus === 'verified');
}

/**
 * The portal is a snapshot taken after the reform: its record is offered for a day only while the decrees
 * it cites (those whose text we have) have a provision in force that day, never after they ended or before
 * they began. A basis we have no text for cannot be dated here and does not hide the row.
 */
function basisAppliesOn(engine: SearchEngine, p: PortalRecord, day: string): boolean {
  let dated = false;
  for (const number of p.basis ?? []) {
    const docs = engine.byDocument.get(number) ?? [];
    if (docs.length === 0) continue;
    dated = true;
    if (docs.some((i) => inForce(statusOn(timelineOf(engine.docs[i]!.record), day)))) return true;
  }
  return !dated;
}

function holds(ix: PortalIndex, i: number, t: QueryTerm): boolean {
  const words = ix.folded[i] as Set<string>;
  if (t.partial) {
    for (const w of words) if (w.startsWith(t.fold)) return true;
    return false;
  }
  if (!words.has(t.fold)) return false;
  return t.exact == null || (ix.exact[i] as Set<string>).has(t.exact);
}

/**
 * The portal rows of a question, best first: names holding every informative word, scored by the words'
 * rarity among the names, shorter names first on a tie (the general procedure before its special cases).
 */
export function portalHits(engine: SearchEngine, plan: ParsedQuery, h: Highlighter | null, day: string): SearchHit[] {
  const ix = indexOf(engine);
  if (!ix) return [];
  const words = plan.terms.filter((t) => !t.filler && !t.soft && !t.optional && !t.expanded);
  // One word alone names too much; a citation asked for is a provision, not a procedure.
  if (words.length < 2 || plan.ref.article != null || plan.ref.docNumber != null) return [];
  const complete = words.filter((t) => !t.partial);
  if (complete.length === 0) return [];
  const lists = complete.map((t) => ix.postings.get(t.fold) ?? []);
  if (lists.some((l) => l.length === 0)) return [];
  lists.sort((a, b) => a.length - b.length);
  const n = ix.records.length;
  const scored: Array<{ i: number; score: number }> = [];
  for (const i of lists[0] as number[]) {
    if (!words.every((t) => holds(ix, i, t))) continue;
    if (!basisAppliesOn(engine, ix.records[i] as PortalRecord, day)) continue;
    const score = complete.reduce((s, t) => s + Math.log(1 + n / (ix.postings.get(t.fold)?.length ?? n)), 0);
    scored.push({ i, score });
  }
  scored.sort((a, b) => b.score - a.score || (ix.records[a.i]?.name.length ?? 0) - (ix.records[b.i]?.name.length ?? 0) || a.i - b.i);
  const highlighter = h ?? { whole: new Set(plan.terms.map((t) => t.fold)), prefixes: [] };
  return scored.slice(0, MAX_PORTAL_ROWS).map(({ i, score }) => toPortalHit(engine, ix.records[i] as PortalRecord, score, highlighter));
}

function toPortalHit(engine: SearchEngine, p: PortalRecord, score: number, h: Highlighter): SearchHit {
  const basis = (p.basis ?? []).filter(Boolean);
  const missing = basis.filter((b) => withoutText(engine, b));
  const basisNote = missing.length
    ? `${missing.length > 1 ? 'Các nghị định căn cứ' : 'Nghị định căn cứ'} ${missing.join(', ')} chưa có văn bản trong dữ liệu (nạp bằng màn hình Nạp văn bản hoặc "kb import"): chưa kiểm tra được thẩm quyền theo điều khoản.`
    : null;
  const levels = (p.levels ?? []).filter(Boolean) as Level[];
  const holder = p.competentBody || p.implementingBody || 'Cổng DVC không nêu cơ quan có thẩm quyền';
  const portal: PortalInfo = {
    code: p.code,
    levels,
    field: p.field ?? null,
    competentBody: p.competentBody ?? null,
    implementingBody: p.implementingBody ?? null,
    basis,
    basisWithoutText: missing,
    basisNote,
    url: p.url ?? null,
  };
  return {
    id: `${ID_PREFIX}${p.code}`,
    kind: 'portal',
    portal,
    title: p.name,
    holder,
    level: levels[0] ?? 'tinh',
    holderKind: 'khac',
    role: 'quyet-dinh',
    mechanism: 'phan-dinh',
    sector: 'other',
    formerHolder: null,
    citation: { document: basis[0] ?? '', article: null, clause: null, point: null, annex: null },
    citationText: basis.length ? `Căn cứ pháp lý theo Cổng DVC: ${basis.join('; ')}` : 'Cổng DVC không nêu căn cứ pháp lý',
    sourceStatus: 'second-hand',
    caution: null,
    score,
    titleRanges: highlightRanges(p.name, h),
    excerpt: null,
    excerptRanges: [],
    status: { code: 'hieu-luc', label: PORTAL_LABEL, from: '', to: null, madeBy: null, endedBy: null, note: null },
    act: 'batch',
    province: null,
    supersedes: null,
    supersededBy: [],
    delegation: null,
    timeLimit: p.timeLimit ?? null,
    timeLimitSource: p.timeLimit ? `Cổng Dịch vụ công quốc gia, thủ tục ${p.code}` : null,
    // Second-hand by nature: at most medium, and said why.
    confidence: 'medium',
    confidenceReason: `Tên thủ tục trên Cổng DVC quốc gia có đủ các từ của câu hỏi; thủ tục này chưa được đối chiếu với điều khoản nào của các văn bản đã nạp — kiểm tra căn cứ pháp lý trước khi dùng.${basisNote ? ` ${basisNote}` : ''}`,
  };
}

/** Is this hit a portal row? */
export function isPortalHit(h: Pick<SearchHit, 'id'>): boolean {
  return h.id.startsWith(ID_PREFIX);
}

/**
 * Places the portal rows in a page of power rows: after every power that holds the question's words
 * (high or medium), before the near misses. Only on the first page (they are a few, and support the answer).
 */
export function withPortalRows(hits: SearchHit[], portal: SearchHit[], limit: number): SearchHit[] {
  // They support an answer of the law in force; on a day whose best answer has ended (or not begun) they are not offered.
  if (portal.length === 0 || (hits[0] && !inForce(hits[0].status.code))) return hits;
  let at = 0;
  hits.forEach((h, k) => {
    if (h.confidence !== 'low') at = k + 1;
  });
  return [...hits.slice(0, at), ...portal, ...hits.slice(at)].slice(0, limit);
}
