/**
 * Search documents exactly as the KB build makes them: the real register, the
 * second-hand records, everyday names, amendments and the provision texts parsed
 * from the decree texts, all through gatherInputs (no second reading of data/).
 * Used by the quality test and by `npm run bench`.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { citationKey } from '../../../electron/core/kb/citation-key';
import { gatherInputs } from '../../../electron/core/kb/inputs';
import { toSearchDocs } from '../../../electron/core/kb/search-docs';
import type { SearchDoc } from '../../../electron/core/search';
import { SOURCES_DIR } from './paragraph-corpus';
export { SOURCES_DIR };

/** The repo root; `npm run bench` runs a bundled copy of this file from a temp folder and says where the repo is. */
export const REPO_ROOT = process.env.TCQ_REPO_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface RegisterCorpus {
  docs: SearchDoc[];
  /** Decrees that have records. */
  documents: Set<string>;
  withText: number;
  /** Every provision of the loaded texts (heading and text), records or not: the words the texts use. */
  provisionTexts: string[];
}

/**
 * `acts: 'batch'` (default): the batch as issued. `acts: 'all'`: every act loaded (amending,
 * later, provincial), as the app searches — for questions answered on a later day.
 */
export async function registerCorpus(opts: { acts?: 'batch' | 'all' } = {}): Promise<RegisterCorpus> {
  const inputs = await gatherInputs({ dataDir: join(REPO_ROOT, 'data'), sources: existsSync(SOURCES_DIR) ? [SOURCES_DIR] : [] });
  const provisions = new Map(inputs.provisions.map((p) => [citationKey(p.citation), p]));
  const documents = new Map(inputs.documents.map((d) => [d.number, d]));
  // The ranking model is measured on the batch as issued (its question set predates the later acts);
  // how later acts change the answer on a day is tests/core/legal/timeline.test.ts.
  const batch = opts.acts === 'all' ? inputs.records : inputs.records.filter((r) => (r.act ?? 'batch') === 'batch');
  const docs = toSearchDocs(batch, provisions, documents);
  return {
    docs,
    documents: new Set(batch.map((r) => r.citation.document)),
    withText: docs.filter((d) => d.provisionText).length,
    provisionTexts: inputs.provisions.map((p) => `${p.heading ?? ''}\n${p.text}`),
  };
}
