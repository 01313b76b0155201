/**
 * Answers for a day (and optionally a province). After ranking, the list is arranged so that what
 * applies on that day comes first:
 * - a province's records show only when that province is chosen; there, a delegation in force is
 *   placed above the national record it rests on;
 * - a record that no longer applies (repealed, term ended) or not yet in force never leads: the
 *   record that took its task over is pulled in above it, and it follows, labelled, for files begun
 *   before (transitional rules);
 * - every hit says its status on the day, with the act that made it so.
 */
import type { HitDelegation, HitStatus, SearchHit } from '../results';
import type { AuthorityRecord, RecordTimeline } from '../model';
import { actName, formatCitation } from '../model';
import { inForce, statusLabel, statusOn, viDate } from '../legal/timeline';
import type { SearchEngine } from './engine';
import type { SearchDoc } from './fields';

/** Most of the batch (and 49/2026 Chương IV) applies "đến trước ngày 01 tháng 3 năm 2027". */
const REFORM_START = '2025-07-01';

interface DayIndex {
  byId: Map<string, number>;
  /** National record id → provincial records resting on it. */
  delegations: Map<string, number[]>;
}

const indexes = new WeakMap<SearchEngine, DayIndex>();

function dayIndex(engine: SearchEngine): DayIndex {
  let ix = indexes.get(engine);
  if (!ix) {
    ix = { byId: new Map(), delegations: new Map() };
    engine.docs.forEach((d, i) => ix!.byId.set(d.record.id, i));
    engine.docs.forEach((d, i) => {
      for (const n of d.record.restsOn ?? []) ix!.delegations.set(n, [...(ix!.delegations.get(n) ?? []), i]);
    });
    indexes.set(engine, ix);
  }
  return ix;
}

/**
 * A record's status on a day, per engine and record position: every search of the day asks the same
 * records again (a day's answers are the same until the day changes). A few days are kept.
 */
interface DayStatus {
  applies: Int8Array; // -1 not computed yet, else 0 / 1
  status: Array<HitStatus | undefined>;
}
const dayStatuses = new WeakMap<SearchEngine, Map<string, DayStatus>>();
const MAX_DAYS = 4;

function statusesOn(engine: SearchEngine, day: string): DayStatus {
  let byDay = dayStatuses.get(engine);
  if (!byDay) dayStatuses.set(engine, (byDay = new Map()));
  let d = byDay.get(day);
  if (!d) {
    if (byDay.size >= MAX_DAYS) byDay.clear();
    d = { applies: new Int8Array(engine.docs.length).fill(-1), status: new Array(engine.docs.length) };
    byDay.set(day, d);
  }
  return d;
}

/** Does the record at position i apply on the day (in force, amended or not)? */
function appliesOn(engine: SearchEngine, d: DayStatus, i: number, day: string): boolean {
  let a = d.applies[i] as number;
  if (a < 0) {
    a = inForce(statusOn(timelineOf((engine.docs[i] as SearchDoc).record), day)) ? 1 : 0;
    d.applies[i] = a;
  }
  return a === 1;
}

/** May the record at a position answer on the day, in the province chosen (in force; national or that province's)? */
export function answersOn(engine: SearchEngine, day: string, province: string | null): (i: number) => boolean {
  const d = statusesOn(engine, day);
  return (i) => {
    const p = (engine.docs[i] as SearchDoc).record.province;
    return (!p || p === province) && appliesOn(engine, d, i, day);
  };
}

/** Status of the record at a position on the day (cached per day). */
export function statusAt(engine: SearchEngine, i: number, day: string): HitStatus {
  const d = statusesOn(engine, day);
  let status = d.status[i];
  if (!status) d.status[i] = status = hitStatus((engine.docs[i] as SearchDoc).record, day);
  return status;
}

export function timelineOf(r: AuthorityRecord): RecordTimeline {
  return r.timeline ?? { from: REFORM_START, to: null, endKind: null, madeBy: null, endedBy: null, events: [] };
}

export function hitStatus(r: AuthorityRecord, day: string): HitStatus {
  const t = timelineOf(r);
  const code = statusOn(t, day);
  let note: string | null = null;
  if (code === 'bai-bo' || code === 'het-thoi-han')
    note = `Hồ sơ đã nộp trước ngày ${viDate(t.to!)} có thể vẫn giải quyết theo quy định này (xem quy định chuyển tiếp).`;
  else if (t.to && inForce(code)) note = `Áp dụng đến trước ngày ${viDate(t.to)}${t.endKind === 'expired' && !t.termNote ? ', trừ khi được gia hạn' : ''}.`;
  return { code, label: statusLabel(t, day), from: t.from, to: t.to, madeBy: t.madeBy, endedBy: t.endedBy, note };
}

