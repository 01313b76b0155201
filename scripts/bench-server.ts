/**
 * Load test of browser mode, part of `npm run bench`: the bundled server (build/server/serve.mjs,
 * plain node, as `npm run serve` runs it) in its own process on 127.0.0.1 only, hit by autocannon
 * with the real questions of data/search/questions.json (each a POST /api/search), at 10, 50 and
 * 200 connections, DURATION seconds each (bounded: the whole run takes well under a minute).
 * Prints req/s, p50/p99/max latency, errors and non-2xx per level; the last line sums them up.
 *
 *   npx tsx scripts/bench-server.ts [--duration 5]
 */
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from './build-server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--duration');
const DURATION = i >= 0 ? Math.min(30, Math.max(1, Number(process.argv[i + 1]) || 5)) : 5;
const LEVELS = [10, 50, 200];

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
}

async function main(): Promise<void> {
  const questions = (JSON.parse(readFileSync(path.join(root, 'data/search/questions.json'), 'utf8')) as { questions: Array<{ q: string }> }).questions.map((q) => q.q);
  const entry = await buildServer(root);
  const server = spawn(process.execPath, [entry, '--port', '0', '--no-build'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
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
    const requests = questions.map((q) => ({
      method: 'POST' as const,
      path: '/api/search',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ q, limit: 20 }),
    }));
    // Warm-up: the first searches fill caches the way a user's first minute does.
    await autocannon({ url, connections: 4, amount: 400, requests });
    const results: Level[] = [];
    for (const connections of LEVELS) {
      const r = await autocannon({ url, connections, duration: DURATION, requests, timeout: 10 });
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
      };
      results.push(level);
      console.log(
        `server ${connections} connections: ${level.rps} req/s, p50 ${level.p50} ms, p99 ${level.p99} ms, max ${level.max} ms, ${level.requests} requests, errors ${level.errors}, timeouts ${level.timeouts}, non-2xx ${level.non2xx}`,
      );
    }
    const worst = results.at(-1)!;
    console.log(
      `bench-server: ${questions.length} real questions, ${DURATION} s per level on loopback; at ${worst.connections} connections p99 ${worst.p99} ms, ${worst.errors + worst.timeouts + worst.non2xx} errors`,
    );
  } finally {
    server.kill();
  }
}

main().catch((err: Error) => {
  console.error(`bench-server: ${err.message}`);
  process.exit(1);
});
