/**
 * The measurements of `npm run bench` (scripts/bench.ts bundles this file with
 * esbuild, as the Electron build bundles the app, and runs it): the product's search path against SQLite FTS5 and a plain
 * scan, on the same records and the same queries, in one run.
 *
 * Corpus: the register (data/register/*.json, aliases merged) with each record's
 * provision text parsed from the decree texts, exactly as the KB build feeds the
 * engine. When the register is still thin (< 100 records) the paragraph corpus
 * (every paragraph of the texts as a fake record) is used instead; the output says which.
 * Queries: the question set plus every typing prefix of each question.
 * Timing is measured here only; tests never assert it.
 */
import Database from 'better-sqlite3';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  buildSearchIndex,
  loadSearchIndex,
  runSearch,
  serializeSearchIndex,
  type SearchDoc,
  type SearchEngine,
} from '../electron/core/search/index';
import { fold } from '../electron/core/text/normalize';
import { foldedWords } from '../electron/core/text/tokenize';
import { paragraphCorpus } from '../tests/core/search/paragraph-corpus';
import { FORMS, rankOf, readQuestions, score, type Form, type FormScore, type Question } from '../tests/core/search/question-set';
import { registerCorpus } from '../tests/core/search/register-docs';
// Our own set is measured on the batch as issued, on a day when all of it was in force (as the tests do).
import { BATCH_DAY } from '../tests/core/search/fixture';
import { PORTAL_DAY, PORTAL_FORMS, portalRank, portalScore, readPortalQuestions } from '../tests/core/search/portal-questions';

const LIMIT = 20;
/** The search's `bench:` line of the last run, for the server part of `npm run bench` to end with (bench-server.ts). */
export const BENCH_LINE_FILE = 'node_modules/.cache/tcq-bench-line.txt';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] as number;
}

function timeIt<T>(fn: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = fn();
  return { ms: performance.now() - t, value };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

/** Every prefix a user produces while typing the question, then the question itself. */
function typingPrefixes(q: string): string[] {
  const out: string[] = [];
  for (let i = 1; i <= q.length; i++) out.push(q.slice(0, i));
  return out;
}

/** The folded text every competitor sees for a record. */
function foldedText(d: SearchDoc): string {
  const r = d.record;
  return foldedWords([r.title, ...(r.aliases ?? []), r.holder, r.formerHolder ?? '', d.provisionText ?? ''].join(' \n '), {
    splitGlued: true,
  }).join(' ');
}

interface Competitor {
  name: string;
  search(q: string): number[]; // record positions, best first
}

function fts5(docs: SearchDoc[], texts: string[]): Competitor & { close(): void } {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(body, tokenize = "unicode61 remove_diacritics 2")`);
  const insert = db.prepare('INSERT INTO t (rowid, body) VALUES (?, ?)');
  db.transaction(() => texts.forEach((t, i) => insert.run(i + 1, t)))();
  const stmt = db.prepare('SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t) LIMIT ?');
  void docs;
  const run = (match: string): number[] => {
    try {
      return (stmt.all(match, LIMIT) as Array<{ rowid: number }>).map((r) => r.rowid - 1);
    } catch {
      return [];
    }
  };
  return {
    name: 'SQLite FTS5',
    search(q: string) {
      const words = foldedWords(q);
      if (words.length === 0) return [];
      const typing = /[\p{L}\p{N}]$/u.test(q);
      const terms = words.map((w, i) => `"${w.replace(/"/g, '')}"${typing && i === words.length - 1 ? '*' : ''}`);
      const and = run(terms.join(' AND '));
      return and.length > 0 || terms.length === 1 ? and : run(terms.join(' OR '));
    },
    close: () => db.close(),
  };
}

