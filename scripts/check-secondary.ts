/**
 * Check the second-hand register (data/secondary) against the articles it
 * quotes: schema, verbatim quotes, holder and article near each quote.
 *   npx tsx scripts/check-secondary.ts [sources-folder] [--json]
 * sources-folder defaults to ../shared/sources; its secondary/ holds the articles.
 * Exit code 1 when anything is wrong, so it can run in CI.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkEvidence, readSecondaryRegister } from '../electron/core/legal/secondary';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const json = args.includes('--json');
const sources = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(repoRoot, '../shared/sources'));
const articles = path.join(sources, 'secondary');

const { files, problems } = readSecondaryRegister(path.join(repoRoot, 'data', 'secondary'));
if (existsSync(articles)) {
  const read = (name: string): string | null => {
    const p = path.join(articles, name);
    return existsSync(p) ? readFileSync(p, 'utf8') : null;
  };
  for (const f of files) problems.push(...checkEvidence(f, read).map((m) => `${f.document}: ${m}`));
} else {
  problems.push(`Không có thư mục bài viết ${articles}: chưa đối chiếu được trích dẫn`);
}

const rows = files.map((f) => ({
  document: f.document,
  sector: f.records[0]?.sector ?? null,
  records: f.records.length,
  omitted: f.omitted?.length ?? 0,
}));
if (json) console.log(JSON.stringify({ rows, problems }, null, 2));
else {
  for (const r of rows) console.log(`${r.document.padEnd(16)} ${String(r.sector ?? '-').padEnd(12)} ${r.records} bản ghi, ${r.omitted} bài viết ghi lý do không lập bản ghi`);
  console.log(problems.length ? `\n${problems.length} vấn đề:\n${problems.join('\n')}` : '\nKhông có vấn đề.');
}
process.exitCode = problems.length ? 1 : 0;
