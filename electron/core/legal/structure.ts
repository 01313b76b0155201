/**
 * Parser of Vietnamese legal structure: Chương / Mục / Điều / khoản / điểm in the
 * body, Phụ lục / mục / khoản / điểm in the annexes. Articles are counted only
 * before the first "PHỤ LỤC" heading, so sample decisions inside annexes (their
 * own "Điều 1–3") never become articles. The text of every unit is kept as written.
 */
import { createHash } from 'node:crypto';
import type { Citation, Provision } from '../model';
import { type CatalogueEntry, guessFromTitle } from './catalogue';
import { DATE_RE, addDays, isoDate, nextPointLetter, romanToInt, sentenceCase } from './text';

export type NodeKind = 'article' | 'clause' | 'point' | 'annex' | 'section' | 'item';

/** One unit of the decree with its lead-in text and sub-units. */
export interface LegalNode {
  kind: NodeKind;
  citation: Citation;
  /** Chương / Mục headings (body) or the annex title (annexes). */
  path: string[];
  /** Article title, annex section title. */
  heading: string | null;
  /** Text before the first child (the whole text when there are no children). */
  ownText: string;
  children: LegalNode[];
}

export interface ParsedValidity {
  from: string | null;
  to: string | null;
  note: string | null;
}

export interface ParsedDecree {
  number: string | null;
  title: string | null;
  issued: string | null;
  sha256: string;
  validity: ParsedValidity;
  /** Body articles in order (annex "Điều" excluded). */
  articles: LegalNode[];
  annexes: LegalNode[];
  /** One per article intro, clause, point and annex unit; resolves any citation to its text. */
  provisions: Provision[];
  /** What the text itself says about the decree, for one missing from the catalogue (guesses flagged). */
  catalogueEntry: CatalogueEntry;
}

const NUMBER_RE = /Số:\s*(\d+)\s*\/\s*(\d{4})\s*\/\s*N[ĐD]\s*-\s*CP/iu;
/** A province's decision: "Số: 40/2026/QĐ-UBND". */
const PROVINCIAL_NUMBER_RE = /Số:\s*(\d+)\s*\/\s*(\d{4})\s*\/\s*Q[ĐD]\s*-\s*UBND/iu;
const ARTICLE_RE = /^Điều\s+(\d+)\s*\.\s*(.*)$/u;
const CHAPTER_RE = /^Chương\s+([IVXLC]+)\b\.?\s*(.*)$/u;
const SECTION_RE = /^Mục\s+(\d+)\b\.?\s*(.*)$/u;
const CLAUSE_RE = /^(\d{1,3})\.\s+(.*)$/u;
const POINT_RE = /^([a-zđ])\)\s*(.*)$/u;
const ANNEX_RE = /^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:số\s+)?([IVXLC]+|\d+))?\s*$/u;
const ANNEX_SECTION_RE = /^([IVXLC]+)\.\s+(.*)$/u;
/** "Mục 1" then its title on the next line (144 Phụ lục I, II): numbered sections whose clauses restart at 1. */
const ANNEX_ARABIC_SECTION_RE = /^Mục (\d+)\.?\s*(.*)$/u;
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

function emptyCitation(document: string): Citation {
  return { document, article: null, clause: null, point: null, annex: null };
}

function cleanLines(text: string): string[] {
  return text
    .normalize('NFC')
    .split(/\r?\n/)
    .map((l) => l.replace(/[\u00a0\u2007\u202f\t]/g, ' ').replace(/\s+$/u, '').trim());
}

function findNumber(lines: string[]): string | null {
  for (const l of lines.slice(0, 40)) {
    const m = NUMBER_RE.exec(l);
    if (m) return `${Number(m[1])}/${m[2]}/NĐ-CP`;
    const q = PROVINCIAL_NUMBER_RE.exec(l);
    if (q) return `${Number(q[1])}/${q[2]}/QĐ-UBND`;
  }
  return null;
}

function findIssued(lines: string[]): string | null {
  for (const l of lines.slice(0, 40)) {
    if (!/(Hà Nội|ngày)/u.test(l) || /Căn cứ/u.test(l)) continue;
    const m = DATE_RE.exec(l);
    if (m && m[1] && m[2] && m[3]) return isoDate(m[1], m[2], m[3]);
  }
  return null;
}

/** Lines after "NGHỊ ĐỊNH" up to "Căn cứ …" form the title. */
function findTitle(lines: string[]): string | null {
  const start = lines.findIndex((l, i) => i < 60 && /^(?:NGHỊ ĐỊNH|QUYẾT ĐỊNH)$/u.test(l));
  if (start < 0) return null;
  const parts: string[] = [];
  for (const l of lines.slice(start + 1, start + 8)) {
    if (/^Căn cứ/u.test(l) || /^Chương/u.test(l)) break;
    if (l && !/^[-_=.…\s]+$/u.test(l)) parts.push(l.replace(/[_]{3,}/gu, '').trim());
  }
  if (parts.length === 0) return null;
  return sentenceCase(parts.join(' ').replace(/\s+/g, ' ').trim());
}