function scan(texts: string[]): Competitor {
  const padded = texts.map((t) => ` ${t} `);
  return {
    name: 'plain scan',
    search(q: string) {
      const words = foldedWords(q);
      if (words.length === 0) return [];
      const needles = words.map((w) => ` ${w}`);
      const all: number[] = [];
      const some: Array<[number, number]> = [];
      padded.forEach((t, i) => {
        let n = 0;
        for (const w of needles) if (t.includes(w)) n++;
        if (n === needles.length) all.push(i);
        else if (n > 0) some.push([i, n]);
      });
      if (all.length > 0) return all.slice(0, LIMIT);
      return some.sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, LIMIT).map(([i]) => i);
    },
  };
}

interface Timing {
  p50: number;
  p95: number;
  max: number;
  /** CPU time of this process per query: what the search costs when the machine is shared. */
  cpuP50: number;
  cpuP95: number;
}

/** Each query runs REPEAT times and counts with its median: the machine is shared, one stall is not the engine. */
const REPEAT = 3;

function measure(queries: string[], fn: (q: string) => unknown): Timing {
  for (const q of queries.slice(0, 200)) fn(q); // warm-up: JIT, caches of compiled postings
  const times: number[] = [];
  const cpu: number[] = [];
  for (const q of queries) {
    const wall: number[] = [];
    const used: number[] = [];
    for (let r = 0; r < REPEAT; r++) {
      const c = process.cpuUsage();
      wall.push(timeIt(() => fn(q)).ms);
      const d = process.cpuUsage(c);
      used.push((d.user + d.system) / 1000);
    }
    times.push(median(wall));
    cpu.push(median(used));
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times[times.length - 1] as number,
    cpuP50: percentile(cpu, 50),
    cpuP95: percentile(cpu, 95),
  };
}

function quality(questions: Question[], searchIds: (q: string) => number[], docs: SearchDoc[]): Record<Form, FormScore> {
  return score(
    questions.map((q) => ({ q, rank: rankOf(searchIds(q.q).slice(0, 10).map((i) => (docs[i] as SearchDoc).record), q) })),
  );
}

/** The corpus and queries of one bench run; exported for the launcher, which times the same path unbundled under tsx. */
export async function benchQueries(): Promise<{ docs: SearchDoc[]; queries: string[]; questions: Question[]; corpusName: string }> {
  const register = await registerCorpus();
  const thin = register.docs.length < 100;
  const docs = thin ? paragraphCorpus() : register.docs;
  const corpusName = thin
    ? `paragraph corpus (register thin: ${register.docs.length} records)`
    : `register: ${docs.length} records, ${register.withText} with provision text parsed from the decree texts`;
  const questions = readQuestions().filter((q) => thin || register.documents.has(q.expect.document));
  return { docs, questions, corpusName, queries: questions.flatMap((q) => typingPrefixes(q.q)) };
}

export function timeOurs(docs: SearchDoc[], queries: string[]): Timing {
  const engine = buildSearchIndex(docs);
  engine.useCache = false;
  return measure(queries, (q) => runSearch(engine, { q, limit: LIMIT }));
}

