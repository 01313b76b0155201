/**
 * Load test of browser mode, part of `npm run bench`: the bundled server (build/server/serve.mjs,
 * plain node, as `npm run serve` runs it) in its own process on 127.0.0.1 only, hit by autocannon
 * with the real questions of data/search/questions.json (each a POST /api/search), at 10, 50 and
 * 200 connections, DURATION seconds each (bounded: the whole run takes well under a minute).
 * Prints req/s, p50/p99/max latency, errors and non-2xx per level; the last line sums them up.
 * Also: the first answer after process start (spawn → listening → one real search answered), and
 * the server's own CPU time per request (from /proc, Linux): latency under load depends on what
 * else the machine runs, CPU per request does not.
 *
 *   npx tsx scripts/bench-server.ts [--duration 5] [--no-cache]   (--no-cache: the search alone, every request computed)
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from './build-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--duration');
const DURATION = i >= 0 ? Math.min(30, Math.max(1, Number(process.argv[i + 1]) || 5)) : 5;
const LEVELS = [10, 50, 200];
const NO_CACHE = process.argv.includes('--no-cache');

/** CPU ms a process has used (user + system), or null off Linux. */
function cpuMsOf(pid: number | undefined): number | null {
  const stat = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(stat)) return null;
  const fields = readFileSync(stat, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks (USER_HZ 100)
}

interface Level {
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Answers the least served connection got in the level. */
  fewestAnswers: number;
  cpuUsPerRequest: number | null;
}

/** The search's `bench:` line left by scripts/bench.ts in this run (written less than an hour ago), if any. */
function searchBenchLine(): string | null {
  const file = path.join(root, 'node_modules/.cache/tcq-bench-line.txt');
  if (!existsSync(file) || Date.now() - statSync(file).mtimeMs > 3_600_000) return null;
  const line = readFileSync(file, 'utf8').trim();
  return line.startsWith('bench: ') ? line : null;
}

