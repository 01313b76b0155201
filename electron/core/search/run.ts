/**
 * The search path: plan the query (query.ts); read it against the index (execute.ts), again with
 * Telex decoded when words exist nowhere, or literally when a bare everyday name ("so do") found only
 * near misses; arrange the page for the day (page.ts); say which decree without text the question
 * belongs to (coverage.ts) and add the portal's procedures no power carries out (portal.ts).
 */
import { MAX_RESULTS, type SearchArgs, type SearchHit, type SearchResult } from '../results';
import { todayIso } from '../validity';
import { commonEndOfTerm, dayNotice, isValidDay } from './on-day';
import { pageOfHits } from './page';
import { decodeTelex } from '../text/telex';
import { foldedWords } from '../text/tokenize';
import type { SearchEngine } from './engine';
import { holdsExact } from './exact-postings';
import { execute, type Ranked } from './execute';
import { outOfCoverage } from './coverage';
import { portalHits, withPortalRows } from './portal';
import { filterMask } from './filters';
import { lackingReason } from './judge';
import { ABBREVIATIONS } from './lexicon';
import { parseQuery, type ParsedQuery } from './query';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = MAX_RESULTS;
const MAX_CACHED_RESULTS = 64;

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
