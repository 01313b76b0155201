/**
 * How sure the engine is that a record answers the question (calibrated confidence), and the phrase
 * checks behind it: every informative word held, standing next to its neighbours in the question,
 * named in the task's name or heading or only in the running text. Per-record word strings are built
 * once, on first need.
 */
import type { SearchEngine } from './engine';
import type { SearchDoc } from './fields';
import type { Confidence } from './page';
import { holds, type Posting } from './postings';
import type { QueryTerm } from './query';
import { foldedWords } from '../text/tokenize';

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
export function lackingReason(lacking: string[]): string {
  return `Gần đúng — không có từ: ${lacking.join(', ')}. Kiểm tra lại trước khi dùng.`;
}

/**
 * Calibrated confidence, from what the record holds of the question:
 * - low: an informative word (not filler, not a function word) is missing — a neighbouring task, to check;
 * - medium: every informative word is there, but some stand apart from their neighbours in the question,
 *   or, typed without marks (a folded word may be another word), some only in the clause's running text;
 * - high: every informative word is there, typed with marks or all in the name / heading.
 */
export function judgeFor(
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
export function wordsTogether(doc: SearchDoc, informative: QueryTerm[], typed: QueryTerm[]): boolean {
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
export function hasPhrases(doc: SearchDoc, phrases: string[][], openLast: boolean): boolean {
  const texts = wordStringsOf(doc);
  return phrases.every((p, i) => {
    // A phrase still being typed: its last word may be incomplete.
    const needle = ` ${p.join(' ')}${openLast && i === phrases.length - 1 ? '' : ' '}`;
    return texts.some((t) => t.includes(needle));
  });
}
