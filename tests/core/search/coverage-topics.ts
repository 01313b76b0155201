/**
 * Derives data/search/coverage-topics.json: for each decree of the batch whose text is not loaded
 * (catalogue `file` null), the words and syllable pairs that name its topics and that the loaded
 * register does not use — from what we have: its title, what the second-hand articles say of it
 * (../shared/sources/secondary: the passages and table rows naming it, see passagesAbout) and the national procedure records citing it (their names and
 * fields), and the names of the fields its powers belong to, as their laws give them (data/search/sector-fields.json:
 * "karaoke", "lễ hội", "di tích" — culture has almost no second-hand source). Nothing is copied: only words, each kept when at least two sources use it (a field's name: one) and at most
 * MAX_REGISTER_DF records of the register hold it. Regenerate with TCQ_UPDATE_COVERAGE=1 (the test
 * tests/core/search/coverage.test.ts fails when the file is not what the sources derive).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchDoc } from '../../../electron/core/search';
import { FILLERS } from '../../../electron/core/search/lexicon';
import { fold } from '../../../electron/core/text/normalize';
import { tokenize } from '../../../electron/core/text/tokenize';
import { REPO_ROOT, SOURCES_DIR } from './register-docs';

export const COVERAGE_FILE = join(REPO_ROOT, 'data/search/coverage-topics.json');
/** A word held by more records than this is the register's own vocabulary, not a missing topic. */
const MAX_REGISTER_DF = 3;
/**
 * A pair of the title's sector that many records of the register hold ("quốc gia" of "dự trữ quốc gia")
 * names no topic of its own: a question using it is not about that decree.
 */
const MAX_TOPIC_DF = 25;
/**
 * A word more provisions of the loaded texts use than this is their vocabulary, record or not; below it,
 * the field's sources must use it this many times more often (by share) than the loaded provisions do.
 */
const MAX_TEXT_DF = 40;
const TEXT_DOMINANCE = 20;
/** A field's word is used by a larger share of its sources than of any other field's, by this factor. */
const DOMINANCE = 3;
const MAX_WORDS = 400;
/** A word must be used by this many sources (title, articles, procedure records); a pair by one more. */
const MIN_SOURCES = 2;
/** A pair whose syllable most records hold ("cấp mới", "người đã") is an accident of adjacency. */
const COMMON_SYLLABLE = 0.15;

export interface CoverageTopics {
  description: string;
  /** `topic`: the sector the title names ("y tế", "giáo dục và đào tạo"), kept whatever the register holds. */
  /** `topicPairs`: the folded syllable pairs of `topic` that name it here (not boilerplate, not common in the register). */
  decrees: Array<{ number: string; topic: string; topicPairs: string[]; exact: string[]; fold: string[] }>;
}

/** The sector a title names: what follows its last "lĩnh vực" (or "của Bộ"), without "quản lý nhà nước". */
export function titleTopic(title: string): string {
  const m = /.*(?:lĩnh vực|của Bộ)\s+(.+)$/iu.exec(title.replace(/\s+/gu, ' ').trim());
  return (m?.[1] ?? '').replace(/^quản lý nhà nước (?:của Bộ )?/iu, '').replace(/^(?:của )?(?:Bộ\s+)?/u, '').trim();
}

interface CatalogueEntry {
  number: string;
  title: string;
  file: string | null;
  inBatch?: boolean;
}

const unitsOf = (text: string): { exact: Set<string>; fold: Set<string> } => {
  // Words only: identifiers ("122/2025/nđ-cp", "38/2019/qh14") cite, they do not name a topic.
  const t = tokenize(text, { splitGlued: true }).filter((x) => /^\p{L}+$/u.test(x.fold) && x.fold.length >= 2);
  const exact = new Set<string>();
  const fold = new Set<string>();
  t.forEach((x, i) => {
    exact.add(x.exact);
    fold.add(x.fold);
    const n = t[i + 1];
    if (n) {
      exact.add(`${x.exact}_${n.exact}`);
      fold.add(`${x.fold}_${n.fold}`);
    }
  });
  return { exact, fold };
};

interface SectorFields {
  sectors: Array<{ decrees: string[]; fields: Array<{ law: string; words: string[] }> }>;
}