/** Where the body ends: the first annex heading (or the end of the text). */
function annexStart(lines: string[]): number {
  const firstArticle = lines.findIndex((l) => ARTICLE_RE.test(l));
  for (let i = Math.max(firstArticle, 0); i < lines.length; i++) {
    if (ANNEX_RE.test(lines[i] ?? '')) return i;
  }
  return lines.length;
}

/** A line in capitals (a heading continued), not a sentence. */
function isCapitals(line: string): boolean {
  return /\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line) && !/^\d+\./u.test(line);
}

function appendText(node: LegalNode, line: string): void {
  node.ownText = node.ownText ? `${node.ownText}\n${line}` : line;
}

function parseBody(lines: string[], document: string): LegalNode[] {
  const articles: LegalNode[] = [];
  let chapter: string | null = null;
  let section: string | null = null;
  let pendingHeading: 'chapter' | 'section' | null = null;
  let article: LegalNode | null = null;
  let clause: LegalNode | null = null;
  let point: LegalNode | null = null;
  let ended = false;

  const path = (): string[] => [chapter, section].filter((x): x is string => x != null);

  for (const line of lines) {
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
    if (pendingHeading && !ARTICLE_RE.test(line)) {
      // The title of "Chương II" / "Mục 1" sits on the next line.
      if (pendingHeading === 'chapter') chapter = `${chapter}. ${line}`;
      else section = `${section}. ${line}`;
      pendingHeading = null;
      continue;
    }
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
  return articles;
}

function parseAnnexes(lines: string[], document: string): LegalNode[] {
  const annexes: LegalNode[] = [];
  let annex: LegalNode | null = null;
  let section: LegalNode | null = null;
  let item: LegalNode | null = null;
  let point: LegalNode | null = null;
  let wantTitle = false;
  let headingOpen = false;
  let part: string | null = null;
  let partIndex = 0;
  let bigPartLabel: string | null = null;
  let arabicSections = 0;
  // A "Mục N" whose body has Roman sections of its own ("Mục 1" / "I. …" in 144 Phụ lục II) is a grouping, not read
  // as a section (its Roman sections keep their numbering as before).
  const flatArabic = new Set<number>();
  lines.forEach((l, i) => {
    if (!ANNEX_ARABIC_SECTION_RE.test(l?.trim() ?? '')) return;
    for (let j = i + 1; j < lines.length; j++) {
      const n = lines[j]?.trim() ?? '';
      if (ANNEX_ARABIC_SECTION_RE.test(n) || ANNEX_RE.test(n)) break;
      if (/^I\.\s/u.test(n)) return;
    }
    flatArabic.add(i);
  });

  for (const [li, line] of lines.entries()) {
    if (!line) continue;
    const ax = ANNEX_RE.exec(line);
    if (ax) {
      const label = ax[1] ? `Phụ lục ${ax[1]}` : 'Phụ lục';
      annex = {
        kind: 'annex',
        citation: { ...emptyCitation(document), annex: label },
        path: [],
        heading: null,
        ownText: '',
        children: [],
      };
      annexes.push(annex);
      section = item = point = null;
      part = null;
      partIndex = 0;
      bigPartLabel = null;
      arabicSections = 0;
      wantTitle = true;
      continue;
    }
    if (!annex) continue;
    if (wantTitle) {
      annex.heading = line.replace(/\(Kèm theo.*$/u, '').trim() || line;
      annex.path = [`${annex.citation.annex}. ${sentenceCase(annex.heading)}`];
      wantTitle = false;
      appendText(annex, line);
      continue;
    }
    // "Phần I" … "Phần VIII" (151 Phụ lục I): numbered parts whose mục (and lettered parts) restart.
    const bigPart = /^Phần ([IVXLC]+)$/u.exec(line.trim());
    if (bigPart?.[1]) {
      bigPartLabel = `Phần ${bigPart[1]}`;
      part = null;
      partIndex = 0;
      section = item = point = null;
      headingOpen = false;
      appendText(annex, line);
      continue;
    }
    // "A. PHÂN PHỐI THUỐC LÁ" / "B. SẢN XUẤT THUỐC LÁ": parts whose mục restart at I.
    const partM = /^([A-H])\.\s+(.+)$/u.exec(line);
    if (partM && partM[1] === String.fromCharCode(65 + partIndex) && isCapitals(partM[2] ?? '')) {
      part = `phần ${partM[1]}`;
      partIndex++;
      section = item = point = null;
      headingOpen = false;
      appendText(annex, line);
      continue;
    }
    const arabic = ANNEX_ARABIC_SECTION_RE.exec(line.trim());
    if (arabic?.[1] && flatArabic.has(li) && Number(arabic[1]) === arabicSections + 1 && (!arabic[2] || isCapitals(arabic[2]))) {
      arabicSections++;
      section = {
        kind: 'section',
        citation: { ...annex.citation, annex: `mục ${arabic[1]} ${annex.citation.annex}` },
        path: annex.path,
        heading: arabic[2]?.trim() || null,
        ownText: line,
        children: [],
      };
      annex.children.push(section);
      item = point = null;
      headingOpen = true;
      continue;
    }
    const sec = ANNEX_SECTION_RE.exec(line);
    const expectedSection: number = (section ? romanToInt(section.citation.annex?.split(' ')[1] ?? '') : 0) + 1;
    if (sec && sec[1] && romanToInt(sec[1]) === expectedSection) {
      section = {
        kind: 'section',
        citation: { ...annex.citation, annex: `mục ${sec[1]} ${part ? `${part} ` : ''}${bigPartLabel ? `${bigPartLabel} ` : ''}${annex.citation.annex}` },
        path: annex.path,
        heading: sec[2]?.trim() ?? null,
        ownText: line,
        children: [],
      };
      annex.children.push(section);
      item = point = null;
      headingOpen = true;
      continue;
    }
    // 129's headings break across lines ("… PHÁP LỆNH (" / "ĐIỀU 5 NGHỊ ĐỊNH)"): capitals right after a heading belong to it.
    if (section && headingOpen && isCapitals(line)) {
      section.heading = `${section.heading ?? ''} ${line}`.replace(/\(\s+/gu, '(').trim();
      appendText(section, line);
      continue;
    }
    headingOpen = false;
    const parentOfItem = section ?? annex;
    const cl = CLAUSE_RE.exec(line);
    const expectedItem: number = (item?.citation.clause ?? 0) + 1;
    if (cl && Number(cl[1]) === expectedItem) {
      item = {
        kind: 'item',
        citation: { ...parentOfItem.citation, clause: expectedItem },
        path: annex.path,
        heading: section?.heading ?? annex.heading,
        ownText: line,
        children: [],
      };
      parentOfItem.children.push(item);
      point = null;
      continue;
    }
    const pt = POINT_RE.exec(line);
    if (item && pt && pt[1] === nextPointLetter(point?.citation.point ?? null)) {
      point = {
        kind: 'point',
        citation: { ...item.citation, point: pt[1] },
        path: annex.path,
        heading: item.heading,
        ownText: line,
        children: [],
      };
      item.children.push(point);
      continue;
    }
    appendText(point ?? item ?? section ?? annex, line);
  }
  return annexes;
}

/** Full text of a unit: its lead-in and all sub-units. */
export function fullText(node: LegalNode): string {
  return [node.ownText, ...node.children.map(fullText)].filter((t) => t).join('\n');
}

function toProvisions(nodes: LegalNode[], out: Provision[]): void {
  for (const n of nodes) {
    // Articles and annexes keep their lead-in only; a clause or item keeps its points too.
    const whole = n.kind === 'clause' || n.kind === 'item' || n.kind === 'point';
    const text = whole || n.children.length === 0 ? fullText(n) : n.ownText;
    out.push({ citation: n.citation, path: n.path, heading: n.heading, text });
    toProvisions(n.children, out);
  }
}

/** Placeholder for "từ ngày ký": replaced by the date the act was signed. */
const SIGNED = 'signed';

function findValidity(articles: LegalNode[]): ParsedValidity {
  const art = articles.find((a) => /hiệu lực/iu.test(a.heading ?? ''));
  if (!art) return { from: null, to: null, note: null };
  const text = fullText(art).replace(/\s+/g, ' ');
  let from: string | null = null;
  let to: string | null = null;
  const f = /có hiệu lực(?: thi hành)?(?: kể)? từ ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/u.exec(text);
  // "Nghị định này có hiệu lực thi hành kể từ ngày ký ban hành" (26/2026): the act takes effect when signed;
  // a later date in the article is then for some of its articles only.
  const onSigning = /(?:Nghị định|Quyết định) này có hiệu lực(?: thi hành)?(?: kể)? từ ngày ký/u.exec(text);
  if (onSigning && (!f || onSigning.index < f.index)) from = SIGNED;
  else if (f && f[1] && f[2] && f[3]) from = isoDate(f[1], f[2], f[3]);
  const endOn = /hết hiệu lực(?: thi hành)?(?: kể)? từ ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/u.exec(text);
  const untilEnd = /đến hết ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/u.exec(text);
  const untilBefore = /đến trước ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/u.exec(text);
  if (endOn && endOn[1] && endOn[2] && endOn[3]) to = isoDate(endOn[1], endOn[2], endOn[3]);
  else if (untilEnd && untilEnd[1] && untilEnd[2] && untilEnd[3])
    to = addDays(isoDate(untilEnd[1], untilEnd[2], untilEnd[3]), 1);
  else if (untilBefore && untilBefore[1] && untilBefore[2] && untilBefore[3])
    to = isoDate(untilBefore[1], untilBefore[2], untilBefore[3]);
  const exceptions = /trừ (?:các )?trường hợp|trừ quy định/u.test(text);
  const note = exceptions ? `Có ngoại lệ về hiệu lực, xem Điều ${art.citation.article}` : null;
  return { from, to, note };
}

export function parseDecree(text: string): ParsedDecree {
  const nfc = text.normalize('NFC');
  const lines = cleanLines(nfc);
  const number = findNumber(lines);
  const document = number ?? 'không rõ số';
  const cut = annexStart(lines);
  const articles = parseBody(lines.slice(0, cut), document);
  const annexes = parseAnnexes(lines.slice(cut), document);
  const provisions: Provision[] = [];
  toProvisions(articles, provisions);
  toProvisions(annexes, provisions);
  const title = findTitle(lines);
  const issued = findIssued(lines);
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  const found = findValidity(articles);
  const validity = { ...found, from: found.from === SIGNED ? issued : found.from };
  const g = guessFromTitle(title ?? '');
  const catalogueEntry: CatalogueEntry = {
    number: document,
    title: title ?? document,
    sector: g.sector,
    ministry: g.ministry,
    kind: g.kind,
    issued,
    effective: validity.from,
    expires: validity.to,
    validityNote: validity.note,
    file: null,
    sha256,
    bodyArticles: articles.length,
    inBatch: false,
    flags: ['not-in-batch', 'kind-guessed', 'sector-guessed'],
  };
  return { number, title, issued, sha256, validity, articles, annexes, provisions, catalogueEntry };
}

/** Key of a citation, for lookups and corrections. */
export function citationKey(c: Citation): string {
  return [c.document, c.annex ?? '', c.article ?? '', c.clause ?? '', c.point ?? ''].join('|');
}

/** Provisions by citation key (the first of each key, as a scan would find), per provisions array. */
const provisionIndex = new WeakMap<Provision[], { size: number; byKey: Map<string, Provision> }>();

/**
 * Resolve a citation to its provision (null when the text has no such unit).
 * An index built once per text keeps extraction linear (a scan per record was quadratic);
 * it is rebuilt when the array grows or shrinks.
 */
export function findProvision(parsed: ParsedDecree, c: Citation): Provision | null {
  let index = provisionIndex.get(parsed.provisions);
  if (!index || index.size !== parsed.provisions.length) {
    const byKey = new Map<string, Provision>();
    for (const p of parsed.provisions) {
      const key = citationKey(p.citation);
      if (!byKey.has(key)) byKey.set(key, p);
    }
    index = { size: parsed.provisions.length, byKey };
    provisionIndex.set(parsed.provisions, index);
  }
  return index.byKey.get(citationKey(c)) ?? null;
}

function contains(outer: Citation, inner: Citation): boolean {
  if (outer.annex !== inner.annex && !(inner.annex ?? '').endsWith(outer.annex ?? '\u0000')) return false;
  if (outer.article !== null && outer.article !== inner.article) return false;
  if (outer.clause !== null && outer.clause !== inner.clause) return false;
  if (outer.point !== null && outer.point !== inner.point) return false;
  return true;
}

/**
 * What a reader sees around a provision: the article heading, the lead-ins it
 * completes ("… do Sở Nội vụ thực hiện như sau:") and its own full text.
 * A record's holder must occur here.
 */
export function contextOf(parsed: ParsedDecree, c: Citation): string | null {
  const chain: LegalNode[] = [];
  const search = (nodes: LegalNode[]): boolean => {
    for (const n of nodes) {
      if (citationKey(n.citation) === citationKey(c)) {
        chain.push(n);
        return true;
      }
      if (contains(n.citation, c)) {
        chain.push(n);
        if (search(n.children)) return true;
        chain.pop();
      }
    }
    return false;
  };
  if (!search(c.annex ? parsed.annexes : parsed.articles)) return null;
  const target = chain[chain.length - 1];
  if (!target) return null;
  const parts = chain.slice(0, -1).map((n) => `${n.heading ?? ''}\n${n.ownText}`);
  parts.push(`${target.heading ?? ''}\n${fullText(target)}`);
  return parts.join('\n');
}
