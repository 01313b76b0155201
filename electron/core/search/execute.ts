/**
 * One reading of a question against the index: each word a weighted posting list (postings.ts),
 * intersected rarest first (soft AND over the informative words), the OR fallback when no record holds
 * them together, then the bonuses (adjacent syllables, exact marks, level words, the article named) and
 * the best records kept (top.ts). How scoring works: README.md in this folder.
 */
import type { Citation } from '../model';
import type { SearchEngine } from './engine';
import { exactCompletions, exactPosting } from './exact-postings';
import { citationScope, compareCitation } from './citation-scope';
import { weighByDecree } from './decree-affinity';
import { FIELD_BOOST, pairsOf, type SearchDoc } from './fields';
import { intersectMasks } from './filters';
import type { Highlighter } from './hits';
import { hasPhrases, judgeFor, wordsTogether } from './judge';
import type { Confidence } from './page';
import { holds, type Posting } from './postings';
import type { ParsedQuery, QueryTerm } from './query';
import { topK } from './top';
import { PREFIX_MIN_LENGTH, wordPosting } from './word-postings';

const PAIR_BOOST = 2.2;
/** Records cited by the article the user named ("khai sinh điều 4") rank higher. */
const ARTICLE_BOOST = 1.5;
/** Fewer records than this holding every word of a question of at least FEW_ALIVE_WORDS words: read the OR too. */
const FEW_ALIVE = 3;
const FEW_ALIVE_WORDS = 2;
/** More words than this in a query are noise; the per-record counters are bytes. */
const MAX_TERMS = 24;
/** Records cited by an annex (procedures) weigh a little less than the articles that assign the power. */
const ANNEX_WEIGHT = 0.85;
/** Records of the level the question names ("xã", "Sở"): a tie-breaker between sister decrees, not a filter. */
const LEVEL_BOOST = 1.25;

/**
 * A word typed WITH marks is that word: "dược" is not "được". Its posting keeps only records holding the
 * exact form (a word with no such record is unknown, and said so). While typed, a word stays folded.
 */
const markedCache = new WeakMap<SearchEngine, Map<string, Posting>>();
const MAX_MARKED = 4000;

function markedPosting(engine: SearchEngine, t: QueryTerm, h: Highlighter): Posting {
  const p = wordPosting(engine, t, h);
  if (!t.exact || p.ids.length === 0) return p;
  let cache = markedCache.get(engine);
  if (!cache) markedCache.set(engine, (cache = new Map()));
  const key = `${t.partial ? 'p' : 'w'}\u0000${t.fold}\u0000${t.exact}`;
  const known = cache.get(key);
  if (known) return known;
  const out = restrictToExact(engine, t, p);
  if (cache.size >= MAX_MARKED) cache.clear();
  cache.set(key, out);
  return out;
}

function restrictToExact(engine: SearchEngine, t: QueryTerm, p: Posting): Posting {
  // The word being typed: any exact form it begins ("dượ" → "dược"); a complete word: that form only.
  const exactForm = t.exact as string;
  const forms = t.partial ? exactCompletions(engine.marks, exactForm) : [exactForm];
  const keep = new Set<number>();
  for (const f of forms) for (const id of exactPosting(engine.marks, f).ids) keep.add(id);
  if (keep.size >= p.ids.length) return p;
  const ids: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < p.ids.length; i++) {
    if (keep.has(p.ids[i] as number)) {
      ids.push(p.ids[i] as number);
      weights.push(p.weights[i] as number);
    }
  }
  return { ids: Int32Array.from(ids), weights: Float32Array.from(weights) };
}

export interface Ranked {
  ids: number[];
  scores: number[];
  total: number;
  /** Words of the query found nowhere in the index (skipped). */
  unknown: number;
  /** Words a record (the first shown) does not contain: found nowhere, or dropped by the OR fallback. */
  missing: (id: number | undefined) => string[];
  highlighter: Highlighter;
  /** The filters' and the citation's records (null: all): a record lifted for the day must be among them too. */
  mask: Uint8Array | null;
  jump: Citation | null;
  /** How sure the engine is that a record answers the question (any record, also one pulled in for the day). */
  judge: (id: number) => Confidence;
  /** Informative words of the question (folded) the record does not hold. */
  lacking: (id: number) => string[];
  /** Filters alone, no words: a listing in citation order, every record its own row. */
  browse?: boolean;
}