/**
 * The words of a field of state management (data/search/sector-fields.json) that a question would use:
 * a one-word name as it is ("karaoke"), a longer one by its adjacent pairs ("lễ_hội", "di_tích"): a
 * syllable of a name ("lễ", "hội") names nothing alone.
 */
function fieldUnits(number: string): { exact: Set<string>; fold: Set<string> } {
  const file = join(REPO_ROOT, 'data/search/sector-fields.json');
  const exact = new Set<string>();
  const folded = new Set<string>();
  if (!existsSync(file)) return { exact, fold: folded };
  for (const s of (JSON.parse(readFileSync(file, 'utf8')) as SectorFields).sectors) {
    if (!s.decrees.includes(number)) continue;
    for (const w of s.fields.flatMap((f) => f.words)) {
      const t = tokenize(w).filter((x) => /^\p{L}+$/u.test(x.fold));
      if (t.length === 1) {
        exact.add(t[0]!.exact);
        folded.add(t[0]!.fold);
      }
      for (let i = 0; i + 1 < t.length; i++) {
        exact.add(`${t[i]!.exact}_${t[i + 1]!.exact}`);
        folded.add(`${t[i]!.fold}_${t[i + 1]!.fold}`);
      }
    }
  }
  return { exact, fold: folded };
}

/** How far a quote may run after the paragraph naming the decree. */
const QUOTE_PARAGRAPHS = 4;
/** A national procedure code as the portal writes it ("1.006390", "2.001842"). */
const PROCEDURE_CODE = /^\d\.\d{6}$/u;

/**
 * What a second-hand article says about decree `n`, each passage one source:
 * - a table of procedures (cells between "|", as the resolutions listing procedures by legal basis)
 *   gives the name of each procedure whose row cites it (the cell after the procedure's code), and of every
 *   procedure in the section of its field (`topic`, the title's sector: "Y tế" → "… CỦA BỘ Y TẾ"), and
 *   only that: reading a whole table of many fields for each decree it cites gave every decree the others' words;
 * - an article that quotes it (`quotes`: INDEX.tsv lists it for the decree: Q&A, an implementing
 *   circular "căn cứ" it) or whose title names it is about its field: the whole text;
 * - any other article gives the paragraphs that name it and the quote that follows each.
 */
export function passagesAbout(n: number, text: string, quotes = false, topic = ''): string[] {
  const cite = new RegExp(`(?<!\\d)${n}/2025/NĐ-C`, 'u');
  const rows: string[] = [];
  const cells = text.split('|').map((c) => c.replace(/\s+/gu, ' ').trim());
  // The table's sections name a ministry ("**LĨNH VỰC QUẢN LÝ NHÀ NƯỚC CỦA BỘ Y TẾ**"): every procedure
  // under the section of the decree's own field is of its topic, whatever law it cites.
  const field = fold(topic);
  let inField = false;
  cells.forEach((c, i) => {
    const section = /^\*\*(?:LĨNH VỰC .*?CỦA )?(?:BỘ )?(.+?)\*\*$/iu.exec(c);
    if (section && /^\*\*(?:LĨNH VỰC|BỘ )/iu.test(c)) inField = field.length > 0 && ` ${fold(section[1] as string)} `.includes(` ${field} `);
    if (inField && PROCEDURE_CODE.test(c)) {
      const name = cells[i + 1];
      if (name) rows.push(name);
      return;
    }
    if (!cite.test(c)) return;
    for (let j = i - 1; j >= Math.max(0, i - 12); j--) {
      if (PROCEDURE_CODE.test(cells[j] as string)) {
        const name = cells[j + 1];
        if (name && !cite.test(name) && !inField) rows.push(name);
        return;
      }
    }
  });
  if (!cite.test(text)) return rows;
  if (rows.length > 0) return rows;
  const paragraphs = text
    .split(/\n\s*\n/u)
    .map((p) => p.replace(/\|/gu, ' ').trim())
    .filter(Boolean);
  if (quotes || cite.test(paragraphs[0] ?? '')) return [text];
  // A quote runs on after the paragraph naming the decree ("Căn cứ Điều 5 Nghị định 148/2025 …: 1. … 2. …"),
  // until a heading, another act, or a few paragraphs.
  const otherAct = /\d+\/20\d\d\/(?:NĐ|QĐ|QH|TT|NQ)/u;
  const out: string[] = [];
  paragraphs.forEach((p, i) => {
    if (!cite.test(p)) return;
    out.push(p);
    for (let j = i + 1; j < Math.min(paragraphs.length, i + 1 + QUOTE_PARAGRAPHS); j++) {
      const next = paragraphs[j] as string;
      if (next.startsWith('#') || otherAct.test(next)) break;
      out.push(next);
    }
  });
  return out;
}

