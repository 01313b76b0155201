/**
 * Gathers everything a KB build needs and decides precedence:
 * a decree's register in data/ (reviewed) > a register extracted now from a text
 * that data/ does not cover (new or imported texts, no code change) > second-hand
 * records from data/secondary (only for decrees with no text at all).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthorityRecord, DocumentInfo, Provision } from '../model';
import { readCatalogue, toDocumentInfo } from '../legal/catalogue';
import { parseDecree, type ParsedDecree } from '../legal/structure';
import { extractRegister, type RegisterFile } from '../legal/extract';
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

  // Texts: provisions for every decree found; a fresh register for any decree data/ lacks.
  const provisions: Provision[] = [];
  const texts = new Map<string, ParsedDecree>();
  for (const source of opts.sources.filter((s) => existsSync(s))) {
    for (const file of listSourceFiles(source)) {
      let parsed;
      try {
        parsed = parseDecree((await readSourceText(file)).text);
      } catch (err) {
        warn(`Bỏ qua ${file}: ${(err as Error).message}`);
        continue;
      }
      if (!parsed.number) continue; // not a decree (README, notes …)
      if (texts.has(parsed.number)) continue; // first copy wins; sources are listed before imports
      texts.set(parsed.number, parsed);
      provisions.push(...withLeadIns(parsed));
      if (!catalogue.has(parsed.number)) catalogue.set(parsed.number, parsed.catalogueEntry);
      if (!registers.has(parsed.number)) {
        const entry = catalogue.get(parsed.number)!;
        registers.set(parsed.number, extractRegister(parsed, entry, corrections));
        log(`Trích xuất mới từ văn bản ${parsed.number}.`);
      }
    }
  }

  const records: AuthorityRecord[] = [];
  for (const reg of registers.values()) records.push(...reg.records);
  // A decree with a register or a text is verified: the loader drops its second-hand records.
  const verified = new Set([...registers.keys(), ...texts.keys()]);
  for (const file of loadSecondaryRegister(join(opts.dataDir, 'secondary'), verified)) records.push(...file.records);

  const merged = mergeAliases(records, readAliasEntries(opts.dataDir));

  const counts = new Map<string, number>();
  for (const r of merged) counts.set(r.citation.document, (counts.get(r.citation.document) ?? 0) + 1);
  const documents = [...catalogue.values()]
    .sort((a, b) => a.number.localeCompare(b.number))
    .map((e) => toDocumentInfo(e, counts.get(e.number) ?? 0, texts.has(e.number)));
  for (const r of merged) {
    if (!catalogue.has(r.citation.document)) warn(`Bản ghi ${r.id} trích dẫn văn bản không có trong danh mục: ${r.citation.document}`);
  }
  const cautioned = applyAmendments(
    readAmendments(opts.dataDir),
    merged.filter((r) => catalogue.has(r.citation.document)),
    documents,
  );
  return { texts, registers, documents: cautioned.documents, records: cautioned.records, provisions, warnings };
}
