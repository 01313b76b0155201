/**
 * Coverage of a decree by its register: how many clauses carry an authority
 * phrase, how many became records, how many were left out with a reason, and
 * how many are left out with none ("unexplained", the number to bring to 0).
 */
import type { Citation } from '../model';
import { type RegisterFile, authorityUnits, within } from './extract';
import { type ParsedDecree, citationKey } from './structure';
import { clip, matchForm } from './text';
import { unknownHolders } from './unknown-holders';

export interface CoverageRow {
  document: string;
  textLoaded: boolean;
  authorityClauses: number;
  records: number;
  unexplained: number;
  unresolvedCitations: number;
  /** Every clause left out, with its reason (for the readable table). */
  excluded: Array<{ citation: Citation; reason: string }>;
  /** The clauses left out with no reason (short excerpt for the readable table). */
  unexplainedClauses?: Array<{ citation: Citation; excerpt: string }>;
}

export function coverageOf(parsed: ParsedDecree, register: RegisterFile): CoverageRow {
  const units = authorityUnits(parsed);
  const excludedKeys = new Set(register.excluded.map((x) => citationKey(x.citation)));
  const unexplained: CoverageRow['unexplainedClauses'] = [];
  for (const { node } of units) {
    if (excludedKeys.has(citationKey(node.citation))) continue;
    // A task given to a body the vocabulary does not know ("Ủy ban Mặt trận Tổ quốc Việt Nam cấp xã có trách nhiệm …")
    // is unexplained until a reason says what the body is, even beside records of known bodies.
    const unknown = unknownHolders(matchForm(node.ownText));
    if (unknown.length === 0 && register.records.some((r) => within(r.citation, node.citation))) continue;
    const who = unknown.length > 0 ? ` [chủ thể chưa biết: ${unknown.join('; ')}]` : '';
    unexplained.push({ citation: node.citation, excerpt: `${clip(matchForm(node.ownText), 100)}${who}` });
  }
  return {
    document: register.document,
    textLoaded: true,
    authorityClauses: units.length,
    records: register.records.length,
    unexplained: unexplained.length,
    unresolvedCitations: register.unresolvedCitations.length,
    excluded: register.excluded,
    unexplainedClauses: unexplained,
  };
}

/** Row for a decree whose text is not loaded (only the catalogue knows it). */
export function coverageWithoutText(document: string, records: number): CoverageRow {
  return {
    document,
    textLoaded: false,
    authorityClauses: 0,
    records,
    unexplained: 0,
    unresolvedCitations: 0,
    excluded: [],
    unexplainedClauses: [],
  };
}
