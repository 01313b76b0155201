/**
 * Links national procedure records to the powers of the register, and cross-checks them.
 * A procedure is linked by what the portal itself says: its legal basis names a decree whose text we
 * have; within that decree, the register's own search finds the power its name describes, on the
 * portal's date (the law as it stood when the portal was collected). The link then says whether the
 * portal's level agrees with the register's holder on that day; a disagreement lists both citations.
 * A procedure citing a decree we have no text for is second-hand coverage of that decree.
 */
import type { AuthorityRecord, Level } from '../model';
import { LEVEL_LABELS, formatCitation } from '../model';
import { inForce, statusOn, viDate } from '../legal/timeline';
import type { SearchEngine } from '../search/engine';
import { runSearch } from '../search/run';
import { bestByName, nameOverlap } from './name-match';
import { foldedWords } from '../text/tokenize';
import { timelineOf } from '../search/on-day';
import type { NationalProcedure } from './portal';

/** The portal's procedure pages were collected around March 2026 (sources README). */
export const PORTAL_DATE = '2026-03-01';

export type Agreement = 'agree' | 'disagree';

/**
 * What a disagreement means: the portal cites a provision no longer in force on its date; the portal's
 * level is not the holder's but the holder may hand the power down (phân cấp, ủy quyền) or the portal's
 * competent body is the holder's (the level filed at only receives); the portal names no level; or the
 * levels simply differ — to check against the text (a register error, or the portal's).
 */
export type DisagreementKind = 'het-hieu-luc' | 'phan-cap-uy-quyen' | 'khong-neu-cap' | 'khac-cap';

export const DISAGREEMENT_LABELS: Record<DisagreementKind, string> = {
  'het-hieu-luc': 'Cổng dẫn quy định đã hết hiệu lực',
  'phan-cap-uy-quyen': 'Khác cấp do phân cấp, ủy quyền hoặc nơi tiếp nhận',
  'khong-neu-cap': 'Cổng không nêu cấp',
  'khac-cap': 'Khác cấp — cần kiểm tra',
};

export interface ProcedureLink {
  code: string;
  recordId: string;
  agreement: Agreement;
  kind?: DisagreementKind;
  /** Why, in Vietnamese (both sides named). */
  reason: string;
  /** The repealed record the portal's basis and name lead to, when the link goes to the power in force that took it over. */
  cited?: string;
}

export interface LinkReport {
  date: string;
  links: ProcedureLink[];
  /** Procedures citing a decree we have no text for: second-hand coverage of it, by decree. */
  secondHand: Record<string, string[]>;
  /** Procedures citing a decree with text that no power of it matched. */
  unmatched: string[];
}

const LEVEL_NAMES: Record<Level, RegExp> = {
  xa: /cấp xã|xã, phường|ubnd xã|ủy ban nhân dân xã/iu,
  tinh: /cấp tỉnh|sở |tỉnh, thành phố|ubnd tỉnh|ủy ban nhân dân tỉnh/iu,
  'trung-uong': /^bộ |bộ trưởng|thủ tướng|chính phủ|cục |thuộc bộ /iu,
};

function portalLevels(p: NationalProcedure): Level[] {
  return p.levels.length ? p.levels : (Object.keys(LEVEL_NAMES) as Level[]).filter((l) => LEVEL_NAMES[l].test(`${p.competentBody ?? ''} ${p.implementingBody ?? ''}`));
}

const onDay = (r: AuthorityRecord) => inForce(statusOn(timelineOf(r), PORTAL_DATE));
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/**
 * The power in force on the portal's date that took over a repealed record's task: its curated successors
 * (data/successors.json) in force, else the powers of the act that repealed it; the one whose title holds
 * the portal's name best, the portal's own body and level weighing in (a step of 151 Phụ lục I Phần III
 * "Văn phòng đăng ký đất đai … có trách nhiệm" → khoản 1 Điều 14 Nghị định 49/2026, the province decides).
 */
