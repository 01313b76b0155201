/**
 * Gathers everything a KB build needs and decides precedence:
 * a decree's register in data/ (reviewed) > a register extracted now from a text
 * that data/ does not cover (new or imported texts, no code change) > second-hand
 * records from data/secondary (only for decrees with no text at all).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthorityRecord, DocumentInfo, Provision } from '../model';
import { readCatalogue, toDocumentInfo } from '../legal/catalogue';
import { parseDecree, type ParsedDecree } from '../legal/structure';
import type { RegisterFile } from '../legal/extract';
import { type ActText, readActScopes, readActSet, registerOf } from '../legal/act-set';
import type { CatalogueEntry } from '../legal/catalogue';
import type { Change, ChangesFile } from '../legal/changes';
import { citationKey } from './citation-key';
import { applyTimeline, readSuccessors } from './timeline-apply';
import type { NationalProcedure } from '../procedures/portal';
import { readNationalProcedures } from '../procedures/read';
import { annexProcedures, type ProcedureRecord, withProcedureTexts } from '../legal/procedures';
import { loadCorrections } from '../legal/corrections';
import { loadSecondaryRegister } from '../legal/secondary';
import { mergeAliases, readAliasEntries } from './aliases';
import { applyAmendments, readAmendments } from './amendments';
import { readJsonDir } from './json-dir';
import { withLeadIns } from './lead-ins';
import { listSourceFiles, readSourceText } from './source-texts';

export interface GatherOptions {
  dataDir: string;
  /** Folders or files of official texts (shared sources, user imports). Missing ones are skipped. */
  sources: string[];
  log?: (message: string) => void;
}

export interface GatheredInputs {
  /** Parsed texts by decree number (only decrees whose text was found). */
  texts: Map<string, ParsedDecree>;
  registers: Map<string, RegisterFile>;
  documents: DocumentInfo[];
  records: AuthorityRecord[];
  provisions: Provision[];
  /** Every change of every amending, later and provincial act known, to apply on the timeline. */
  changes: Change[];
  catalogue: CatalogueEntry[];
  /** Procedures of the annexes (data/procedures, else read from the texts). */
  annexProcedures: ProcedureRecord[];
  /** The national procedure database (data/national-procedures.json, else read from the sources). */
  nationalProcedures: NationalProcedure[];
  warnings: string[];
}

