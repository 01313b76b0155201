/**
 * The units a decree is parsed into (article, clause, point; annex, section, item) and the small helpers
 * both parsers share.
 */
import type { Citation, Provision } from '../model';
import type { CatalogueEntry } from './catalogue';

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

export function emptyCitation(document: string): Citation {
  return { document, article: null, clause: null, point: null, annex: null };
}

export function appendText(node: LegalNode, line: string): void {
  node.ownText = node.ownText ? `${node.ownText}\n${line}` : line;
}

/** Full text of a unit: its lead-in and all sub-units. */
export function fullText(node: LegalNode): string {
  return [node.ownText, ...node.children.map(fullText)].filter((t) => t).join('\n');
}

/** Key of a citation, for lookups and corrections. */
export function citationKey(c: Citation): string {
  return [c.document, c.annex ?? '', c.article ?? '', c.clause ?? '', c.point ?? ''].join('|');
}
