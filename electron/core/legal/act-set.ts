/**
 * All the texts of one build read together: each text's kind (acts.ts), the changes of every
 * non-batch act (changes.ts), and each act's register, extracted with the additions of amending
 * acts in place and, for acts outside the batch, only from the articles that re-assign powers.
 * Used by `npm run extract` (data/) and by the KB build for texts data/ does not cover yet,
 * so a user's imported amending act goes the same way as the shared ones.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ActKind } from '../model';
import { type ActClass, classifyAct } from './acts';
import type { CatalogueEntry } from './catalogue';
import { type ChangesFile, readChanges } from './changes';
import { type Correction, type ExtractScope, type RegisterFile, extractRegister } from './extract';
import { type LegalNode, type ParsedDecree } from './structure';
import { withAdditions } from './timeline';

export interface ActText {
  parsed: ParsedDecree;
  text: string;
}

/** Curated scope for later acts whose re-assigning articles do not say "thẩm quyền" in their heading (data/acts.json). */
export interface ActScopeEntry {
  act: string;
  articles: number[];
  reason: string;
}

export function readActScopes(dataDir: string): ActScopeEntry[] {
  const file = path.join(dataDir, 'acts.json');
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as { scopes?: ActScopeEntry[] }).scopes ?? [];
}

const REASSIGNING_HEADING = /thẩm quyền|phân cấp|phân quyền|phân định|ủy quyền|uỷ quyền/iu;
const REASSIGNING_PATH = /PHÂN CẤP|PHÂN QUYỀN|PHÂN ĐỊNH/u;

export const OUT_OF_SCOPE: Record<Exclude<ActKind, 'batch'>, string> = {
  amending:
    'Văn bản sửa đổi, bổ sung: nội dung sửa đổi được áp dụng vào điều khoản của văn bản bị sửa đổi (xem dòng thời gian), không phải một thẩm quyền riêng',
  later: 'Văn bản ban hành sau: điều này không giao lại thẩm quyền của các nghị định trong đợt (ngoài phạm vi tra cứu)',
  provincial: 'Văn bản của tỉnh: điều này không phân cấp, ủy quyền một thẩm quyền cụ thể',
};

export function scopeFor(kind: Exclude<ActKind, 'batch'>, number: string, scopes: ActScopeEntry[]): ExtractScope {
  if (kind === 'amending') return { inScope: () => false, reason: OUT_OF_SCOPE.amending, annexes: false };
  const extra = new Set(scopes.filter((s) => s.act === number).flatMap((s) => s.articles));
  return {
    inScope: (art: LegalNode) =>
      extra.has(art.citation.article ?? -1) ||
      REASSIGNING_HEADING.test(art.heading ?? '') ||
      art.path.some((p) => REASSIGNING_PATH.test(p)),
    reason: OUT_OF_SCOPE[kind],
    annexes: false,
  };
}

export interface ActSet {
  classes: Map<string, ActClass>;
  /** Changes made by each non-batch act, by its number. */
  changes: Map<string, ChangesFile>;
  /** Texts by number, batch decrees with the additions of amending acts in place. */
  texts: Map<string, ParsedDecree>;
}

/** Read every text of a build together. `batch` is the set of batch numbers (catalogue). */
export function readActSet(texts: ActText[], batch: ReadonlySet<string>): ActSet {
  const classes = new Map<string, ActClass>();
  for (const t of texts) if (t.parsed.number) classes.set(t.parsed.number, classifyAct(t.parsed, t.text, batch));
  const known = new Set([...batch, ...[...classes.entries()].filter(([, c]) => c.kind !== null).map(([n]) => n)]);
  const changes = new Map<string, ChangesFile>();
  // A saving ("… tiếp tục thực hiện theo Nghị định số 151/2025/NĐ-CP") is read against the decree it keeps.
  const byNumber = new Map(texts.filter((t) => t.parsed.number).map((t) => [t.parsed.number!, t.parsed]));
  for (const t of texts) {
    const c = classes.get(t.parsed.number ?? '');
    if (c?.kind && c.kind !== 'batch') changes.set(t.parsed.number!, readChanges(t.parsed, known, byNumber));
  }
  const all = [...changes.values()].flatMap((f) => f.changes);
  const out = new Map<string, ParsedDecree>();
  for (const t of texts) if (t.parsed.number) out.set(t.parsed.number, batch.has(t.parsed.number) ? withAdditions(t.parsed, all) : t.parsed);
  return { classes, changes, texts: out };
}

/** The register of one text of the set. */
export function registerOf(set: ActSet, number: string, entry: CatalogueEntry, corrections: Correction[], scopes: ActScopeEntry[]): RegisterFile {
  const parsed = set.texts.get(number)!;
  const kind = set.classes.get(number)?.kind ?? null;
  const scope = kind && kind !== 'batch' ? scopeFor(kind, number, scopes) : undefined;
  const reg = extractRegister(parsed, entry, corrections, scope);
  if (kind && kind !== 'batch') {
    const province = set.classes.get(number)?.province ?? null;
    for (const r of reg.records) {
      r.act = kind;
      if (kind === 'provincial') r.province = province;
    }
  }
  return reg;
}
