/**
 * Derives data/search/coverage-topics.json: for each decree of the batch whose text is not loaded
 * (catalogue `file` null), the words and syllable pairs that name its topics and that the loaded
 * register does not use — from what we have: its title, the second-hand articles that quote it
 * (../shared/sources/secondary, INDEX.tsv) and the national procedure records citing it (their names and
 * fields). Nothing is copied: only words, each kept when at least two sources use it and at most
 * MAX_REGISTER_DF records of the register hold it. Regenerate with TCQ_UPDATE_COVERAGE=1 (the test
 * tests/core/search/coverage.test.ts fails when the file is not what the sources derive).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchDoc } from '../../../electron/core/search';
import { tokenize } from '../../../electron/core/text/tokenize';
import { REPO_ROOT, SOURCES_DIR } from './register-docs';

export const COVERAGE_FILE = join(REPO_ROOT, 'data/search/coverage-topics.json');
/** A word held by more records than this is the register's own vocabulary, not a missing topic. */
const MAX_REGISTER_DF = 3;
/** A word used by this many missing decrees or more is generic ("nghị định", "quy định"). */
const MAX_DECREES = 3;
const MAX_WORDS = 400;
/** A word must be used by this many sources (title, articles, procedure records); a pair by one more. */
const MIN_SOURCES = 2;
/** A pair whose syllable most records hold ("cấp mới", "người đã") is an accident of adjacency. */
const COMMON_SYLLABLE = 0.15;

export interface CoverageTopics {
  description: string;
  /** `topic`: the sector the title names ("y tế", "giáo dục và đào tạo"), kept whatever the register holds. */
  decrees: Array<{ number: string; topic: string; exact: string[]; fold: string[] }>;
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

function sourceTexts(number: string, title: string): string[] {
  const n = Number(number.split('/')[0]);
  const texts = [title];
  const index = join(SOURCES_DIR, 'secondary/INDEX.tsv');
  if (existsSync(index)) {
    for (const line of readFileSync(index, 'utf8').split('\n')) {
      const [decree, file] = line.split('\t');
      if (Number(decree) === n && file) texts.push(readFileSync(join(SOURCES_DIR, 'secondary', file), 'utf8'));
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

export function deriveCoverageTopics(docs: SearchDoc[]): CoverageTopics {
  const catalogue = JSON.parse(readFileSync(join(REPO_ROOT, 'data/documents.json'), 'utf8')) as CatalogueEntry[];
  const dfExact = new Map<string, number>();
  const dfFold = new Map<string, number>();
  for (const d of docs) {
    if (d.record.sourceStatus !== 'verified') continue;
    const u = unitsOf([d.record.title, ...(d.record.aliases ?? []), d.record.holder, ...(d.headings ?? []), d.provisionText ?? ''].join('\n'));
    for (const w of u.exact) dfExact.set(w, (dfExact.get(w) ?? 0) + 1);
    for (const w of u.fold) dfFold.set(w, (dfFold.get(w) ?? 0) + 1);
  }
  const missing = catalogue.filter((c) => c.inBatch && !c.file);
  const per = missing.map((c) => {
    const counts = { exact: new Map<string, number>(), fold: new Map<string, number>() };
    for (const t of sourceTexts(c.number, c.title)) {
      const u = unitsOf(t);
      for (const w of u.exact) counts.exact.set(w, (counts.exact.get(w) ?? 0) + 1);
      for (const w of u.fold) counts.fold.set(w, (counts.fold.get(w) ?? 0) + 1);
    }
    return { number: c.number, topic: titleTopic(c.title), counts };
  });
  const spread = { exact: new Map<string, number>(), fold: new Map<string, number>() };
  for (const p of per) {
    for (const k of ['exact', 'fold'] as const) for (const w of p.counts[k].keys()) spread[k].set(w, (spread[k].get(w) ?? 0) + 1);
  }
  const verified = docs.filter((d) => d.record.sourceStatus === 'verified').length || 1;
  const common = (k: 'exact' | 'fold', w: string) =>
    w.split('_').some((x) => ((k === 'exact' ? dfExact : dfFold).get(x) ?? 0) / verified > COMMON_SYLLABLE);
  const pick = (k: 'exact' | 'fold', counts: Map<string, number>, df: Map<string, number>) =>
    [...counts]
      .filter(
        ([w, n]) =>
          n >= MIN_SOURCES + (w.includes('_') ? 1 : 0) && (df.get(w) ?? 0) <= MAX_REGISTER_DF && (spread[k].get(w) ?? 0) < MAX_DECREES && !common(k, w),
      )
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_WORDS)
      .map(([w]) => w)
      .sort();
  return {
    description:
      'Derived by tests/core/search/coverage-topics.ts (do not edit): words and syllable pairs ("a_b") naming the topics of each decree without text, from its title, the second-hand articles quoting it and the national procedure records citing it, that the loaded register does not use. A question whose missing words are among them names that decree first.',
    decrees: per.map((p) => ({
      number: p.number,
      topic: p.topic,
      exact: pick('exact', p.counts.exact, dfExact),
      fold: pick('fold', p.counts.fold, dfFold),
    })),
  };
}