function sourceTexts(number: string, title: string): string[] {
  const n = Number(number.split('/')[0]);
  const texts = [title];
  // Every article, not only those INDEX.tsv lists for the decree: a table citing 142 may be indexed under 133.
  const secondary = join(SOURCES_DIR, 'secondary');
  if (existsSync(secondary)) {
    const index = join(secondary, 'INDEX.tsv');
    const quoting = new Set(
      (existsSync(index) ? readFileSync(index, 'utf8').split('\n') : [])
        .map((l) => l.split('\t'))
        .filter(([d]) => Number(d) === n)
        .map(([, f]) => f),
    );
    for (const f of readdirSync(secondary).filter((x) => x.endsWith('.md')).sort()) {
      texts.push(...passagesAbout(n, readFileSync(join(secondary, f), 'utf8'), quoting.has(f), titleTopic(title)));
    }
  }
  const dir = join(SOURCES_DIR, 'procedures');
  if (existsSync(dir)) {
    const cite = new RegExp(`(?<!\\d)${n}/2025/NĐ-C`, 'u');
    for (const m of readdirSync(dir, { withFileTypes: true })) {
      if (!m.isDirectory()) continue;
      for (const f of readdirSync(join(dir, m.name)).sort()) {
        const p = JSON.parse(readFileSync(join(dir, m.name, f), 'utf8')) as { ten_thu_tuc?: string; linh_vuc?: string; can_cu_phap_ly?: string };
        if (cite.test(p.can_cu_phap_ly ?? '')) texts.push(`${p.ten_thu_tuc ?? ''}\n${p.linh_vuc ?? ''}`);
      }
    }
  }
  return texts;
}

/** Pairs within each part of the sector's name ("văn hóa, thể thao và du lịch" → văn hóa, thể thao, du lịch). */
function topicPairs(topic: string): string[] {
  const out = new Set<string>();
  for (const part of topic.split(/,|;|\svà\s/u)) {
    const words = tokenize(part).map((t) => t.fold);
    for (let i = 0; i + 1 < words.length; i++) {
      if (!FILLERS.titlePairs.has(`${words[i]} ${words[i + 1]}`)) out.add(`${words[i]}_${words[i + 1]}`);
    }
  }
  return [...out].sort();
}

