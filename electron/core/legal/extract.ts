/**
 * Extraction of authority assignments from a parsed decree into the register
 * file for data/register/. One record per (provision, holder, role); ids come
 * from citation + holder + role so they survive rebuilds. Every clause with an
 * authority phrase either becomes a record or is listed in `excluded` with a reason.
 * Curated corrections are data (data/corrections), applied here by citation.
 */
import type { AuthorityRecord, Citation } from '../model';
import { extractProcedures, linkProcedures } from './annex-records';
import { type Correction, applyCorrections, noteRemovedTails } from './apply-corrections';
import { GENERAL_ARTICLE, TRANSITIONAL_ARTICLE, autoReason, authorityUnits, walkUnits } from './authority-units';
import type { CatalogueEntry } from './catalogue';
import { visit } from './clauses';
import { addRecord, type Ctx, findAll } from './record';
import { within } from './record-ids';
import { type LegalNode, type ParsedDecree, citationKey, findProvision } from './structure';
import { matchForm } from './text';
import { unknownHolders } from './unknown-holders';

export interface RegisterFile {
  document: string;
  source: { file: string; sha256: string };
  records: AuthorityRecord[];
  excluded: Array<{ citation: Citation; reason: string }>;
  unresolvedCitations: Array<{ citation: Citation; text: string }>;
}

/** Problems found while applying corrections (a stale correction must not pass silently). */
export let lastCorrectionProblems: string[] = [];

/** For acts outside the batch: which articles re-assign powers (the rest is read past, with a reason). */
export interface ExtractScope {
  inScope: (article: LegalNode) => boolean;
  reason: string;
  /** Annex procedures and blanket transfers are read only for decrees of the batch. */
  annexes: boolean;
}

export function extractRegister(parsed: ParsedDecree, doc: CatalogueEntry, corrections: Correction[], scope?: ExtractScope): RegisterFile {
  const ctx: Ctx = {
    doc,
    parsed,
    records: new Map(),
    covered: new Set(),
    excluded: new Map(),
    sourceText: new Map(),
    sourceHeading: new Map(),
  };
  for (const art of parsed.articles) {
    if (GENERAL_ARTICLE.test(art.heading ?? '') && !TRANSITIONAL_ARTICLE.test(art.heading ?? '')) continue;
    if (scope && !scope.inScope(art)) continue;
    visit(ctx, art, art, []);
  }
  if (!scope || scope.annexes) {
    // Blanket transfers written in an annex ("… chuyển giao tương ứng cho Ủy ban nhân dân cấp xã …").
    walkUnits(parsed.annexes, null, (n) => {
      if (n.kind === 'annex' || n.kind === 'section') return;
      for (const f of findAll(n.ownText)) if (f.a.verb === 'chuyển giao cho') addRecord(ctx, n, f, null, null);
    });
    const bySection = extractProcedures(ctx);
    linkProcedures(ctx, bySection);
  }
  lastCorrectionProblems = applyCorrections(ctx, corrections);
  noteRemovedTails(ctx);

  // Every unit with an authority phrase: a record, a record below it, or a reason.
  const recordCitations = [...ctx.records.values()].map((r) => r.citation);
  for (const { node, article, parent } of authorityUnits(parsed)) {
    const key = citationKey(node.citation);
    if (ctx.excluded.has(key)) continue;
    // A unit giving a task to a body the vocabulary does not know is explained only by a reason, records or not.
    const unknown = unknownHolders(matchForm(node.ownText)).length > 0;
    if (!unknown && (ctx.covered.has(key) || recordCitations.some((c) => within(c, node.citation)))) continue;
    if (scope && (node.citation.annex !== null ? !scope.annexes : article !== null && !scope.inScope(article))) {
      ctx.excluded.set(key, { citation: node.citation, reason: scope.reason });
      continue;
    }
    const reason = autoReason(node, article, parent);
    if (reason) ctx.excluded.set(key, { citation: node.citation, reason });
  }

  const records = [...ctx.records.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const unresolved: Array<{ citation: Citation; text: string }> = [];
  for (const r of records) {
    if (!findProvision(parsed, r.citation)) unresolved.push({ citation: r.citation, text: `Bản ghi ${r.id}` });
    const src = ctx.sourceText.get(r.id) ?? '';
    for (const m of src.matchAll(/(?:khoản (\d+) )?Điều (\d+) (?:của )?Nghị định này/gu)) {
      const cit: Citation = { ...r.citation, annex: null, article: Number(m[2]), clause: m[1] ? Number(m[1]) : null, point: null };
      if (!findProvision(parsed, cit)) unresolved.push({ citation: cit, text: `Dẫn chiếu trong ${r.id}: ${m[0]}` });
    }
  }
  const excluded = [...ctx.excluded.values()].sort((a, b) =>
    citationKey(a.citation) < citationKey(b.citation) ? -1 : citationKey(a.citation) > citationKey(b.citation) ? 1 : a.reason.localeCompare(b.reason),
  );
  return {
    document: doc.number,
    source: { file: doc.file ?? '', sha256: parsed.sha256 },
    records,
    excluded,
    unresolvedCitations: unresolved,
  };
}

export type { Correction } from './apply-corrections';
export { AUTHORITY_RE, authorityUnits } from './authority-units';
export { fieldOf, mechanismInSentence, mechanismOf } from './mechanism';
export { recordId, sameCitation, within } from './record-ids';