export function successorOnDay(engine: SearchEngine, p: NationalProcedure, r: AuthorityRecord): AuthorityRecord | null {
  const t = timelineOf(r);
  if (t.endKind !== 'repealed') return null;
  const all = engine.docs.map((d) => d.record);
  const curated = (r.replacedBy ?? []).map((id) => all.find((x) => x.id === id)).filter((x): x is AuthorityRecord => !!x && onDay(x));
  const act = /(\d+\/\d{4}\/[A-ZĐ-]+)\s*$/u.exec(t.endedBy ?? '')?.[1];
  const pool = curated.length ? curated : all.filter((x) => x.citation.document === act && x.citation.annex === null && x.role !== 'bai-bo' && onDay(x));
  const levels = portalLevels(p);
  const bodies = `${p.competentBody ?? ''} ${p.implementingBody ?? ''}`.toLowerCase();
  // The task is the name's head ("Giao đất …", "Đăng ký, cấp …"): where titles of the pool hold it, only those are
  // the same task, and they need hold less of the rest (a decision to allocate land is not the certificate after it).
  const head = foldedWords(p.name.replace(/^Thủ tục\s+/iu, '')).slice(0, 2);
  const holdsHead = (x: AuthorityRecord) => {
    const title = foldedWords(x.title);
    return head.length === 2 && title.some((w, i) => w === head[0] && title[i + 1] === head[1]);
  };
  const fit = (x: AuthorityRecord) => Math.max(nameOverlap(p.name, x).recall, nameOverlap(p.name, x).precision);
  const withHead = pool.filter((x) => holdsHead(x) && fit(x) >= HEAD_MATCH_MIN);
  const held = withHead.length ? withHead : pool.filter((x) => fit(x) >= PORTAL_MATCH_MIN);
  // The body the portal names is who acts: its powers go first (the land registry's, not the commune chairman's, for a registration).
  const named = held.filter((x) => bodies.includes(x.holder.toLowerCase()));
  let best: { r: AuthorityRecord; rank: number } | null = null;
  for (const x of named.length ? named : held) {
    const o = nameOverlap(p.name, x);
    const rank = o.recall + 0.3 * o.precision + (levels.includes(x.level) ? 0.05 : 0) + (x.role === 'quyet-dinh' ? 0.03 : 0);
    if (!best || rank > best.rank || (rank === best.rank && x.id < best.r.id)) best = { r: x, rank };
  }
  return best?.r ?? null;
}

function agreement(p: NationalProcedure, r: AuthorityRecord, cited?: AuthorityRecord): Omit<ProcedureLink, 'code' | 'recordId'> {
  const cite = formatCitation(r.citation);
  const day = PORTAL_DATE.split('-').reverse().join('/');
  if (cited) {
    // Linked to the power in force; the portal still cites the repealed provision: both said.
    const t = timelineOf(cited);
    return {
      agreement: 'disagree',
      kind: 'het-hieu-luc',
      reason: `Cổng dẫn ${lowerFirst(formatCitation(cited.citation))} (${cited.holder}), đã bãi bỏ từ ${viDate(t.to!)} bởi ${lowerFirst(t.endedBy ?? '')}; ngày ${day} thẩm quyền theo ${lowerFirst(cite)}: ${r.holder}, ${LEVEL_LABELS[r.level].toLowerCase()} (cổng: ${portalLevels(p).map((l) => LEVEL_LABELS[l]).join(', ') || 'không nêu cấp'})`,
    };
  }
  const status = statusOn(timelineOf(r), PORTAL_DATE);
  if (!inForce(status))
    return { agreement: 'disagree', kind: 'het-hieu-luc', reason: `Ngày ${day} quy định ${cite} không còn hiệu lực, cổng vẫn dẫn` };
  const levels = portalLevels(p);
  const portal = levels.map((l) => LEVEL_LABELS[l]).join(', ') || 'không nêu cấp';
  if (levels.length === 0) return { agreement: 'disagree', kind: 'khong-neu-cap', reason: `Cổng không nêu cấp thực hiện; sổ đăng ký: ${r.holder} (${cite})` };
  if (levels.includes(r.level)) return { agreement: 'agree', reason: `Cổng: ${portal}; sổ đăng ký: ${r.holder} (${cite})` };
  const said = `Cổng: ${portal}${p.competentBody ? ` — ${p.competentBody}` : ''}; sổ đăng ký: ${r.holder}, ${LEVEL_LABELS[r.level].toLowerCase()} (${cite})`;
  // The portal's competent body is the holder's level (the level it lists only receives or carries out),
  // or the text lets the holder hand the power down: a difference the law explains.
  const competentIsHolder = !!p.competentBody && LEVEL_NAMES[r.level].test(p.competentBody);
  if (competentIsHolder || r.delegable || r.mechanism === 'uy-quyen')
    return { agreement: 'disagree', kind: 'phan-cap-uy-quyen', reason: `${said}; ${competentIsHolder ? 'cơ quan có thẩm quyền trên cổng là của sổ đăng ký' : 'quy định cho phép phân cấp, ủy quyền'}` };
  // The register's record is a duty of another level within the procedure (the commune reviews, receives a
  // decision), not the power deciding it: the portal's level holds that one, which the decree does not give.
  // Still 'khac-cap' (the kinds are a contract of the app), said in the reason.
  if (r.role !== 'quyet-dinh') return { agreement: 'disagree', kind: 'khac-cap', reason: `${said}; sổ đăng ký chỉ ghi việc của ${r.holder} trong thủ tục, không phải thẩm quyền quyết định` };
  return { agreement: 'disagree', kind: 'khac-cap', reason: said };
}