export function execute(engine: SearchEngine, plan: ParsedQuery, filters: Uint8Array | null, want: number): Ranked | null {
  const h: Highlighter = { whole: new Set(plan.terms.map((t) => t.fold)), prefixes: [] };
  for (const t of plan.terms) if (t.partial && t.fold.length >= PREFIX_MIN_LENGTH) h.prefixes.push(t.fold);
  const scope = citationScope(engine, plan);
  // A decree the knowledge base does not hold ("… theo Nghị định 69/2018"): alone, nothing to show; beside
  // words, those are searched, and records whose text cites that number ("69/2018") score for it.
  if (scope.unknownDocument && plan.terms.length === 0) return null;
  const cited = scope.unknownDocument ? plan.ref.words.filter((w) => /\d\/\d/u.test(w)) : [];
  const mask = intersectMasks(filters, scope.mask);

  // A word of one letter still being typed does not narrow anything yet.
  const terms = plan.terms
    .filter((t) => !(t.partial && t.fold.length < PREFIX_MIN_LENGTH && plan.terms.length > 1))
    .slice(0, MAX_TERMS);
  if (terms.length === 0) {
    // Filters alone (a sector, a decree): browse every record they select, in citation order.
    if (!mask) return null;
    const ids: number[] = [];
    mask.forEach((v, i) => v && ids.push(i));
    ids.sort(
      (a, b) =>
        compareCitation(engine.docs[a] as SearchDoc, engine.docs[b] as SearchDoc) ||
        (engine.idRank[a] as number) - (engine.idRank[b] as number),
    );
    return {
      ids: ids.slice(0, want),
      scores: ids.slice(0, want).map(() => 1),
      total: ids.length,
      unknown: 0,
      missing: () => [],
      highlighter: h,
      mask,
      jump: scope.jump,
      judge: judgeFor(engine, [], scope.jump ? 'Đúng văn bản, điều khoản đã nêu.' : 'Theo bộ lọc đã chọn.'),
      lacking: () => [],
      browse: true,
    };
  }

  const found = terms.filter((t) => !t.optional).map((t) => ({ term: t, posting: markedPosting(engine, t, h) }));
  const known = found.filter((f) => f.posting.ids.length > 0); // unknown words cannot help: soft AND
  const optional = [...terms.filter((t) => t.optional).map((t) => t.fold), ...cited].map((w) => engine.postings.posting(w, FIELD_BOOST, 's'));
  known.sort((a, b) => a.posting.ids.length - b.posting.ids.length);
  // Informative: typed words (not filler, function words or our own expansions), found or not.
  const informative = found.filter((f) => !f.term.filler && !f.term.soft && !f.term.expanded);
  // Soft AND: a record must carry the informative words; filler only adds score. (Words that most records
  // hold, "cấp", "ủy ban", stay required: letting them go lost answers on the procedure names.)
  let required = known.filter((f) => !f.term.filler && !f.term.soft);
  if (required.length === 0) required = known.filter((f) => !f.term.filler);
  if (required.length === 0) required = known;
  const soft = known.filter((f) => !required.includes(f));
  const { acc, count } = engine;
  const touched: number[] = [];
  const n = required.length;
  let alive: number[] = [];
  try {
    // AND, rarest word first: later words only touch records still alive.
    required.forEach(({ posting }, k) => {
      const { ids, weights } = posting;
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i] as number;
        if (k === 0) {
          if (mask && mask[id] !== 1) continue;
          count[id] = 1;
          acc[id] = weights[i] as number;
          touched.push(id);
        } else if (count[id] === k) {
          count[id] = k + 1;
          acc[id] = (acc[id] as number) + (weights[i] as number);
        }
      }
    });
    for (const id of touched) if (count[id] === n) alive.push(id);
    let usedOr = false;
    // Soft AND: when no record holds every word, or only one or two that hold them only apart (a long annex
    // item holds most words somewhere: a stray answer), the records holding most of them are read too; those
    // holding all keep the lead.
    let holdAll: number[] = [];
    const apart = (ids: number[]) => ids.every((id) => !wordsTogether(engine.docs[id] as SearchDoc, informative.map((f) => f.term), plan.terms));
    if ((alive.length === 0 && n > 1) || (alive.length < FEW_ALIVE && n >= FEW_ALIVE_WORDS && apart(alive))) {
      holdAll = alive;
      alive = orFallback(engine, required.map((f) => f.posting), mask, touched);
      usedOr = true;
    }
    if (alive.length === 0) return null;

    if (plan.phrases.length) alive = alive.filter((id) => hasPhrases(engine.docs[id] as SearchDoc, plan.phrases, plan.openPhrase));
    if (alive.length === 0) return null;

    // Bonuses only for records already found: marks typed, syllables adjacent. (A flat byte per record,
    // not a Set: the OR fallback can leave every record alive.)
    const isAlive = engine.alive;
    for (const id of alive) isAlive[id] = 1;
    // Function words score like any word once a record is found; filler adds nothing (it only keeps a
    // question made of filler alone searchable).
    for (const f of soft) if (!f.term.filler) addBonus(f.posting, isAlive, acc, 1);
    // Filler makes no syllable pair: "quản lý nhà nước" together says nothing about the task.
    const knownWords = new Set([
      ...known.filter((f) => !f.term.filler).map((f) => f.term.fold),
      ...terms.filter((t) => t.optional).map((t) => t.fold),
    ]);
    const pairs = pairsOf(plan.sequence.filter((w) => knownWords.has(w)));
    // Adjacent syllables: each query pair a record holds lifts it a tier ("trật tự xây dựng" together
    // before "xây dựng … trật tự"), and adds to the score within the tier.
    const tiers = { used: false };
    for (const p of pairs) addBonus(exactPosting(engine.pairs, p), isAlive, acc, PAIR_BOOST, engine.tier, tiers);
    for (const p of optional) addBonus(p, isAlive, acc, 1);
    // Words typed with marks: records carrying those exact marks come first ("má" before "ma").
    const marked = known.filter((t) => t.term.exact);
    for (const t of marked) {
      const p = exactPosting(engine.marks, t.term.exact as string);
      for (let i = 0; i < p.ids.length; i++) {
        const id = p.ids[i] as number;
        if (isAlive[id] === 1) engine.tier[id] = (engine.tier[id] as number) + 1;
      }
      tiers.used = true;
    }
    // The body of a decree assigns the authority; an annex describes the procedure: body first on a tie.
    const { isAnnex, docs } = engine;
    for (const id of alive) if (isAnnex[id] === 1) acc[id] = (acc[id] as number) * ANNEX_WEIGHT;
    // Abolished tasks weigh less; the decree the question's words sit in decides between sister decrees.
    weighByDecree(engine, required.map((f) => f.posting), alive, acc);
    // Level words ("xã", "Sở", "Bộ trưởng") decide between sister decrees: records of that level first on a near tie.
    if (plan.levels.length) {
      for (const id of alive) if (plan.levels.includes((docs[id] as SearchDoc).record.level)) acc[id] = (acc[id] as number) * LEVEL_BOOST;
    }
    if (scope.boostArticle) {
      for (const id of alive) {
        const c = (docs[id] as SearchDoc).record.citation;
        if (c.article === plan.ref.article && (plan.ref.clause == null || c.clause === plan.ref.clause)) acc[id] = (acc[id] as number) * ARTICLE_BOOST;
      }
    }
    // The few records holding every word stay first, above any record holding only some (by score: the day's
    // arrangement orders by score).
    if (holdAll.length) {
      let top = 0;
      for (const id of alive) top = Math.max(top, acc[id] as number);
      for (const id of holdAll) acc[id] = (acc[id] as number) + top;
    }
    const ids = topK(alive, acc, engine.idRank, want, tiers.used ? engine.tier : undefined);
    // Say plainly which typed words the best answer lacks: an answer for a neighbouring task is a wrong authority.
    const shown = (t: { exact: string | null; fold: string }) => t.exact ?? t.fold;
    // Of the record shown first (the day's arrangement may put another above the best ranked).
    // Only words the user typed: the expansion of an abbreviation ("sổ đỏ" → "quyền sử dụng đất") is ours, not theirs.
    // In the order typed (the ranking sorted the words rarest first).
    const typedOrder = (a: { term: QueryTerm }, b: { term: QueryTerm }) => terms.indexOf(a.term) - terms.indexOf(b.term);
    const missing = (first: number | undefined = ids[0]) =>
      [
        ...found.filter((f) => f.posting.ids.length === 0 && !f.term.expanded),
        ...(usedOr && first !== undefined ? required.filter((f) => !f.term.expanded && !holds(f.posting.ids, first)) : []),
      ]
        .sort(typedOrder)
        .map((f) => shown(f.term));
    return {
      ids,
      scores: ids.map((id) => acc[id] as number),
      total: alive.length,
      unknown: found.length - known.length,
      missing,
      highlighter: h,
      mask,
      jump: scope.jump,
      judge: judgeFor(
        engine,
        informative,
        scope.jump ? 'Đúng văn bản, điều khoản đã nêu.' : 'Theo bộ lọc đã chọn.',
        plan.terms,
        required.filter((f) => f.term.expanded),
      ),
      lacking: (id) => informative.filter((f) => !holds(f.posting.ids, id)).map((f) => f.term.fold),
    };
  } finally {
    for (const id of touched) {
      count[id] = 0;
      acc[id] = 0;
      engine.tier[id] = 0;
      engine.alive[id] = 0;
    }
  }
}

