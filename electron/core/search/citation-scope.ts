/**
 * What a citation typed in the query ("nđ 120 điều 4 khoản 2", "140/2025",
 * "đ5 k2") means for the search: the records it restricts to, and the
 * provision to jump to.
 */
import type { Citation } from '../model';
import type { SearchEngine } from './engine';
import type { SearchDoc } from './fields';
import type { ParsedQuery } from './query';

export interface CitationScope {
  mask: Uint8Array | null;
  jump: Citation | null;
  /** The user named a decree the knowledge base does not hold: nothing to show. */
  unknownDocument: boolean;
  /** An article without a decree, next to words: rank that article higher instead of restricting. */
  boostArticle: boolean;
}

/** Records matching the citation the user typed, and the provision to jump to. */
export function citationScope(
  engine: SearchEngine,
  plan: ParsedQuery,
): CitationScope {
  const ref = plan.ref;
  let document: string | null = null;
  if (ref.docNumber != null) {
    const key = ref.docYear != null ? `${ref.docNumber}/${ref.docYear}` : String(ref.docNumber);
    document = engine.documentKeys.get(key) ?? null;
    if (!document) return { mask: null, jump: null, unknownDocument: true, boostArticle: false };
  }
  if (!document && ref.article == null) return { mask: null, jump: null, unknownDocument: false, boostArticle: false };
  // Without a document, an article number alone only restricts when nothing else was typed.
  if (!document && plan.terms.length > 0) return { mask: null, jump: null, unknownDocument: false, boostArticle: true };
  const matchesRef = (d: SearchDoc, level: number) => {
    const c = d.record.citation;
    if (level >= 1 && ref.article != null && c.article !== ref.article) return false;
    if (level >= 2 && ref.clause != null && c.clause !== ref.clause) return false;
    if (level >= 3 && ref.point != null && c.point !== ref.point) return false;
    return true;
  };
  const pool = document ? (engine.byDocument.get(document) ?? []) : engine.docs.map((_d, i) => i);
  // Most precise level that still has records: "điều 4 khoản 9" of a 3-clause article shows the article.
  const mask = new Uint8Array(engine.docs.length);
  for (let level = 3; level >= 0; level--) {
    let any = false;
    for (const i of pool) {
      if (matchesRef(engine.docs[i] as SearchDoc, level)) {
        mask[i] = 1;
        any = true;
      }
    }
    if (any) break;
  }
  const jump: Citation | null =
    document && ref.article != null
      ? { document, article: ref.article, clause: ref.clause, point: ref.point, annex: null }
      : null;
  return { mask, jump, unknownDocument: false, boostArticle: false };
}

export function compareCitation(a: SearchDoc, b: SearchDoc): number {
  const x = a.record.citation;
  const y = b.record.citation;
  if (x.document !== y.document) return x.document < y.document ? -1 : 1;
  const ax = x.article ?? 1e9;
  const ay = y.article ?? 1e9;
  if (ax !== ay) return ax - ay;
  const cx = x.clause ?? -1;
  const cy = y.clause ?? -1;
  if (cx !== cy) return cx - cy;
  const px = x.point ?? '';
  const py = y.point ?? '';
  return px < py ? -1 : px > py ? 1 : 0;
}