/** How much less of the name the record of the body the portal names may hold than the search's best. */
const NAMED_BODY_SLACK = 0.15;

/** The power a portal name matches: the search's best, or a sister unit of the same article (the same task split by level) that holds the name as well and sits at the portal's level. */
function chooseRecord(engine: SearchEngine, p: NationalProcedure, ids: string[]): AuthorityRecord | null {
  // A "Không …" record (a task abolished or not done) is no power a procedure carries out.
  const recs = ids
    .map((id) => engine.docs.find((d) => d.record.id === id)?.record)
    .filter((r): r is AuthorityRecord => !!r && r.role !== 'bai-bo');
  const top = recs[0];
  if (!top) return null;
  // A procedure ends in a decision: a deciding power holding the name as well goes before a duty to sign or to report.
  const topRecall = nameOverlap(p.name, top).recall;
  const best = top.role === 'quyet-dinh' ? top : (recs.find((r) => r.role === 'quyet-dinh' && nameOverlap(p.name, r).recall >= topRecall - 0.05) ?? top);
  // The body the portal names as competent holds the power: its record goes first when it holds the name nearly as well
  // (the body carrying it out, "cơ quan thực hiện", may only prepare the file for the one who decides).
  const bodies = (p.competentBody ?? '').toLowerCase();
  if (bodies.trim() && !bodies.includes(best.holder.toLowerCase())) {
    let named: AuthorityRecord | null = null;
    // Among the search's hits, and the sister records of the best one (one point, one holder each: 49/2026 Điều 14 khoản 2 điểm d).
    const sisters = engine.docs
      .map((d) => d.record)
      .filter((r) => r.citation.document === best.citation.document && r.citation.article === best.citation.article && r.citation.clause === best.citation.clause && r.citation.point === best.citation.point && r.citation.annex === best.citation.annex && r.role !== 'bai-bo');
    for (const r of [...sisters, ...recs]) {
      if (!bodies.includes(r.holder.toLowerCase())) continue;
      const recall = nameOverlap(p.name, r).recall;
      if (recall >= topRecall - NAMED_BODY_SLACK && (!named || recall > nameOverlap(p.name, named).recall)) named = r;
    }
    if (named) return named;
  }
  const levels = portalLevels(p);
  if (levels.includes(best.level)) return best;
  const bestRecall = nameOverlap(p.name, best).recall;
  const sister = recs.find(
    (r) =>
      r.citation.document === best.citation.document &&
      r.citation.article === best.citation.article &&
      r.citation.annex === best.citation.annex &&
      levels.includes(r.level) &&
      nameOverlap(p.name, r).recall >= bestRecall - 0.05,
  );
  return sister ?? best;
}

/** A portal name sharing less than this with the power's title is no link: it would only make a false disagreement. */
export const PORTAL_MATCH_MIN = 0.4;
/** For a repealed provision's successor whose title holds the name's head (its task), less of the rest will do. */
const HEAD_MATCH_MIN = 0.3;

/**
 * Link every procedure. `withText` are the decrees (and later acts) whose text is loaded;
 * `known` every act of the catalogue.
 */