function addBonus(
  p: Posting,
  alive: Uint8Array,
  acc: Float64Array,
  boost: number,
  tier?: Uint8Array,
  tiers?: { used: boolean },
): void {
  const { ids, weights } = p;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (alive[id] !== 1) continue;
    acc[id] = (acc[id] as number) + boost * (weights[i] as number);
    if (tier && tiers) {
      tier[id] = Math.min(255, (tier[id] as number) + 1);
      tiers.used = true;
    }
  }
}

/** OR: a record scores by what it matches, times the square of the share of words it matches. */
function orFallback(
  engine: SearchEngine,
  postings: Posting[],
  mask: Uint8Array | null,
  touched: number[],
): number[] {
  const { acc, count } = engine;
  for (const id of touched) {
    count[id] = 0;
    acc[id] = 0;
  }
  touched.length = 0;
  for (const p of postings) {
    const { ids, weights } = p;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number;
      if (mask && mask[id] !== 1) continue;
      if (count[id] === 0) touched.push(id);
      count[id] = (count[id] as number) + 1;
      acc[id] = (acc[id] as number) + (weights[i] as number);
    }
  }
  const n = postings.length;
  for (const id of touched) {
    const share = (count[id] as number) / n;
    acc[id] = (acc[id] as number) * share * share;
  }
  return touched.slice();
}