export function isValidDay(d: unknown): d is string {
  if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/u.test(d)) return false;
  const t = Date.parse(`${d}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === d;
}

function delegationOf(engine: SearchEngine, r: AuthorityRecord, day: string, province: string | null): HitDelegation | null {
  if (!r.delegable && !(r.restsOn && r.restsOn.length > 0)) return null;
  const ix = dayIndex(engine);
  if (r.restsOn && r.restsOn.length > 0) {
    const base = r.restsOn.map((id) => engine.docs[ix.byId.get(id) ?? -1]?.record).filter((x): x is AuthorityRecord => !!x);
    return {
      note: `Tại ${r.province ?? 'tỉnh'}: ${r.holder} thực hiện theo phân cấp của Ủy ban nhân dân cấp tỉnh${base[0] ? `, căn cứ ${lower(formatCitation(base[0].citation))}` : ''}.`,
      province: r.province ?? null,
      holder: r.holder,
      // The national power it rests on (the record itself is the hit).
      citationText: base[0] ? formatCitation(base[0].citation) : null,
      recordId: base[0]?.id ?? null,
    };
  }
  const local = (ix.delegations.get(r.id) ?? [])
    .map((i) => engine.docs[i]!.record)
    .filter((d) => province !== null && d.province === province && inForce(statusOn(timelineOf(d), day)));
  const here = local[0];
  if (here)
    return {
      note: `Tại ${province}: đã phân cấp cho ${here.holder} (${formatCitation(here.citation)}).`,
      province,
      holder: here.holder,
      citationText: formatCitation(here.citation),
      recordId: here.id,
    };
  // "Ai cấp Giấy chứng nhận tùy ai đã quyết định" (49/2026 Điều 14 khoản 2): the delegable power is the decision's.
  const basis = r.delegableBy
    ? `Người thực hiện tùy cơ quan, người đã quyết định theo ${lower(formatCitation(r.delegableBy))}, mà Ủy ban nhân dân cấp tỉnh có thể phân cấp, ủy quyền`
    : `Theo Điều ${r.citation.article ?? ''} ${actName(r.citation.document)} ${r.citation.document}, Ủy ban nhân dân cấp tỉnh có thể phân cấp, ủy quyền nhiệm vụ này cho cơ quan, người khác`;
  return {
    note: province
      ? `${basis}. Chưa nạp quyết định nào của ${province} phân cấp, ủy quyền nhiệm vụ này vào ngày đã chọn: hãy kiểm tra văn bản của tỉnh.`
      : `${basis}: ở từng tỉnh, người thực hiện có thể khác (chọn tỉnh để xem, nếu đã nạp quyết định của tỉnh).`,
    province,
    holder: null,
    citationText: null,
    recordId: null,
  };
}

function lower(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

export interface Arranged {
  ids: number[];
  scores: number[];
  dropped: number;
  /** A record lifted because it took over (or, in a province, delegates) the one that matched: record → that one. */
  liftedFrom: Map<number, number>;
}

/**
 * Arrange ranked records for a day: what applies first, what it replaced right below it. An ended record
 * lifts what took it over to its own rank only when it answers the question (`answers`: it holds every
 * informative word); an ended near miss lifts nothing above a record in force that answers ("Khai tiền
 * thuê đất": 151 Điều 10's land allocation, ended, put 49/2026 Điều 14 above 125's land-rent declaration).
 */
export function arrangeOnDay(
  engine: SearchEngine,
  ids: number[],
  scores: number[],
  day: string,
  province: string | null,
  answers: (i: number) => boolean = () => true,
  /** Records the filters allow: a predecessor outside them is not lifted in. */
  allowed: (i: number) => boolean = () => true,
): Arranged {
  const ix = dayIndex(engine);
  const rec = (i: number) => (engine.docs[i] as SearchDoc).record;
  const score = new Map<number, number>();
  let dropped = 0;
  ids.forEach((id, k) => {
    const r = rec(id);
    if (r.province && r.province !== province) {
      dropped++;
      return;
    }
    score.set(id, Math.max(score.get(id) ?? 0, scores[k] ?? 0));
  });
  const statuses = statusesOn(engine, day);
  const applies = (i: number) => appliesOn(engine, statuses, i, day);
  // Pull in what took over an ended record, and a province's delegation of a national one.
  // Two passes: successors first, so a delegation is placed by its national record's final score.
  const liftedFrom = new Map<number, number>();
  const own = new Map(score);
  for (const [id, s] of [...score.entries()]) {
    if (applies(id) || !answers(id)) continue;
    // Not yet in force: what it will take over still applies (a transition the text keeps to a day), and comes first.
    const notYet = day < timelineOf(rec(id)).from;
    // A successor in another act is shown whatever the filters (the law moved); a predecessor only within them.
    const earlier = notYet ? (rec(id).replaces ?? []).filter((pid) => allowed(ix.byId.get(pid) ?? -1)) : [];
    for (const sid of [...(rec(id).replacedBy ?? []), ...earlier]) {
      const j = ix.byId.get(sid);
      // Among several successors of one record, the one that matches the question better by itself comes first.
      const lifted = s * 1.001 + (own.get(j ?? -1) ?? 0) * 1e-6;
      if (j !== undefined && applies(j) && (score.get(j) ?? 0) < lifted) {
        score.set(j, lifted);
        liftedFrom.set(j, id);
      }
    }
  }
  // Of a national power's delegations, only those that match the question as well as the best one rise above it.
  if (province) {
    const own = new Map(score);
    for (const [id, s] of [...score.entries()]) {
      if (!applies(id)) continue;
      const here = (ix.delegations.get(rec(id).id) ?? []).filter((j) => rec(j).province === province && applies(j) && own.has(j));
      const best = Math.max(0, ...here.map((j) => own.get(j)!));
      for (const j of here)
        if (own.get(j)! >= best * 0.95 && (score.get(j) ?? 0) < s) {
          score.set(j, s * 1.002);
          liftedFrom.set(j, id);
        }
    }
  }
  const sorted = [...score.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const current = sorted.filter(([i]) => applies(i));
  const other = sorted.filter(([i]) => !applies(i));
  const placed = new Set<number>();
  const out: Array<[number, number]> = [];
  for (const [i, s] of current) {
    out.push([i, s]);
    placed.add(i);
    // The record it took over follows it, labelled (a file begun earlier may still follow it).
    for (const pid of rec(i).replaces ?? []) {
      const j = ix.byId.get(pid);
      if (j !== undefined && !placed.has(j) && score.has(j) && !applies(j)) {
        out.push([j, score.get(j)!]);
        placed.add(j);
      }
    }
  }
  for (const [i, s] of other) if (!placed.has(i)) out.push([i, s]);
  return { ids: out.map(([i]) => i), scores: out.map(([, s]) => s), dropped, liftedFrom };
}

/** The day-dependent fields of a hit. */
export function withDay(engine: SearchEngine, hit: SearchHit, r: AuthorityRecord, day: string, province: string | null): SearchHit {
  const ix = dayIndex(engine);
  const statuses = statusesOn(engine, day);
  const at = ix.byId.get(r.id);
  const status = at === undefined ? hitStatus(r, day) : statusAt(engine, at, day);
  const supersededBy = (r.replacedBy ?? []).filter((id) => {
    const j = ix.byId.get(id);
    return j !== undefined && appliesOn(engine, statuses, j, day);
  });
  return {
    ...hit,
    status,
    act: r.act ?? 'batch',
    province: r.province ?? null,
    supersedes: null,
    supersededBy,
    delegation: delegationOf(engine, r, day, province),
  };
}

/** Mark each hit in force that is directly followed by the ended record it took over. */
export function markSupersedes(hits: SearchHit[], engine: SearchEngine): void {
  const ix = dayIndex(engine);
  for (let k = 0; k + 1 < hits.length; k++) {
    const h = hits[k]!;
    const next = hits[k + 1]!;
    const r = engine.docs[ix.byId.get(h.id) ?? -1]?.record;
    if (r && inForce(h.status.code) && !inForce(next.status.code) && (r.replaces ?? []).includes(next.id)) h.supersedes = next.id;
  }
}

/** The end of term most records of the batch share (01/3/2027), from the data. */
const endOfTerm = new WeakMap<SearchEngine, string | null>();

export function commonEndOfTerm(engine: SearchEngine): string | null {
  if (endOfTerm.has(engine)) return endOfTerm.get(engine)!;
  const counts = new Map<string, number>();
  for (const d of engine.docs) {
    const t = d.record.timeline;
    if (t?.endKind === 'expired' && t.to) counts.set(t.to, (counts.get(t.to) ?? 0) + 1);
  }
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  endOfTerm.set(engine, common);
  return common;
}

/** A plain warning above the list when the day is outside the reform's term. */
export function dayNotice(day: string, endOfTerm: string | null): string | null {
  if (day < REFORM_START) return `Ngày ${viDate(day)} trước khi chính quyền địa phương 02 cấp vận hành (01/7/2025): các nghị định phân định, phân cấp chưa có hiệu lực.`;
  if (endOfTerm && day >= endOfTerm)
    return `Từ ${viDate(endOfTerm)}, thời hạn áp dụng của phần lớn các nghị định phân định, phân quyền, phân cấp (và Chương IV Nghị định 49/2026/NĐ-CP) đã kết thúc, trừ khi được gia hạn. Các kết quả dưới đây là quy định đã hết thời hạn: hãy kiểm tra văn bản mới ban hành.`;
  return null;
}
