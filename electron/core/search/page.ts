/**
 * The page of answers: the ranked records arranged for the day (on-day.ts), each procedure folded
 * into its power (group.ts), then only the rows of the page asked turned into hits (highlights,
 * excerpt, status, confidence): work per query is bounded by the page, not by what matched.
 */
import type { SearchHit } from '../results';
import { formatCitation } from '../model';
import type { SearchEngine } from './engine';
import type { SearchDoc } from './fields';
import { foldProcedures, namedBy, proceduresOf } from './group';
import { foldRoles, rolesOf } from './roles';
import { toHit, type Highlighter } from './hits';
import { answersOn, arrangeOnDay, markSupersedes, statusAt, withDay } from './on-day';
import type { ParsedQuery } from './query';

export interface Confidence {
  confidence: 'high' | 'medium' | 'low';
  confidenceReason: string;
}

export interface Ranking {
  ids: number[];
  scores: number[];
  highlighter: Highlighter;
  /** Records the filters allow (null: all). */
  mask?: Uint8Array | null;
  judge: (id: number) => Confidence;
  /** Informative words of the question the record does not hold. */
  lacking: (id: number) => string[];
}

export interface PageArgs {
  day: string;
  province: string | null;
  offset: number;
  limit: number;
  onePerPower: boolean;
}

const SURE: Record<Confidence['confidence'], number> = { high: 2, medium: 1, low: 0 };

export function pageOfHits(
  engine: SearchEngine,
  ranked: Ranking,
  plan: ParsedQuery,
  { day, province, offset, limit, onePerPower }: PageArgs,
): { hits: SearchHit[]; rows: number; removed: number; dropped: number } {
  // A reader's answer: an ended near miss lifts nothing. The build's linking (not one per power) reads every
  // successor at its predecessor's rank: it checks the name against each itself (procedures/link.ts; with the
  // rule there, 10 of 209 portal records citing ended 151 provisions lost their power in force).
  const mask = ranked.mask ?? null;
  const onDay = arrangeOnDay(
    engine,
    ranked.ids,
    ranked.scores,
    day,
    province,
    onePerPower ? (i) => ranked.lacking(i).length === 0 : undefined,
    mask ? (i) => mask[i] === 1 : undefined,
  );
  const answers = answersOn(engine, day, province);
  const grouped = onePerPower
    ? foldProcedures(engine, onDay.ids, onDay.scores, answers)
    : { ids: onDay.ids, scores: onDay.scores, folded: new Map<number, number[]>(), pulledBy: new Map<number, number>() };
  // The holders of one provision by role are one answer too (roles.ts).
  const byRole = onePerPower ? foldRoles(engine, grouped.ids, grouped.scores, answers) : { ids: grouped.ids, scores: grouped.scores, members: new Map<number, number[]>() };
  const named = namedBy(plan);
  const statusLabel = (j: number) => (answers(j) ? null : statusAt(engine, j, day).label);
  const hits: SearchHit[] = [];
  const membersOfHit: number[][] = [];
  const end = Math.min(byRole.ids.length, offset + limit);
  for (let i = offset; i < end; i++) {
    const id = byRole.ids[i] as number;
    const doc = engine.docs[id] as SearchDoc;
    const hit = withDay(engine, toHit(doc, byRole.scores[i] as number, ranked.highlighter), doc.record, day, province);
    const members = byRole.members.get(id) ?? [];
    // The procedures folded into the row's power and into the other holders' (a procedure found is found for the row).
    const foldedIn = [id, ...members].flatMap((m) => grouped.folded.get(m) ?? []);
    Object.assign(hit, judgeRow(engine, ranked, onDay.liftedFrom, grouped.pulledBy.has(id) ? null : id, foldedIn));
    // The procedures of the row's power and of the other holders of its provision, each once.
    let { procedures, more } = proceduresOf(engine, id, foldedIn, named, statusLabel);
    for (const m of members) {
      const extra = proceduresOf(engine, m, foldedIn, named, statusLabel);
      const seen = new Set(procedures.map((p) => `${p.kind}\u0000${p.id}`));
      procedures = [...procedures, ...extra.procedures.filter((p) => !seen.has(`${p.kind}\u0000${p.id}`))];
      more += extra.more;
    }
    if (onePerPower && procedures.length > 0) {
      hit.procedures = procedures;
      if (more > 0) hit.proceduresMore = more;
    }
    if (members.length > 0) hit.roles = rolesOf(engine, id, members);
    hits.push(hit);
    membersOfHit.push(members);
  }
  markSupersedes(hits, engine);
  // A version that a holder folded into the row took over follows the row: it is superseded by it too.
  hits.forEach((h, k) => {
    const next = hits[k + 1];
    if (h.supersedes || !next) return;
    const ids = new Set((membersOfHit[k] ?? []).map((m) => (engine.docs[m] as SearchDoc).record.id));
    if (next.supersededBy.some((id) => ids.has(id))) h.supersedes = next.id;
  });
  return { hits, rows: byRole.ids.length, removed: onDay.ids.length - byRole.ids.length, dropped: onDay.dropped };
}

/**
 * How sure the row is: the surest of the power itself (when it matched) and the procedures folded into it.
 * A record lifted for another one (its successor, a province's delegation, a power for its procedure) is as
 * sure as that one, and says through which.
 */
function judgeRow(
  engine: SearchEngine,
  ranked: Ranking,
  liftedFrom: Map<number, number>,
  own: number | null,
  foldedIn: number[],
): Confidence {
  let best: { c: Confidence; via: string | null } | null = null;
  const consider = (i: number, via: (from: number) => string) => {
    const from = liftedFrom.get(i);
    const c = ranked.judge(from ?? i);
    const by = from !== undefined ? (engine.docs[from] as SearchDoc).record : null;
    // Lifted by the record that will take it over (not yet in force), or by the one it took over or delegates.
    const later = by !== null && (by.replaces ?? []).includes((engine.docs[i] as SearchDoc).record.id);
    const because = by
      ? `Khớp qua ${formatCitation(by.citation)}, ${later ? 'quy định sẽ thay thế điều này' : 'quy định mà điều này thay thế hoặc phân cấp'}.`
      : null;
    if (!best || SURE[c.confidence] > SURE[best.c.confidence]) best = { c, via: i === own ? because : via(i) };
  };
  if (own !== null) consider(own, () => '');
  for (const p of foldedIn) {
    consider(p, (i) => {
      const r = (engine.docs[i] as SearchDoc).record;
      return `Khớp qua thủ tục «${r.title}» (${formatCitation(r.citation)}), thủ tục thực hiện quyền này.`;
    });
  }
  const b = best as { c: Confidence; via: string | null } | null;
  if (!b) return { confidence: 'low', confidenceReason: '' };
  return b.via ? { confidence: b.c.confidence, confidenceReason: `${b.c.confidenceReason} ${b.via}` } : b.c;
}
