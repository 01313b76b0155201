/**
 * One answer per power. An annex procedure record ("Thủ tục đăng ký hộ tịch", cited by a Phụ lục) and
 * the article that assigns the power it carries out (the article lists it in `procedures`) are one
 * answer, not two rows competing: the power takes the place of whichever of them ranked first, and the
 * procedures go under it (`SearchHit.procedures`), the one the question named marked `matched`.
 * A procedure whose power does not apply on the day (or is another province's) stays a row of its own.
 * The national procedure records linked to the power are listed under it too; they are never scored.
 */
import type { HitProcedure } from '../results';
import { formatCitation } from '../model';
import { foldedWords } from '../text/tokenize';
import type { SearchEngine } from './engine';
import type { SearchDoc } from './fields';
import type { ParsedQuery } from './query';

/** Annex procedure record position → positions of the article records listing it. */
const powerIndexes = new WeakMap<SearchEngine, Map<number, number[]>>();

export function powersOf(engine: SearchEngine): Map<number, number[]> {
  let ix = powerIndexes.get(engine);
  if (!ix) {
    ix = new Map();
    engine.docs.forEach((d, i) => {
      if (engine.isAnnex[i] === 1) return;
      for (const pid of d.record.procedures ?? []) {
        const j = engine.positionOf.get(pid);
        if (j === undefined || engine.isAnnex[j] !== 1) continue;
        const list = ix!.get(j);
        if (list) list.push(i);
        else ix!.set(j, [i]);
      }
    });
    powerIndexes.set(engine, ix);
  }
  return ix;
}

export interface Folded {
  ids: number[];
  scores: number[];
  /** Power position → positions of the procedure records folded under it (in rank order). */
  folded: Map<number, number[]>;
  /** Powers pulled in by a procedure that matched, not by their own match: power → that procedure. */
  pulledBy: Map<number, number>;
}

/**
 * Folds each procedure record into its power. `eligible` says whether a power may answer on the day
 * (in force, and national or of the province chosen). Of several powers of one procedure, the one already
 * in the list ranks it (the first), else the deciding one ('quyet-dinh'), else the first by id.
 */
export function foldProcedures(engine: SearchEngine, ids: number[], scores: number[], eligible: (i: number) => boolean): Folded {
  const powers = powersOf(engine);
  const rank = new Map<number, number>();
  ids.forEach((id, k) => rank.set(id, k));
  const out: number[] = [];
  const outScores: number[] = [];
  const placed = new Set<number>();
  const folded = new Map<number, number[]>();
  const pulledBy = new Map<number, number>();
  const fold = (power: number, proc: number) => {
    const list = folded.get(power);
    if (list) list.push(proc);
    else folded.set(power, [proc]);
  };
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k] as number;
    if (placed.has(id)) continue; // a power already placed by one of its procedures
    const candidates = (powers.get(id) ?? []).filter(eligible);
    if (candidates.length === 0) {
      out.push(id);
      outScores.push(scores[k] as number);
      placed.add(id);
      continue;
    }
    const already = candidates.find((p) => placed.has(p));
    if (already !== undefined) {
      fold(already, id);
      continue;
    }
    const best = pickPower(engine, candidates, rank);
    fold(best, id);
    if (!rank.has(best)) pulledBy.set(best, id);
    out.push(best);
    outScores.push(Math.max(scores[k] as number, scores[rank.get(best) ?? -1] ?? 0));
    placed.add(best);
  }
  return { ids: out, scores: outScores, folded, pulledBy };
}

function pickPower(engine: SearchEngine, candidates: number[], rank: Map<number, number>): number {
  const ranked = candidates.filter((p) => rank.has(p)).sort((a, b) => (rank.get(a) as number) - (rank.get(b) as number));
  if (ranked.length > 0) return ranked[0] as number;
  const deciding = candidates.filter((p) => (engine.docs[p] as SearchDoc).record.role === 'quyet-dinh');
  const pool = deciding.length > 0 ? deciding : candidates;
  return pool.reduce((a, b) => ((engine.idRank[a] as number) <= (engine.idRank[b] as number) ? a : b));
}

/** Folded words of procedure names, once per name. */
const nameWords = new Map<string, Set<string>>();
const MAX_NAMES = 20_000;

function wordsOfName(name: string): Set<string> {
  let w = nameWords.get(name);
  if (!w) {
    w = new Set(foldedWords(name));
    if (nameWords.size >= MAX_NAMES) nameWords.clear();
    nameWords.set(name, w);
  }
  return w;
}

/** The question's informative words (folded): a procedure whose name holds them all is the one it names. */
export function namedBy(plan: ParsedQuery): (name: string) => boolean {
  const words = plan.terms.filter((t) => !t.filler && !t.soft && !t.optional && !t.expanded);
  if (words.length === 0) return () => false;
  return (name) => {
    const have = wordsOfName(name);
    return words.every((t) => (t.partial ? [...have].some((w) => w.startsWith(t.fold)) : have.has(t.fold)));
  };
}

/** National procedures listed under a power beyond those the question names. */
const MAX_OTHER_NATIONAL = 3;

/**
 * The procedures shown under a power: its annex procedure records (those folded in are matched), then
 * its linked national procedure records (those whose name holds the question's words first).
 */
export function proceduresOf(
  engine: SearchEngine,
  power: number,
  foldedIn: number[],
  named: (name: string) => boolean,
  statusLabel: (i: number) => string | null,
): { procedures: HitProcedure[]; more: number } {
  const doc = engine.docs[power] as SearchDoc;
  const annex: HitProcedure[] = [];
  const listed = new Set<number>();
  for (const i of [...foldedIn, ...(doc.record.procedures ?? []).map((id) => engine.positionOf.get(id) ?? -1)]) {
    if (i < 0 || listed.has(i) || engine.isAnnex[i] !== 1) continue;
    listed.add(i);
    const r = (engine.docs[i] as SearchDoc).record;
    annex.push({
      kind: 'annex',
      id: r.id,
      name: r.title,
      holder: r.holder,
      citationText: formatCitation(r.citation),
      matched: foldedIn.includes(i),
      statusLabel: statusLabel(i),
    });
  }
  // The national records linked to the power, and to its annex procedures (the build links a portal record
  // to whichever of them its name matched best).
  const seen = new Set<string>();
  const linked = [doc, ...[...listed].map((i) => engine.docs[i] as SearchDoc)]
    .flatMap((d) => d.national ?? [])
    .filter((p) => !seen.has(p.code) && seen.add(p.code));
  const national = linked.map<HitProcedure>((p) => ({
    kind: 'national',
    id: p.code,
    name: p.name,
    holder: null,
    citationText: null,
    matched: named(p.name),
    statusLabel: null,
  }));
  const matched = national.filter((p) => p.matched);
  const others = national.filter((p) => !p.matched);
  const shown = [...annex, ...matched, ...others.slice(0, MAX_OTHER_NATIONAL)];
  return { procedures: shown, more: others.length - Math.min(others.length, MAX_OTHER_NATIONAL) };
}