export function deriveCoverageTopics(docs: SearchDoc[], provisionTexts: string[] = []): CoverageTopics {
  const catalogue = JSON.parse(readFileSync(join(REPO_ROOT, 'data/documents.json'), 'utf8')) as CatalogueEntry[];
  const dfExact = new Map<string, number>();
  const dfFold = new Map<string, number>();
  for (const d of docs) {
    if (d.record.sourceStatus !== 'verified') continue;
    const u = unitsOf([d.record.title, ...(d.record.aliases ?? []), d.record.holder, ...(d.headings ?? []), d.provisionText ?? ''].join('\n'));
    for (const w of u.exact) dfExact.set(w, (dfExact.get(w) ?? 0) + 1);
    for (const w of u.fold) dfFold.set(w, (dfFold.get(w) ?? 0) + 1);
  }
  // The words the loaded texts use throughout (any provision, not only those with a record): "đăng ký
  // biến động", "tín ngưỡng, tôn giáo" (of churches' building permits) are ours, not a missing decree's.
  const inTexts = { exact: new Map<string, number>(), fold: new Map<string, number>() };
  for (const t of provisionTexts) {
    const u = unitsOf(t);
    for (const w of u.exact) inTexts.exact.set(w, (inTexts.exact.get(w) ?? 0) + 1);
    for (const w of u.fold) inTexts.fold.set(w, (inTexts.fold.get(w) ?? 0) + 1);
  }
  // Ours when the loaded texts use it widely, or nearly as often as the field's own sources do.
  const usedByTexts = (k: 'exact' | 'fold', w: string, fieldShare: number) => {
    const n = inTexts[k].get(w) ?? 0;
    return n > MAX_TEXT_DF || (n / Math.max(1, provisionTexts.length)) * TEXT_DOMINANCE > fieldShare;
  };
  const missing = catalogue.filter((c) => c.inBatch && !c.file);
  // Sister decrees of one field (147/148 y tế) read the same sources: counted once, per field.
  const byField = new Map<string, { texts: number; exact: Map<string, number>; fold: Map<string, number> }>();
  // The field's names as its laws give them: kept unless the register or the loaded texts use them.
  const named = new Map<string, { exact: Set<string>; fold: Set<string> }>();
  const seen = new Map<string, Set<string>>();
  for (const c of missing) {
    const field = fold(titleTopic(c.title));
    let f = byField.get(field);
    if (!f) byField.set(field, (f = { texts: 0, exact: new Map(), fold: new Map() }));
    const units = fieldUnits(c.number);
    const known = named.get(field) ?? { exact: new Set<string>(), fold: new Set<string>() };
    named.set(field, known);
    for (const w of units.exact) known.exact.add(w);
    for (const w of units.fold) known.fold.add(w);
    const done = seen.get(field) ?? new Set<string>();
    seen.set(field, done);
    for (const t of sourceTexts(c.number, c.title)) {
      if (done.has(t)) continue;
      done.add(t);
      f.texts += 1;
      const u = unitsOf(t);
      for (const w of u.exact) f.exact.set(w, (f.exact.get(w) ?? 0) + 1);
      for (const w of u.fold) f.fold.set(w, (f.fold.get(w) ?? 0) + 1);
    }
  }
  const verified = docs.filter((d) => d.record.sourceStatus === 'verified').length || 1;
  const common = (k: 'exact' | 'fold', w: string) =>
    w.split('_').some((x) => ((k === 'exact' ? dfExact : dfFold).get(x) ?? 0) / verified > COMMON_SYLLABLE);
  /** Share of a field's sources using the word. */
  const share = (f: { texts: number }, n: number | undefined) => (n ?? 0) / Math.max(1, f.texts);
  const pick = (k: 'exact' | 'fold', field: string) => {
    const own = byField.get(field)!;
    const df = k === 'exact' ? dfExact : dfFold;
    const names = [...(named.get(field)?.[k] ?? [])].filter(
      (w) => (df.get(w) ?? 0) <= MAX_REGISTER_DF && (inTexts[k].get(w) ?? 0) <= MAX_TEXT_DF,
    );
    const derived = [...own[k]]
      .filter(([w, n]) => {
        if (n < MIN_SOURCES + (w.includes('_') ? 1 : 0) || (df.get(w) ?? 0) > MAX_REGISTER_DF || common(k, w)) return false;
        if (usedByTexts(k, w, share(own, n))) return false;
        // The word is this field's when its sources use it far more often than any other field's do: long
        // articles quoting one decree mention many fields ("mầm non" in a land article), a field's own
        // procedures name it again and again.
        const mine = share(own, n);
        for (const [g, other] of byField) if (g !== field && share(other, other[k].get(w)) * DOMINANCE > mine) return false;
        return true;
      })
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_WORDS)
      .map(([w]) => w);
    return [...new Set([...derived, ...names])].sort();
  };
  return {
    description:
      'Derived by tests/core/search/coverage-topics.ts (do not edit): words and syllable pairs ("a_b") naming the topics of each decree without text, from its title, the second-hand articles quoting it, the national procedure records citing it and the names of its fields of state management (data/search/sector-fields.json), that the loaded register does not use. A question whose missing words are among them names that decree first.',
    decrees: missing.map((c) => ({ number: c.number, topic: titleTopic(c.title) })).map((p) => ({
      number: p.number,
      topic: p.topic,
      topicPairs: topicPairs(p.topic).filter((w) => (dfFold.get(w) ?? 0) <= MAX_TOPIC_DF && (inTexts.fold.get(w) ?? 0) <= MAX_TOPIC_DF),
      exact: pick('exact', fold(p.topic)),
      fold: pick('fold', fold(p.topic)),
    })),
  };
}
