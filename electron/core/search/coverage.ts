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
import { SECTOR_LABELS, type SectorId } from '../model';
import { tokenize } from '../text/tokenize';
import type { SearchEngine } from './engine';
import { FILLERS } from './lexicon';
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
  return (topicsData as { decrees: Array<{ number: string; topic: string; exact: string[]; fold: string[] }> }).decrees.map((d) => {
    // Pairs within each part of the sector's name ("văn hóa, thể thao và du lịch" → văn hóa, thể thao, du lịch).
    const topicPairs = new Set<string>();
    for (const part of d.topic.split(/,|;|\svà\s/u)) {
      const words = tokenize(part).map((t) => t.fold);
      for (let i = 0; i + 1 < words.length; i++) {
        if (!FILLERS.titlePairs.has(`${words[i]} ${words[i + 1]}`)) topicPairs.add(`${words[i]}_${words[i + 1]}`);
      }
    }
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

/**
 * Decrees without text whose topic the question names. Only the words the first hit lacks count
 * (`lacking`, folded; "*" = nothing was found): a question our register answers names no other decree.
 */
export function outOfCoverage(engine: SearchEngine, plan: ParsedQuery, lacking: Set<string> | null): OutOfCoverage[] {
  if (!lacking) return [];
  TOPICS ??= compile();
  const all = lacking.has('*');
  const words = plan.terms.filter((t) => !t.filler && !t.soft && !t.expanded && !t.optional);
  if (words.length === 0) return [];
  const shown = words.map((t) => t.exact ?? t.fold);
  const out: Array<OutOfCoverage & { n: number }> = [];
  for (const t of TOPICS) {
    // A text imported since: its records answer, this is no longer out of coverage.
    if ((engine.byDocument.get(t.number) ?? []).some((i) => engine.docs[i]?.record.sourceStatus === 'verified')) continue;
    const said = new Set<string>();
    const missing = (w: (typeof words)[number]) => all || lacking.has(w.fold);
    words.forEach((w, i) => {
      if (missing(w) && (w.exact ? t.exact.has(w.exact) : t.fold.has(w.fold))) said.add(w.exact ?? w.fold);
      const next = words[i + 1];
      if (!next) return;
      // The sector the decree's title names ("giáo dục", "y tế") counts whenever the first hit is not sure.
      const topic = t.topicPairs.has(`${w.fold}_${next.fold}`);
      const pair = (missing(w) || missing(next)) && (w.exact && next.exact ? t.exact.has(`${w.exact}_${next.exact}`) : t.fold.has(`${w.fold}_${next.fold}`));
      if (pair || topic) said.add(`${shown[i]} ${shown[i + 1]}`);
    });
    if (said.size === 0) continue;
    // "Lĩnh vực khác" says nothing: the title's own sector then ("Giáo dục và Đào tạo").
    const sector = t.sector === 'other' ? t.topic.charAt(0).toUpperCase() + t.topic.slice(1) : (SECTOR_LABELS[t.sector] ?? t.sector);
    out.push({
      number: t.number,
      title: t.title,
      sector,
      reason:
        `Câu hỏi có «${[...said].slice(0, 4).join('», «')}» — thuộc lĩnh vực ${t.topic} của Nghị định ${t.number}. ` +
        'Chưa có văn bản nghị định này: các kết quả dưới đây có thể chỉ là việc gần giống ở nghị định khác. Nhập văn bản: kb import <tệp .docx hoặc .txt>.',
      n: said.size,
    });
  }
  return out
    .sort((a, b) => b.n - a.n || (a.number < b.number ? -1 : 1))
    .slice(0, MAX_NOTICES)
    .map(({ n: _n, ...o }) => o);
}
