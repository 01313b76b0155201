/**
 * Amendments we know of but may not have the text of (data/amendments.json).
 * Validity matters: a record of an amended decree carries a caution, so no answer
 * from it is given without a warning to check the amending act.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Amendment, AuthorityRecord, DocumentInfo } from '../model';

export function readAmendments(dataDir: string): Amendment[] {
  const file = join(dataDir, 'amendments.json');
  if (!existsSync(file)) return [];
  const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(data)) throw new Error(`${file}: phải là một mảng`);
  for (const [i, a] of (data as Amendment[]).entries()) {
    if (typeof a?.document !== 'string' || typeof a.note !== 'string' || !a.note.trim() || typeof a.verified !== 'boolean') {
      throw new Error(`${file}: mục #${i} thiếu document, note hoặc verified`);
    }
    if (a.article !== null && !Number.isInteger(a.article)) throw new Error(`${file}: mục #${i} có article không hợp lệ`);
  }
  return data as Amendment[];
}

function concerns(a: Amendment, r: AuthorityRecord): boolean {
  return a.document === r.citation.document && (a.article === null || a.article === r.citation.article);
}

/** Records get the notes of the amendments that touch them; documents list theirs. */
export function applyAmendments(
  amendments: Amendment[],
  records: AuthorityRecord[],
  documents: DocumentInfo[],
): { records: AuthorityRecord[]; documents: DocumentInfo[] } {
  if (amendments.length === 0) return { records, documents };
  return {
    records: records.map((r) => {
      const notes = amendments.filter((a) => concerns(a, r)).map((a) => a.note);
      return notes.length ? { ...r, caution: [r.caution, ...notes].filter(Boolean).join(' ') } : r;
    }),
    documents: documents.map((d) => {
      const own = amendments.filter((a) => a.document === d.number);
      return own.length ? { ...d, amendments: own } : d;
    }),
  };
}