export function linkProcedures(engine: SearchEngine, procedures: NationalProcedure[], withText: ReadonlySet<string>, known: ReadonlySet<string>): LinkReport {
  const links: ProcedureLink[] = [];
  const secondHand: Record<string, string[]> = {};
  const unmatched: string[] = [];
  // Powers of each decree on the portal's date, for the name match (a "Không …" record is no power).
  const powersByDoc = new Map<string, AuthorityRecord[]>();
  for (const d of engine.docs) {
    const r = d.record;
    if (r.citation.annex === null && r.role !== 'bai-bo' && r.act !== 'provincial' && onDay(r)) powersByDoc.set(r.citation.document, [...(powersByDoc.get(r.citation.document) ?? []), r]);
  }
  const powersIn = (docs: string[]) => docs.flatMap((d) => powersByDoc.get(d) ?? []);
  const wasCache = engine.useCache;
  engine.useCache = false; // thousands of one-off names must not evict the user's searches
  try {
    for (const p of procedures) {
      const cited = p.basis.filter((b) => known.has(b));
      if (cited.length === 0) continue;
      const loaded = cited.filter((b) => withText.has(b));
      for (const b of cited.filter((x) => !withText.has(x))) (secondHand[b] ??= []).push(p.code);
      if (loaded.length === 0) continue;
      const res = runSearch(engine, { q: p.name, filters: { document: loaded }, date: PORTAL_DATE, limit: 5 }, { onePerPower: false });
      const words = p.name.split(/\s+/u).length;
      // A match on fewer than half the name's words is a guess, not a link; so is a title sharing little of the name.
      let r = res.missingWords.length * 2 > words ? null : chooseRecord(engine, p, res.hits.map((h) => h.id));
      // The search ranks for a citizen's question; a long portal name listing its cases ("Cấp lại giấy phép xây dựng
      // đối với công trình cấp III, cấp IV (… tín ngưỡng, tôn giáo …) và nhà ở riêng lẻ") may bury the power whose
      // title it holds. When the search gives nothing to link, the cited decrees' power holding most of the name
      // (name-match.ts, as for annex procedures) is taken, through the same choice of sister point and body.
      if (!r || Math.max(nameOverlap(p.name, r).recall, nameOverlap(p.name, r).precision) < PORTAL_MATCH_MIN) {
        // Only at the portal's level: a name-only match at another level was, read against the texts, the wrong
        // power (151 Điều 5 khoản 1 điểm i, the commune chairman's, for the land registry's change registrations).
        const byName = bestByName(p.name, null, powersIn(loaded));
        const found = byName ? chooseRecord(engine, p, [byName.id]) : null;
        const levels = portalLevels(p);
        if (found && (levels.length === 0 || levels.includes(found.level))) r = found;
      }
      const overlap = r ? nameOverlap(p.name, r) : null;
      // "… thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp tỉnh": the name says whose power it is; another level's power is not it.
      // "… của cơ quan chuyên môn về xây dựng thuộc Bộ quản lý …" says so too.
      const named = /thuộc thẩm quyền (?:của )?(.+)$/iu.exec(p.name)?.[1] ?? /\bcủa (cơ quan [^,;]*?thuộc (?:Bộ|Ủy ban nhân dân)[^,;]*)/u.exec(p.name)?.[1] ?? '';
      const namedLevels = (Object.keys(LEVEL_NAMES) as Level[]).filter((l) => LEVEL_NAMES[l].test(named.replace(/ nhân cấp/u, ' nhân dân cấp')));
      if (r && namedLevels.length > 0 && !namedLevels.includes(r.level)) {
        unmatched.push(p.code);
        continue;
      }
      // The portal names the competent body; a deciding power of another body at another level, not delegable, is
      // another power, not a disagreement (1.012781: the land registry's registration under the commune chairman's
      // re-determination of residential land, 151 Điều 5 khoản 1 điểm i).
      const competent = (p.competentBody ?? '').toLowerCase();
      if (r && competent && r.role === 'quyet-dinh' && !r.delegable && !competent.includes(r.holder.toLowerCase()) && !LEVEL_NAMES[r.level].test(competent) && !portalLevels(p).includes(r.level)) {
        unmatched.push(p.code);
        continue;
      }
      // A long portal name may hold a short title whole: either way round counts.
      if (!r || !overlap || Math.max(overlap.recall, overlap.precision) < PORTAL_MATCH_MIN) {
        unmatched.push(p.code);
        continue;
      }
      // A repealed provision the portal still cites: the link goes to the power in force that took it over.
      const now = onDay(r) ? null : successorOnDay(engine, p, r);
      if (now) links.push({ code: p.code, recordId: now.id, cited: r.id, ...agreement(p, now, r) });
      else links.push({ code: p.code, recordId: r.id, ...agreement(p, r) });
    }
  } finally {
    engine.useCache = wasCache;
  }
  return { date: PORTAL_DATE, links, secondHand, unmatched };
}