export async function gatherInputs(opts: GatherOptions): Promise<GatheredInputs> {
  const log = opts.log ?? (() => {});
  const warnings: string[] = [];
  const warn = (m: string) => {
    warnings.push(m);
    log(m);
  };
  const catalogue = new Map(readCatalogue(opts.dataDir).map((e) => [e.number, e]));
  const corrections = loadCorrections(opts.dataDir);

  // Registers already derived and reviewed in data/.
  const registers = new Map<string, RegisterFile>();
  for (const reg of readJsonDir<RegisterFile>(join(opts.dataDir, 'register'))) registers.set(reg.document, reg);

  // Texts: provisions for every act found; read together (kinds, changes, additions in place);
  // a fresh register (and change list) for any act data/ lacks — a user's import goes the same way.
  const provisions: Provision[] = [];
  const texts = new Map<string, ParsedDecree>();
  const raw: ActText[] = [];
  for (const source of opts.sources.filter((s) => existsSync(s))) {
    for (const file of listSourceFiles(source)) {
      let parsed;
      let text;
      try {
        text = (await readSourceText(file)).text;
        parsed = parseDecree(text);
      } catch (err) {
        warn(`Bỏ qua ${file}: ${(err as Error).message}`);
        continue;
      }
      if (!parsed.number) continue; // not a decree (README, notes …)
      if (raw.some((t) => t.parsed.number === parsed.number)) continue; // first copy wins; sources are listed before imports
      raw.push({ parsed, text });
    }
  }
  const batch = new Set([...catalogue.values()].filter((e) => e.inBatch).map((e) => e.number));
  const acts = readActSet(raw, batch);
  const changeFiles = new Map<string, ChangesFile>();
  for (const f of readJsonDir<ChangesFile>(join(opts.dataDir, 'changes'))) changeFiles.set(f.act, f);
  const scopes = readActScopes(opts.dataDir);
  for (const { parsed: original } of raw) {
    const number = original.number!;
    const parsed = acts.texts.get(number)!;
    texts.set(number, parsed);
    for (const p of withLeadIns(parsed)) provisions.push(p); // one by one: a spread of a huge text overflows the stack
    const cls = acts.classes.get(number);
    if (!catalogue.has(number)) {
      const entry = { ...parsed.catalogueEntry };
      if (cls?.kind && cls.kind !== 'batch') Object.assign(entry, { actKind: cls.kind, province: cls.province, targets: cls.targets, basis: cls.basis });
      catalogue.set(number, entry);
    }
    if (!changeFiles.has(number) && acts.changes.has(number)) changeFiles.set(number, acts.changes.get(number)!);
    if (!registers.has(number)) {
      registers.set(number, registerOf(acts, number, catalogue.get(number)!, corrections, scopes));
      log(`Trích xuất mới từ văn bản ${number}.`);
    }
  }
  const changes = [...changeFiles.values()].flatMap((f) => f.changes);

  const records: AuthorityRecord[] = [];
  // One by one, like the provisions: a spread of a huge text's records would overflow the stack.
  for (const reg of registers.values()) for (const r of reg.records) records.push(r);
  // A decree with a register or a text is verified: the loader drops its second-hand records.
  const verified = new Set([...registers.keys(), ...texts.keys()]);
  for (const file of loadSecondaryRegister(join(opts.dataDir, 'secondary'), verified)) for (const r of file.records) records.push(r);

  const merged = mergeAliases(records, readAliasEntries(opts.dataDir));

  const counts = new Map<string, number>();
  for (const r of merged) counts.set(r.citation.document, (counts.get(r.citation.document) ?? 0) + 1);
  const documents = [...catalogue.values()]
    .sort((a, b) => a.number.localeCompare(b.number))
    .map((e) => toDocumentInfo(e, counts.get(e.number) ?? 0, texts.has(e.number)));
  for (const r of merged) {
    if (!catalogue.has(r.citation.document)) warn(`Bản ghi ${r.id} trích dẫn văn bản không có trong danh mục: ${r.citation.document}`);
  }
  // A report of a change whose act is loaded is superseded by the act itself.
  const reports = readAmendments(opts.dataDir).filter((a) => !(a.by && catalogue.get(a.by)?.file !== undefined && texts.has(a.by)));
  const cautioned = applyAmendments(
    reports,
    merged.filter((r) => catalogue.has(r.citation.document)),
    documents,
  );
  const provMap = new Map(provisions.map((p) => [citationKey(p.citation), p]));
  const timed = applyTimeline(cautioned.records, changes, [...catalogue.values()], provMap, readSuccessors(opts.dataDir), warn);
  const changeCount = new Map<string, number>();
  for (const c of changes) changeCount.set(c.by.document, (changeCount.get(c.by.document) ?? 0) + 1);
  const docs = cautioned.documents.map((d) => (changeCount.has(d.number) ? { ...d, changes: changeCount.get(d.number) } : d));
  const npFile = join(opts.dataDir, 'national-procedures.json');
  const nationalProcedures = existsSync(npFile)
    ? (JSON.parse(readFileSync(npFile, 'utf8')) as NationalProcedure[])
    : readNationalProcedures(opts.sources).procedures;
  const procFiles = new Map(readJsonDir<{ document: string; procedures: ProcedureRecord[] }>(join(opts.dataDir, 'procedures')).map((f) => [f.document, f.procedures]));
  for (const [number, parsed] of texts)
    if (!procFiles.has(number) && (acts.classes.get(number)?.kind ?? 'batch') === 'batch') procFiles.set(number, annexProcedures(parsed));
  const annex = [...procFiles.values()].flat().map((p) => withProcedureTexts(p, (c) => provMap.get(citationKey(c))?.text ?? null));
  return { texts, registers, documents: docs, records: timed, provisions, changes, catalogue: [...catalogue.values()], annexProcedures: annex, nationalProcedures, warnings };
}
