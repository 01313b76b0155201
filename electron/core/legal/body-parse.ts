/**
 * The body of a decree: Chương / Mục headings, Điều, khoản, điểm, with scan-misread clause numbers accepted
 * only where the article expects them.
 */
import { type LegalNode, appendText, emptyCitation } from './legal-node';
import { dropRepeatedParagraphs } from './repeated-paragraphs';
import { nextPointLetter } from './text';

export const ARTICLE_RE = /^Điều\s+(\d+)\s*\.\s*(.*)$/u;
export const CHAPTER_RE = /^Chương\s+([IVXLC]+)\b\.?\s*(.*)$/u;
export const SECTION_RE = /^Mục\s+(\d+)\b\.?\s*(.*)$/u;
export const CLAUSE_RE = /^(\d{1,3})\.\s+(.*)$/u;
export const POINT_RE = /^([a-zđ])\)\s*(.*)$/u;
const BODY_END_RE = /^(Nơi nhận\s*:|TM\.\s*CHÍNH PHỦ)/u;

/**
 * Scan transcriptions misread clause numbers: "„__L. Ủy ban nhân dân …" (217/2026 Điều 53 khoản 1),
 * "1, Theo chuyên ngành …", "„1. Riêng đối với …", "5, Cơ quan …". Accepted only for the number the
 * article expects next, before a capital letter; the line is kept as written (the misreading stays visible).
 */
function scanClause(line: string, clause: LegalNode | null, article: LegalNode | null): RegExpExecArray | null {
  if (!article) return null;
  const expected = (clause?.citation.clause ?? 0) + 1;
  const first = !clause && article.ownText.trim() === '' && article.children.length === 0;
  const l = first ? /^[^\p{L}\d]{1,4}[lLI|]\.\s+(\p{Lu}.*)$/u.exec(line) : null;
  if (l) return ['1', '1', l[1]!] as unknown as RegExpExecArray;
  // Quotes are no scan noise: "“4. Việc giao đất …”" is wording an amending act writes, not its clause.
  const m = /^[^\p{L}\d“”"]{0,3}(\d{1,3})[.,]\s+(\p{Lu}.*)$/u.exec(line);
  if (!m || Number(m[1]) !== expected || (/^\d/u.test(line) && line.charAt(m[1]!.length) === '.')) return null;
  return [m[0], m[1]!, m[2]!] as unknown as RegExpExecArray;
}

/** A section title line: upper case, no article or clause ("LĨNH VỰC THỪA PHÁT LẠI"). */
function isSectionTitle(line: string): boolean {
  return /^[A-ZĐ\p{Lu}][A-ZĐ\p{Lu}\s,;-]+$/u.test(line) && !ARTICLE_RE.test(line);
}

export function parseBody(lines: string[], document: string): LegalNode[] {
  const articles: LegalNode[] = [];
  let chapter: string | null = null;
  let section: string | null = null;
  let pendingHeading: 'chapter' | 'section' | null = null;
  let sectionTitleOpen = false;
  let article: LegalNode | null = null;
  let clause: LegalNode | null = null;
  let point: LegalNode | null = null;
  let ended = false;

  const path = (): string[] => [chapter, section].filter((x): x is string => x != null);

  for (const [i, line] of lines.entries()) {
    if (!line) continue;
    if (BODY_END_RE.test(line)) {
      ended = true;
      continue;
    }
    const ch = CHAPTER_RE.exec(line);
    if (ch) {
      chapter = ch[2] ? `Chương ${ch[1]}. ${ch[2]}` : `Chương ${ch[1]}`;
      section = null;
      pendingHeading = ch[2] ? null : 'chapter';
      article = clause = point = null;
      ended = false;
      continue;
    }
    const sec = SECTION_RE.exec(line);
    if (sec && !article) {
      section = sec[2] ? `Mục ${sec[1]}. ${sec[2]}` : `Mục ${sec[1]}`;
      pendingHeading = sec[2] ? null : 'section';
      continue;
    }
    if (sec && article && /^[A-ZĐ\p{Lu}\s,]+$/u.test(sec[2] ?? '')) {
      section = `Mục ${sec[1]}. ${sec[2]}`;
      pendingHeading = null;
      article = clause = point = null;
      continue;
    }
    // A bare "Mục 2" after an article, its upper-case title on the next line (121 Chương II, III: "LĨNH VỰC
    // TRỌNG TÀI THƯƠNG MẠI"): a new section, not the article's text — else every later article kept Mục 1's field.
    if (sec && article && !sec[2] && isSectionTitle(lines.slice(i + 1).find((x) => x) ?? '')) {
      section = `Mục ${sec[1]}`;
      pendingHeading = 'section';
      article = clause = point = null;
      continue;
    }
    if (pendingHeading && !ARTICLE_RE.test(line)) {
      // The title of "Chương II" / "Mục 1" sits on the next line.
      if (pendingHeading === 'chapter') chapter = `${chapter}. ${line}`;
      else section = `${section}. ${line}`;
      sectionTitleOpen = pendingHeading === 'section';
      pendingHeading = null;
      continue;
    }
    // A section title broken over two upper-case lines ("… TỔ HỢP TÁC," / "HỢP TÁC XÃ, LIÊN HIỆP HỢP TÁC XÃ", 125).
    if (sectionTitleOpen && !article && isSectionTitle(line)) {
      section = `${section} ${line}`;
      continue;
    }
    sectionTitleOpen = false;
    pendingHeading = null;
    const art = ARTICLE_RE.exec(line);
    if (art) {
      article = {
        kind: 'article',
        citation: { ...emptyCitation(document), article: Number(art[1]) },
        path: path(),
        heading: art[2]?.trim() || null,
        ownText: '',
        children: [],
      };
      articles.push(article);
      clause = point = null;
      ended = false;
      continue;
    }
    if (!article || ended) continue;
    // A heading broken across lines: its continuation starts in lower case before any text.
    if (!article.ownText && article.children.length === 0 && /^\p{Ll}/u.test(line)) {
      article.heading = `${article.heading ?? ''} ${line}`.trim();
      continue;
    }
    const cl: RegExpExecArray | null = CLAUSE_RE.exec(line) ?? scanClause(line, clause, article);
    const expectedClause: number = (clause?.citation.clause ?? 0) + 1;
    if (cl && Number(cl[1]) === expectedClause) {
      clause = {
        kind: 'clause',
        citation: { ...article.citation, clause: expectedClause },
        path: article.path,
        heading: article.heading,
        ownText: line,
        children: [],
      };
      article.children.push(clause);
      point = null;
      continue;
    }
    const pt = POINT_RE.exec(line);
    const parent = clause ?? article;
    if (pt && pt[1] === nextPointLetter(point?.citation.point ?? null)) {
      point = {
        kind: 'point',
        citation: { ...parent.citation, point: pt[1] },
        path: article.path,
        heading: article.heading,
        ownText: line,
        children: [],
      };
      parent.children.push(point);
      continue;
    }
    appendText(point ?? clause ?? article, line);
  }
  for (const a of articles) dropRepeatedParagraphs(a);
  return articles;
}
