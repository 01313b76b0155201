/**
 * The annexes of a decree: Phụ lục, its "Phần I…", lettered parts, Roman or "Mục N" sections, items and points.
 */
import { CLAUSE_RE, POINT_RE } from './body-parse';
import { type LegalNode, appendText, emptyCitation } from './legal-node';
import { nextPointLetter, romanToInt, sentenceCase } from './text';

export const ANNEX_RE = /^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:số\s+)?([IVXLC]+|\d+))?\s*$/u;
const ANNEX_SECTION_RE = /^([IVXLC]+)\.\s+(.*)$/u;
/** "Mục 1" then its title on the next line (144 Phụ lục I, II): numbered sections whose clauses restart at 1. */
const ANNEX_ARABIC_SECTION_RE = /^Mục (\d+)\.?\s*(.*)$/u;

/** A line in capitals (a heading continued), not a sentence. */
export function isCapitals(line: string): boolean {
  return /\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line) && !/^\d+\./u.test(line);
}

/** A section of an annex opens with its heading line; items restart under it. */
function openSection(annex: LegalNode, label: string, heading: string | null, line: string): LegalNode {
  const section: LegalNode = { kind: 'section', citation: { ...annex.citation, annex: label }, path: annex.path, heading, ownText: line, children: [] };
  annex.children.push(section);
  return section;
}

export function parseAnnexes(lines: string[], document: string): LegalNode[] {
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
      section = openSection(annex, `mục ${arabic[1]} ${annex.citation.annex}`, arabic[2]?.trim() || null, line);
      item = point = null;
      headingOpen = true;
      continue;
    }
    const sec = ANNEX_SECTION_RE.exec(line);
    const expectedSection: number = (section ? romanToInt(section.citation.annex?.split(' ')[1] ?? '') : 0) + 1;
    if (sec && sec[1] && romanToInt(sec[1]) === expectedSection) {
      const label = `mục ${sec[1]} ${part ? `${part} ` : ''}${bigPartLabel ? `${bigPartLabel} ` : ''}${annex.citation.annex}`;
      section = openSection(annex, label, sec[2]?.trim() ?? null, line);
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