export async function main(): Promise<void> {
  const { docs, questions, queries, corpusName } = await benchQueries();

  // Build, serialize, load.
  const heapBefore = process.memoryUsage().heapUsed;
  const builds = [0, 1, 2].map(() => timeIt(() => buildSearchIndex(docs)));
  const engine: SearchEngine = builds[builds.length - 1]!.value;
  const heapAfter = process.memoryUsage().heapUsed;
  const buildMs = median(builds.map((b) => b.ms));
  const json = serializeSearchIndex(engine);
  const loads = [0, 1, 2].map(() => timeIt(() => loadSearchIndex(json, docs)));
  const loadMs = median(loads.map((l) => l.ms));

  // Ours: no result cache (each keystroke is a new query anyway; this measures cold queries).
  engine.useCache = false;
  const ours = measure(queries, (q) => runSearch(engine, { q, limit: LIMIT }));

  const texts = docs.map(foldedText);
  const f = fts5(docs, texts);
  const ftsTimes = measure(queries, (q) => f.search(q));
  const s = scan(texts);
  const scanTimes = measure(queries, (q) => s.search(q));
  // Full questions apart from typing prefixes: ours and the procedure names of the national database.
  const full = [...questions.map((q) => q.q), ...readPortalQuestions().map((q) => q.q)];
  const oursFull = measure(full, (q) => runSearch(engine, { q, limit: LIMIT }));
  const ftsFull = measure(full, (q) => f.search(q));
  const scanFull = measure(full, (q) => s.search(q));

  const byId = new Map(docs.map((d, i) => [d.record.id, i]));
  const oursQ = quality(questions, (q) => runSearch(engine, { q, limit: 10, date: BATCH_DAY }).hits.map((h) => byId.get(h.id) as number), docs);
  const ftsQ = quality(questions, (q) => f.search(q), docs);
  f.close();

  const fmt = (x: number) => x.toFixed(3);
  console.log(`corpus: ${corpusName}`);
  console.log(`machine: ${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} (shared; timings are wall-clock)`);
  console.log(`queries: ${questions.length} questions + typing prefixes = ${queries.length} searches, each timed ${REPEAT}× (median per query)`);
  console.log('');
  console.log('engine            p50_ms   p95_ms   max_ms   cpu_p50  cpu_p95');
  for (const [name, t] of [['ours (MiniSearch)', ours], ['SQLite FTS5', ftsTimes], ['plain scan', scanTimes]] as const) {
    console.log(
      `${name.padEnd(17)} ${fmt(t.p50).padStart(7)}  ${fmt(t.p95).padStart(7)}  ${fmt(t.max).padStart(7)}  ${fmt(t.cpuP50).padStart(7)}  ${fmt(t.cpuP95).padStart(7)}`,
    );
  }
  console.log('');
  console.log(`full questions only (${full.length}: ours ${questions.length} + procedure names ${full.length - questions.length}), no prefixes:`);
  for (const [name, t] of [['ours (MiniSearch)', oursFull], ['SQLite FTS5', ftsFull], ['plain scan', scanFull]] as const) {
    console.log(`${name.padEnd(17)} ${fmt(t.p50).padStart(7)}  ${fmt(t.p95).padStart(7)}  ${fmt(t.max).padStart(7)}  ${fmt(t.cpuP50).padStart(7)}  ${fmt(t.cpuP95).padStart(7)}`);
  }
  console.log('');
  console.log(`index build ${buildMs.toFixed(0)} ms (median of 3); serialized ${(Buffer.byteLength(json) / 1024).toFixed(0)} KiB; load ${loadMs.toFixed(0)} ms (rebuild/load = ${(buildMs / loadMs).toFixed(1)}×)`);
  console.log(`heap used ${(heapAfter / 1048576).toFixed(1)} MiB after build (+${((heapAfter - heapBefore) / 1048576).toFixed(1)} MiB for 3 engines, GC permitting)`);
  console.log('');
  console.log('quality on the question set (top-1 / top-3 of questions run)');
  console.log('form       ran   ours top1  ours top3   fts5 top1  fts5 top3');
  const pct = (a: number, n: number) => (n ? `${((100 * a) / n).toFixed(0)}%` : '-');
  let totals = { ran: 0, o1: 0, o3: 0, f1: 0, f3: 0 };
  for (const form of FORMS) {
    const o = oursQ[form];
    const x = ftsQ[form];
    totals = { ran: totals.ran + o.ran, o1: totals.o1 + o.top1, o3: totals.o3 + o.top3, f1: totals.f1 + x.top1, f3: totals.f3 + x.top3 };
    console.log(`${form.padEnd(9)} ${String(o.ran).padStart(4)}   ${pct(o.top1, o.ran).padStart(8)}  ${pct(o.top3, o.ran).padStart(9)}   ${pct(x.top1, x.ran).padStart(9)}  ${pct(x.top3, x.ran).padStart(9)}`);
  }
  console.log(`${'all'.padEnd(9)} ${String(totals.ran).padStart(4)}   ${pct(totals.o1, totals.ran).padStart(8)}  ${pct(totals.o3, totals.ran).padStart(9)}   ${pct(totals.f1, totals.ran).padStart(9)}  ${pct(totals.f3, totals.ran).padStart(9)}`);
  // Questions nobody here wrote: the procedure names of the national database, keyed by their own legal basis.
  const all = await registerCorpus({ acts: 'all' });
  const portal = readPortalQuestions();
  const allEngine = buildSearchIndex(all.docs);
  allEngine.useCache = false;
  const records = new Map(all.docs.map((d) => [d.record.id, d.record]));
  const allFts = fts5(all.docs, all.docs.map(foldedText));
  const asHits = (ids: number[]) => ids.slice(0, 10).map((i) => ({ id: (all.docs[i] as SearchDoc).record.id, citation: (all.docs[i] as SearchDoc).record.citation }));
  const portalOurs = portalScore(
    portal.map((q) => {
      const hits = runSearch(allEngine, { q: q.q, limit: 10, date: PORTAL_DAY }).hits;
      return { q, rank: portalRank(hits, q, records), levelRank: portalRank(hits, q, records, { level: true }) };
    }),
  );
  const portalFts = portalScore(
    portal.map((q) => {
      const hits = asHits(allFts.search(q.q));
      return { q, rank: portalRank(hits, q, records), levelRank: portalRank(hits, q, records, { level: true }) };
    }),
  );
  allFts.close();
  console.log('');
  console.log(`quality on the procedure names of the national database (${all.docs.length} records of every act, day ${PORTAL_DAY})`);
  console.log('(national procedure records are shown under their power but never indexed or scored: a name cannot find its own record; one row per power, a procedure folded into its power counts as the power found)');
  console.log('form       ran   ours top1  ours top3  ours top3@level   fts5 top1  fts5 top3');
  for (const form of PORTAL_FORMS) {
    const o = portalOurs[form];
    const x = portalFts[form];
    console.log(
      `${form.padEnd(9)} ${String(o.ran).padStart(4)}   ${pct(o.top1, o.ran).padStart(8)}  ${pct(o.top3, o.ran).padStart(9)}  ${pct(o.top3Level, o.ran).padStart(15)}   ${pct(x.top1, x.ran).padStart(9)}  ${pct(x.top3, x.ran).padStart(9)}`,
    );
  }
  const pAll = PORTAL_FORMS.reduce((a, f) => ({ ran: a.ran + portalOurs[f].ran, t1: a.t1 + portalOurs[f].top1, t3: a.t3 + portalOurs[f].top3 }), { ran: 0, t1: 0, t3: 0 });
  const ratio = (a: number, n: number) => (n ? (a / n).toFixed(3) : 'NaN');

  console.log('');
  console.log(
    `bench: own_top1=${ratio(totals.o1, totals.ran)} own_top3=${ratio(totals.o3, totals.ran)} portal_top1=${ratio(pAll.t1, pAll.ran)} portal_top3=${ratio(pAll.t3, pAll.ran)} questions_p95_ms=${fmt(oursFull.p95)} questions_fts5_ratio=${(ftsFull.p95 / oursFull.p95).toFixed(1)} questions_scan_ratio=${(scanFull.p95 / oursFull.p95).toFixed(1)} p95_ms=${fmt(ours.p95)} fts5_ratio=${(ftsTimes.p95 / ours.p95).toFixed(1)} scan_ratio=${(scanTimes.p95 / ours.p95).toFixed(1)} load_ms=${loadMs.toFixed(0)}`,
  );
  void fold;
}

if (process.env.TCQ_BENCH_RUN === '1') {
  main().catch((err: Error) => {
    console.error(err.stack ?? err.message);
    process.exit(1);
  });
}