async function main(): Promise<void> {
  const questions = (JSON.parse(readFileSync(path.join(root, 'data/search/questions.json'), 'utf8')) as { questions: Array<{ q: string }> }).questions.map((q) => q.q);
  const entry = await buildServer(root);
  const started = performance.now();
  const server = spawn(process.execPath, [entry, '--port', '0', '--no-build'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    // One address stands for 200 users here: the per-address rate limit (5,000/s) would answer the test
    // with 429s, which are not answers. It stays on in use and is tested in tests/server/limits.test.ts.
    env: { ...process.env, TRACUU_SERVER_RATE_LIMIT: '0', TRACUU_SERVER_TIMING: '1', ...(NO_CACHE ? { TRACUU_SERVER_CACHE: '0' } : {}) },
  });
  // The server's own clock of its start (serve.ts startupClock): ms since its process started.
  const steps: string[] = [];
  server.stderr.on('data', (d: Buffer) => {
    for (const m of String(d).matchAll(/^start-up: (.+) (\d+)$/gm)) steps.push(`${m[1]} ${m[2]}`);
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('máy chủ không khởi động trong 60 s')), 60_000);
      server.stdout.on('data', (d: Buffer) => {
        const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(d));
        if (m) {
          clearTimeout(timer);
          resolve(m[0]);
        }
      });
      server.once('exit', (code) => reject(new Error(`máy chủ dừng (mã ${code})`)));
    });
    if (!url.startsWith('http://127.0.0.1:')) throw new Error('chỉ đo trên 127.0.0.1');
    const listeningMs = performance.now() - started;
    const first = await fetch(`${url}api/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ q: questions[0], limit: 20 }) });
    if (!first.ok) throw new Error(`câu hỏi đầu tiên: HTTP ${first.status}`);
    await first.json();
    const firstAnswerMs = Math.round(performance.now() - started);
    console.log(`server start: listening after ${Math.round(listeningMs)} ms, first answer ${firstAnswerMs} ms after process start`);
    console.log(`server start steps (ms after its process started): ${steps.join(', ')}`);
    const requests = questions.map((q) => ({
      method: 'POST' as const,
      path: '/api/search',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q, limit: 20 }),
    }));
    // Each connection starts at its own place in the list (autocannon starts every one at the first
    // question): all 296 questions are asked at every level, not only the first few dozen.
    let nextClient = 0;
    // Answers per connection: a server that starves some clients shows it here before it shows in p99.
    let answered: number[] = [];
    const setupClient = (client: { setRequests(r: typeof requests): void; on(event: 'response', f: () => void): void }): void => {
      const n = nextClient++;
      const at = (n * 37) % requests.length;
      client.setRequests([...requests.slice(at), ...requests.slice(0, at)]);
      answered[n] = 0;
      client.on('response', () => answered[n]!++);
    };
    // Warm-up: every question once, one at a time, the way a user's first minutes fill the caches. Each is
    // the first time it is asked (computed, answer cache or not): the slowest are named, with their size.
    const asked: Array<{ q: string; ms: number; bytes: number }> = [];
    for (const q of questions) {
      const t = performance.now();
      const res = await fetch(`${url}api/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ q, limit: 20 }) });
      const bytes = (await res.arrayBuffer()).byteLength;
      asked.push({ q, ms: performance.now() - t, bytes });
    }
    const byTime = [...asked].sort((a, b) => a.ms - b.ms);
    const at = (p: number) => byTime[Math.min(byTime.length - 1, Math.ceil((p / 100) * byTime.length) - 1)]!.ms.toFixed(1);
    console.log(
      `server, each question once (first ask, one at a time): p50 ${at(50)} ms, p99 ${at(99)} ms, answers ${Math.round(asked.reduce((n, a) => n + a.bytes, 0) / asked.length / 1024)} KB on average; slowest: ${byTime
        .slice(-6)
        .reverse()
        .map((a) => `"${a.q}" ${a.ms.toFixed(0)} ms ${Math.round(a.bytes / 1024)} KB`)
        .join(', ')}`,
    );
    const results: Level[] = [];
    for (const connections of LEVELS) {
      const cpuBefore = cpuMsOf(server.pid);
      nextClient = 0;
      answered = [];
      const r = await autocannon({ url, connections, duration: DURATION, requests, timeout: 10, setupClient });
      const cpuAfter = cpuMsOf(server.pid);
      const level: Level = {
        connections,
        requests: r.requests.total,
        rps: Math.round(r.requests.average),
        p50: r.latency.p50,
        p99: r.latency.p99,
        max: r.latency.max,
        errors: r.errors,
        timeouts: r.timeouts,
        non2xx: r.non2xx,
        fewestAnswers: Math.min(...answered),
        cpuUsPerRequest: cpuBefore !== null && cpuAfter !== null && r.requests.total > 0 ? Math.round(((cpuAfter - cpuBefore) * 1000) / r.requests.total) : null,
      };
      results.push(level);
      console.log(
        `server ${connections} connections: ${level.rps} req/s, p50 ${level.p50} ms, p99 ${level.p99} ms, max ${level.max} ms, ${level.requests} requests, errors ${level.errors}, timeouts ${level.timeouts}, non-2xx ${level.non2xx}, fewest answers to one connection ${level.fewestAnswers}, server CPU ${level.cpuUsPerRequest ?? '?'} µs/request`,
      );
    }
    const worst = results.at(-1)!;
    console.log(
      `bench-server: ${questions.length} real questions, ${DURATION} s per level on loopback, no per-address rate limit${NO_CACHE ? ', no answer cache' : ''}; at ${worst.connections} connections p99 ${worst.p99} ms, ${worst.errors + worst.timeouts + worst.non2xx} errors; first answer ${firstAnswerMs} ms after start`,
    );
    // `npm run bench` ends with ONE `bench: key=value …` line: the search's keys (scripts/bench.ts ran just
    // before and left its line) and the server's.
    const serverKeys = `server_rps=${worst.rps} server_p99_ms=${worst.p99} server_errors=${worst.errors + worst.timeouts + worst.non2xx}`;
    console.log(`${searchBenchLine() ?? 'bench:'} ${serverKeys}`);
  } finally {
    server.kill();
  }
}

main().catch((err: Error) => {
  console.error(`bench-server: ${err.message}`);
  process.exit(1);
});
