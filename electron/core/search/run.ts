/**
 * The search path: plan the query; look each word up as a weighted posting list
 * (compiled from the MiniSearch index, see postings.ts); intersect them rarest
 * first (AND), or when a known word excludes everything, rank by how many words
 * a record matches (OR fallback); add the bonuses for adjacent syllables and for
 * exact marks; keep only the window of hits asked for.
 */
import { MAX_RESULTS, type SearchArgs, type SearchHit, type SearchResult } from '../results';
import { todayIso } from '../validity';
import { commonEndOfTerm, dayNotice, isValidDay } from './on-day';
import { pageOfHits, type Confidence } from './page';
import type { Citation } from '../model';
import { decodeTelex } from '../text/telex';
import { foldedWords } from '../text/tokenize';
import type { SearchEngine } from './engine';
import { exactCompletions, exactPosting, holdsExact } from './exact-postings';
import { citationScope, compareCitation } from './citation-scope';
import { outOfCoverage } from './coverage';
import { portalHits, withPortalRows } from './portal';
import { weighByDecree } from './decree-affinity';
import { FIELD_BOOST, pairsOf, type SearchDoc } from './fields';
import { filterMask, intersectMasks } from './filters';
import type { Highlighter } from './hits';
import { holds, type Posting } from './postings';
import { ABBREVIATIONS } from './lexicon';
import { parseQuery, type ParsedQuery, type QueryTerm } from './query';
import { topK } from './top';
import { PREFIX_MIN_LENGTH, wordPosting } from './word-postings';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = MAX_RESULTS;
const PAIR_BOOST = 2.2;
/** Records cited by the article the user named ("khai sinh điều 4") rank higher. */
const ARTICLE_BOOST = 1.5;
/** Fewer records than this holding every word of a question of at least FEW_ALIVE_WORDS words: read the OR too. */
const FEW_ALIVE = 3;
const FEW_ALIVE_WORDS = 2;
/** More words than this in a query are noise; the per-record counters are bytes. */
const MAX_TERMS = 24;
const MAX_CACHED_RESULTS = 64;
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

