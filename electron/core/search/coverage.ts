/**
 * Out-of-coverage answers: a question whose topic belongs to a decree of the batch whose text is not
 * loaded (health 147/148, education 142/143, culture 137/138, tax 122 …) must say so first — which decree
 * would hold the answer, that its text is not here, and how to import it — before any near miss.
 * The vocabulary of each such decree is derived data (data/search/coverage-topics.json, made by
 * tests/core/search/coverage-topics.ts from its title, the second-hand articles quoting it and the
 * national procedure records citing it); the catalogue (data/documents.json) gives its title and sector.
 * A decree is out of coverage only while the engine holds no verified record of it (an imported text ends it).
 */
import documentsData from '../../../data/documents.json';
import topicsData from '../../../data/search/coverage-topics.json';
import type { OutOfCoverage } from '../results';
import { tokenize } from '../text/tokenize';
import { SECTOR_LABELS, type SectorId } from '../model';
import type { SearchEngine } from './engine';
import { holdsExact } from './exact-postings';
import type { ParsedQuery } from './query';

interface Topic {
  number: string;
  title: string;
  sector: SectorId;
  topic: string;
  exact: Set<string>;
  fold: Set<string>;
  /** Folded syllable pairs of the sector the title names ("y_te", "giao_duc"), boilerplate removed. */
  topicPairs: Set<string>;
}

const MAX_NOTICES = 3;

function compile(): Topic[] {
  const catalogue = new Map((documentsData as Array<{ number: string; title: string; sector: SectorId }>).map((d) => [d.number, d]));
  return (topicsData as { decrees: Array<{ number: string; topic: string; topicPairs: string[]; exact: string[]; fold: string[] }> }).decrees.map((d) => {
    // The sector's own pairs ("y_te", "giao_duc"), those the register uses widely left out at derivation.
    const topicPairs = new Set(d.topicPairs);
    const c = catalogue.get(d.number);
    return {
      number: d.number,
      title: c?.title ?? d.number,
      sector: c?.sector ?? 'other',
      topic: d.topic,
      exact: new Set(d.exact),
      fold: new Set(d.fold),
      topicPairs,
    };
  });
}

let TOPICS: Topic[] | null = null;

/** Decrees of which the engine holds a verified record (an imported text), per engine. */
const verifiedDecrees = new WeakMap<SearchEngine, Map<string, boolean>>();
function hasVerifiedText(engine: SearchEngine, number: string): boolean {
  let known = verifiedDecrees.get(engine);
  if (!known) verifiedDecrees.set(engine, (known = new Map()));
  let v = known.get(number);
  if (v === undefined) {
    v = (engine.byDocument.get(number) ?? []).some((i) => engine.docs[i]?.record.sourceStatus === 'verified');
    known.set(number, v);
  }
  return v;
}

/**
 * The question's words outside parentheses, or null when it has none. A parenthesis qualifies a long
 * procedure name ("Cấp giấy phép xây dựng … (Công trình … Tín ngưỡng, tôn giáo …)"): it does not name
 * the question's topic.
 */
function wordsOutsideParentheses(q: string): Set<string> | null {
  if (!q.includes('(')) return null;
  return new Set(tokenize(q.replace(/\([^()]*\)?/gu, ' ')).map((t) => t.fold));
}

/**
 * The pairs of the question's words that stand side by side as typed (positions into `words`): from the
 * sequence, repeats included, not from the distinct words ("nhà đầu tư" after "đấu giá" is no "nhà tư").
 * A function word between two words parts them.
 */
function adjacentPairs(sequence: string[], words: Array<{ fold: string }>): Array<[number, number, number]> {
  const at = new Map(words.map((w, i) => [w.fold, i]));
  const out: Array<[number, number, number]> = [];
  const seen = new Set<string>();
  for (let k = 0; k + 1 < sequence.length; k++) {
    const i = at.get(sequence[k] as string);
    const j = at.get(sequence[k + 1] as string);
    if (i === undefined || j === undefined || i === j || seen.has(`${i}_${j}`)) continue;
    seen.add(`${i}_${j}`);
    out.push([i, j, k]);
  }
  return out;
}

/**
 * What the notice quotes: the question's words it names, runs of overlapping pairs joined ("thu nhập cá
 * nhân", not «thu nhập», «nhập cá», «cá nhân»), in the order typed. `spans` are [from, to] positions of `sequence`.
 */
