/**
 * Parser of Vietnamese legal structure: Chương / Mục / Điều / khoản / điểm in the
 * body, Phụ lục / mục / khoản / điểm in the annexes. Articles are counted only
 * before the first "PHỤ LỤC" heading, so sample decisions inside annexes (their
 * own "Điều 1–3") never become articles. The text of every unit is kept as written.
 */
import { createHash } from 'node:crypto';
import type { Citation, Provision } from '../model';
import { type CatalogueEntry, guessFromTitle } from './catalogue';
import { parseAnnexes } from './annex-parse';
import { parseBody } from './body-parse';
import { SIGNED, annexStart, cleanLines, findIssued, findNumber, findTitle, findValidity } from './decree-header';
import { type LegalNode, type ParsedDecree, citationKey, fullText } from './legal-node';

export { citationKey, fullText } from './legal-node';
export type { LegalNode, NodeKind, ParsedDecree, ParsedValidity } from './legal-node';

function toProvisions(nodes: LegalNode[], out: Provision[]): void {
  for (const n of nodes) {
    // Articles and annexes keep their lead-in only; a clause or item keeps its points too.
    const whole = n.kind === 'clause' || n.kind === 'item' || n.kind === 'point';
    const text = whole || n.children.length === 0 ? fullText(n) : n.ownText;
    out.push({ citation: n.citation, path: n.path, heading: n.heading, text });
    toProvisions(n.children, out);
  }
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