interface Ranked {
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

/** Folded words of a record's name (title, everyday names) and headings: where a task is named. */
const namedWords = new WeakMap<SearchDoc, string[]>();
function namedWordsOf(doc: SearchDoc): string[] {
  let w = namedWords.get(doc);
  if (!w) {
    const r = doc.record;
    w = foldedWords([r.title, ...(r.aliases ?? []), ...(doc.headings ?? [])].join(' \n '), { splitGlued: true });
    namedWords.set(doc, w);
  }
  return w;
}

/** What a near miss says: the words it lacks, as typed. */
function lackingReason(lacking: string[]): string {
  return `Gần đúng — không có từ: ${lacking.join(', ')}. Kiểm tra lại trước khi dùng.`;
}

/**
 * Calibrated confidence, from what the record holds of the question:
 * - low: an informative word (not filler, not a function word) is missing — a neighbouring task, to check;
 * - medium: every informative word is there, but some stand apart from their neighbours in the question,
 *   or, typed without marks (a folded word may be another word), some only in the clause's running text;
 * - high: every informative word is there, typed with marks or all in the name / heading.
 */
function judgeFor(
  engine: SearchEngine,
  informative: Array<{ term: QueryTerm; posting: Posting }>,
  noWords: string,
  typed: QueryTerm[] = [],
  expansion: Array<{ term: QueryTerm; posting: Posting }> = [],
): (id: number) => Confidence {
  if (informative.length === 0) return () => ({ confidence: 'high', confidenceReason: noWords });
  const typedMarks = informative.some((f) => f.term.exact != null);
  return (id) => {
    // An abbreviation's expansion is required like a typed word ("hđnd": a record without "hội đồng" lacks it).
    const lacking = [...informative, ...expansion].filter((f) => !holds(f.posting.ids, id)).map((f) => f.term.exact ?? f.term.fold);
    if (lacking.length > 0) {
      return { confidence: 'low', confidenceReason: lackingReason(lacking) };
    }
    const named = namedWordsOf(engine.docs[id] as SearchDoc);
    const inName = informative.every((f) => (f.term.partial ? named.some((w) => w.startsWith(f.term.fold)) : named.includes(f.term.fold)));
    // Words found apart may name something else ("cấp phép xuất bản" in "sản xuất … bán lẻ", "lễ hội" in
    // "bán lẻ … thu hồi", "xuất … bản sao"): each must stand next to one of its neighbours in the question.
    if (!wordsTogether(engine.docs[id] as SearchDoc, informative.map((f) => f.term), typed)) {
      return { confidence: 'medium', confidenceReason: 'Có đủ các từ nhưng không đứng liền nhau như trong câu hỏi — kiểm tra lại.' };
    }
    if (inName) {
      return { confidence: 'high', confidenceReason: 'Có đủ các từ quan trọng trong tên nhiệm vụ hoặc tiêu đề điều.' };
    }
    // Only in the running text: a short question must stand there as one run of words. Scattered over a
    // clause, its words may belong to an act the clause cites ("… thủ tục cấp giấy phép, … cho người lái xe").
    if (typedMarks && !wordsInOneRun(engine.docs[id] as SearchDoc, informative.map((f) => f.term), typed)) {
      return { confidence: 'medium', confidenceReason: 'Có đủ các từ nhưng không liền một cụm như câu hỏi, chỉ thấy trong nội dung điều khoản — kiểm tra lại.' };
    }
    if (typedMarks) return { confidence: 'high', confidenceReason: 'Có đủ các từ quan trọng, đúng dấu.' };
    return {
      confidence: 'medium',
      confidenceReason: 'Có đủ các từ nhưng gõ không dấu và chỉ thấy trong nội dung điều khoản — kiểm tra lại.',
    };
  };
}

/** Folded word strings of records, for phrase checks: built once per record, on first need. */
const wordStrings = new WeakMap<SearchDoc, string[]>();

function wordStringsOf(doc: SearchDoc): string[] {
  let texts = wordStrings.get(doc);
  if (!texts) {
    const r = doc.record;
    texts = [r.title, ...(r.aliases ?? []), r.holder, doc.provisionText ?? ''].map(
      (t) => ` ${foldedWords(t, { splitGlued: true }).join(' ')} `,
    );
    wordStrings.set(doc, texts);
  }
  return texts;
}

/**
 * Whether each informative word of the question stands next to one of its neighbours in the question
 * (folded, in the record's name, everyday names, holder or clause). A one-word question, or a word being
 * typed, asks nothing of this.
 */
function wordsTogether(doc: SearchDoc, informative: QueryTerm[], typed: QueryTerm[]): boolean {
  // Neighbours as typed, function words and abbreviations included ("làm sổ đỏ lần đầu"); an expansion has its own order.
  const seq = typed.filter((t) => !t.expanded);
  const check = informative.filter((t) => !t.partial && !t.expanded && !t.optional);
  if (check.length < 2) return true;
  const texts = wordStringsOf(doc);
  const together = (a: QueryTerm, b: QueryTerm) => texts.some((t) => t.includes(` ${a.fold} ${b.fold}${b.partial ? '' : ' '}`));
  return check.every((w) => {
    const i = seq.indexOf(w);
    if (i < 0) return true;
    return (i > 0 && together(seq[i - 1] as QueryTerm, w)) || (i + 1 < seq.length && together(w, seq[i + 1] as QueryTerm));
  });
}

/** A question of at most this many informative words must stand as one run when found only in the clause. */
const ONE_RUN_MAX_WORDS = 5;

/** Whether the question's informative words, in the order typed, stand together in one of the record's texts. */
function wordsInOneRun(doc: SearchDoc, informative: QueryTerm[], typed: QueryTerm[]): boolean {
  const check = new Set(informative.filter((t) => !t.partial && !t.expanded && !t.optional));
  if (check.size < 2 || check.size > ONE_RUN_MAX_WORDS) return true;
  // From the first informative word typed to the last, function words between them included.
  const seq = typed.filter((t) => !t.expanded);
  const first = seq.findIndex((t) => check.has(t));
  const last = seq.findLastIndex((t) => check.has(t));
  if (first < 0 || last <= first) return true;
  const needle = ` ${seq.slice(first, last + 1).map((t) => t.fold).join(' ')} `;
  return wordStringsOf(doc).some((t) => t.includes(needle));
}

/** Quoted phrases must appear as written (folded, adjacent) in the name, holder or clause. */
function hasPhrases(doc: SearchDoc, phrases: string[][], openLast: boolean): boolean {
  const texts = wordStringsOf(doc);
  return phrases.every((p, i) => {
    // A phrase still being typed: its last word may be incomplete.
    const needle = ` ${p.join(' ')}${openLast && i === phrases.length - 1 ? '' : ' '}`;
    return texts.some((t) => t.includes(needle));
  });
}

function execute(engine: SearchEngine, plan: ParsedQuery, filters: Uint8Array | null, want: number): Ranked | null {
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

function clampInt(v: unknown, min: number, max: number, dflt: number): number {
  const n = typeof v === 'number' && Number.isFinite(v) ? Math.floor(v) : dflt;
  return Math.min(max, Math.max(min, n));
}

interface Found {
  ranked: Ranked | null;
  suggestion: string | null;
  /** The plan the ranking used (the decoded one when Telex was read). */
  plan: ParsedQuery;
}

/** The abbreviations without the everyday names that are also words of the language (read literally). */
const LITERAL_ABBREVIATIONS = ABBREVIATIONS.filter((a) => !a.ambiguous);

function find(engine: SearchEngine, q: string, filters: Uint8Array | null, want: number): Found {
  let plan = parseQuery(q);
  let ranked = execute(engine, plan, filters, want);
  let suggestion: string | null = null;
  if (!ranked || ranked.total === 0 || ranked.unknown > 0) {
    // Nothing found, or words that exist nowhere: maybe the Vietnamese keyboard was off ("caaps pheps").
    const decoded = decodeTelex(q);
    const decodedPlan = decoded ? parseQuery(decoded) : null;
    const retry = decodedPlan ? execute(engine, decodedPlan, filters, want) : null;
    if (decoded && decodedPlan && retry && retry.total > 0 && (!ranked || ranked.total === 0 || retry.unknown < ranked.unknown)) {
      ranked = retry;
      suggestion = decoded;
      plan = decodedPlan;
    }
  }
  // "so do" typed bare is "sổ đỏ" or "sơ đồ": when the expansion finds only near misses and the literal words
  // find a record holding them side by side, lacking fewer words, the question meant the literal phrase.
  if (ranked && ranked.ids.length && plan.ambiguous.length) {
    const lackExpanded = ranked.lacking(ranked.ids[0] as number).length;
    if (lackExpanded > 0) {
      // The text the plan came from: the Telex-decoded one when that was read.
      const literalPlan = parseQuery(suggestion ?? q, LITERAL_ABBREVIATIONS);
      const literal = execute(engine, literalPlan, filters, want);
      const first = literal?.ids[0];
      if (
        literal &&
        first !== undefined &&
        plan.ambiguous.every((pair) => holdsExact(engine.pairs, pair, first)) &&
        literal.lacking(first).length < lackExpanded
      ) {
        ranked = literal;
        plan = literalPlan;
      }
    }
  }
  return { ranked, suggestion, plan };
}

/** Informative words the first hit (its record position) lacks (all of them when nothing was found); null when it answers confidently. */
function lackingOfBest(ranked: Ranked | null, best: number | null): Set<string> | null {
  if (!ranked || best === null) return new Set(['*']);
  const lacking = ranked.lacking(best);
  return lacking.length ? new Set(lacking) : null;
}

export interface RunOptions {
  /**
   * One row per power, its procedures folded under it (default). The KB build's linking of national
   * procedures reads the rows as ranked, procedures apart (procedures/link.ts).
   */
  onePerPower?: boolean;
}

function markLackingNames(engine: SearchEngine, h: SearchHit, names: Map<string, string>): void {
  const i = engine.positionOf.get(h.id);
  if (i === undefined) return;
  const lacking = [...names].filter(([pair]) => !holdsExact(engine.pairs, pair, i)).map(([, shown]) => shown);
  if (lacking.length === 0 || h.confidence === 'low') return;
  h.confidence = 'low';
  h.confidenceReason = lackingReason(lacking);
}

function holdsNames(title: string, names: Map<string, string>): boolean {
  if (names.size === 0) return true;
  const words = ` ${foldedWords(title).join(' ')} `;
  return [...names.keys()].every((pair) => words.includes(` ${pair.replace('_', ' ')} `));
}

/** Never throws on user input: garbage gives 0 hits. */
export function runSearch(engine: SearchEngine, args: SearchArgs, options: RunOptions = {}): SearchResult {
  const started = performance.now();
  const q = typeof args?.q === 'string' ? args.q : '';
  const limit = clampInt(args?.limit, 1, MAX_LIMIT, DEFAULT_LIMIT);
  const offset = clampInt(args?.offset, 0, 100_000, 0);
  const want = Math.max(offset + limit, 50);
  const filters = filterMask(engine, args?.filters);
  const cacheKey = `${q}\u0000${JSON.stringify(args?.filters ?? null)}`;
  let found = engine.useCache ? (engine.resultCache.get(cacheKey) as Found | undefined) : undefined;
  if (!found || (found.ranked && found.ranked.ids.length < Math.min(want, found.ranked.total))) {
    found = find(engine, q, filters, want);
    if (engine.useCache) {
      if (engine.resultCache.size >= MAX_CACHED_RESULTS) engine.resultCache.delete(engine.resultCache.keys().next().value as string);
      engine.resultCache.set(cacheKey, found);
    }
  }
  const { ranked, suggestion, plan } = found;
  const day = isValidDay(args?.date) ? args.date : todayIso();
  const province = typeof args?.province === 'string' && args.province.trim() ? args.province.trim() : null;
  const hits: SearchHit[] = [];
  let total = ranked?.total ?? 0;
  if (ranked) {
    // The law on the day, one row per power, the page asked (page.ts).
    const page = pageOfHits(engine, ranked, plan, { day, province, offset, limit, onePerPower: options.onePerPower !== false && !ranked.browse });
    hits.push(...page.hits);
    total = Math.max(page.rows, total - page.dropped - page.removed);
  }
  // A topic of a decree we have no text for is said first; a confident first hit answers the question.
  const best = hits[0] ? (engine.positionOf.get(hits[0].id) ?? null) : null;
  const unheld = new Map<string, string>();
  const outOfCoverageNow = outOfCoverage(engine, plan, lackingOfBest(ranked, best), q, best, unheld);
  // A name of a decree without text ("lễ hội") that a hit holds only as two separate syllables is a word
  // it lacks: a near miss, never an answer.
  if (unheld.size > 0) for (const h of hits) markLackingNames(engine, h, unheld);
  // The portal's procedures no power carries out: labelled rows of their own, after the powers that match as well.
  let shown = hits;
  if (offset === 0 && !ranked?.browse && !filters) {
    // A portal name holding a name of a decree without text only as separate syllables ("Thu hồi Thẻ
    // công chứng viên" for "thu viện") is no match either.
    const portal = portalHits(engine, plan, ranked?.highlighter ?? null, day).filter((h) => holdsNames(h.title, unheld));
    shown = withPortalRows(hits, portal, limit);
    total += shown.length - hits.length;
  }
  return {
    q,
    total,
    hits: shown,
    suggestion,
    jump: ranked?.jump ?? null,
    missingWords: ranked && hits.length > 0 ? ranked.missing(best ?? undefined) : [],
    date: day,
    province,
    notice: dayNotice(day, commonEndOfTerm(engine)),
    outOfCoverage: outOfCoverageNow,
    tookMs: performance.now() - started,
  };
}