function quoted(spans: Array<[number, number]>, sequence: string[], shownOf: Map<string, string>): string[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const runs: Array<[number, number]> = [];
  for (const [from, to] of sorted) {
    const last = runs[runs.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else runs.push([from, to]);
  }
  const out: string[] = [];
  for (const [from, to] of runs) {
    const text = sequence.slice(from, to + 1).map((f) => shownOf.get(f) ?? f).join(' ');
    if (!out.includes(text)) out.push(text);
  }
  return out;
}

/**
 * Decrees without text whose topic the question names. Only the words the first hit lacks count
 * (`lacking`, folded; "*" = nothing was found; null = it holds every word): a question our register
 * answers names no other decree. A name of two syllables is one word ("lễ hội", "nhà thuốc"): when the
 * first hit (`best`, its record position) holds both syllables but not side by side ("Tổ chức lễ tang …
 * hội"), it lacks that word too. `unheld` collects such names (folded pair → as typed), for the caller to mark the hits lacking them.
 */
export function outOfCoverage(
  engine: SearchEngine,
  plan: ParsedQuery,
  lacking: Set<string> | null,
  q = '',
  best: number | null = null,
  unheld: Map<string, string> = new Map(),
): OutOfCoverage[] {
  TOPICS ??= compile();
  const all = lacking?.has('*') ?? false;
  const topical = wordsOutsideParentheses(q);
  const words = plan.terms.filter((t) => !t.filler && !t.soft && !t.expanded && !t.optional && (!topical || topical.has(t.fold)));
  if (words.length === 0) return [];
  const shown = words.map((t) => t.exact ?? t.fold);
  // The question's words and adjacent pairs, spelled once (not once per decree).
  const missing = words.map((w) => all || (lacking?.has(w.fold) ?? false));
  const shownOf = new Map(words.map((w, i) => [w.fold, shown[i] as string]));
  const firstAt = words.map((w) => plan.sequence.indexOf(w.fold));
  const pairs = adjacentPairs(plan.sequence, words).map(([i, j, k]) => {
    const a = words[i] as (typeof words)[number];
    const b = words[j] as (typeof words)[number];
    const fold = `${a.fold}_${b.fold}`;
    return {
      fold,
      exact: a.exact && b.exact ? `${a.exact}_${b.exact}` : null,
      missing: (missing[i] as boolean) || (missing[j] as boolean),
      apart: best !== null && !holdsExact(engine.pairs, fold, best),
      shown: `${shown[i]} ${shown[j]}`,
      at: k,
    };
  });
  // A question that is only a sector's name ("y tế", "giáo dục") asks about that sector, however sure its first hit.
  const onlySector = words.length === 2 && pairs.length === 1 && TOPICS.some((t) => t.topicPairs.has(pairs[0]!.fold) && !hasVerifiedText(engine, t.number));
  if (!lacking && !onlySector && !pairs.some((p) => p.apart)) return [];
  const out: Array<OutOfCoverage & { n: number }> = [];
  for (const t of TOPICS) {
    // A text imported since: its records answer, this is no longer out of coverage.
    if (hasVerifiedText(engine, t.number)) continue;
    // Positions in the question's sequence of what names the decree: a word, or a pair of words.
    const said: Array<[number, number]> = [];
    words.forEach((w, i) => {
      const k = firstAt[i] as number;
      if (k >= 0 && missing[i] && (w.exact ? t.exact.has(w.exact) : t.fold.has(w.fold))) said.push([k, k]);
    });
    pairs.forEach((p) => {
      const named = p.exact ? t.exact.has(p.exact) : t.fold.has(p.fold);
      // The sector the decree's title names ("giáo dục", "y tế") counts whenever the first hit is not sure.
      const topic = (lacking !== null || onlySector) && t.topicPairs.has(p.fold);
      if ((p.missing && named) || topic) said.push([p.at, p.at + 1]);
      else if (p.apart && named) {
        said.push([p.at, p.at + 1]);
        unheld.set(p.fold, p.shown);
      }
    });
    if (said.length === 0) continue;
    // "Lĩnh vực khác" says nothing: the title's own sector then ("Giáo dục và Đào tạo").
    const sector = t.sector === 'other' ? t.topic.charAt(0).toUpperCase() + t.topic.slice(1) : (SECTOR_LABELS[t.sector] ?? t.sector);
    out.push({
      number: t.number,
      title: t.title,
      sector,
      reason:
        // The decree is named beside the reason (number, sector): sister decrees (147, 148) say the same.
        `Câu hỏi có «${quoted(said, plan.sequence, shownOf).slice(0, 4).join('», «')}» — thuộc lĩnh vực ${t.topic}. ` +
        'Chưa có văn bản nghị định này: các kết quả dưới đây có thể chỉ là việc gần giống ở nghị định khác.',
      n: said.length,
    });
  }
  return out
    .sort((a, b) => b.n - a.n || (a.number < b.number ? -1 : 1))
    .slice(0, MAX_NOTICES)
    .map(({ n: _n, ...o }) => o);
}
