import { request } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiHandlers } from '../../electron/api/contract';
import { MAX_BODY_BYTES, startHttpServer, type RunningServer } from '../../electron/server/http-server';

const handlers = { listProvinces: vi.fn(() => ['Lào Cai']) } as unknown as ApiHandlers;
const renderer = mkdtempSync(join(tmpdir(), 'limits-'));
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>t</title>');

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

const post = (url: string, name: string, body = '{}') =>
  fetch(`${url}api/${name}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });

describe('request limits of the browser-mode server', () => {
  it('answers past the rate limit with 429 and a Vietnamese message, per client', async () => {
    server = await startHttpServer({ handlers, rendererDir: renderer, rateLimit: { perSecond: 0.001, burst: 3 } });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await post(server.url, 'listProvinces')).status);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const res = await post(server.url, 'listProvinces');
    expect(res.headers.get('retry-after')).toBe('1');
    expect(await res.json()).toEqual({ error: 'Quá nhiều yêu cầu trong một lúc; hãy thử lại sau giây lát.' });
    // Pages (the renderer) are not counted.
    expect((await fetch(server.url)).status).toBe(200);
  });

  it('refuses a body declared larger than the limit before reading it', async () => {
    server = await startHttpServer({ handlers, rendererDir: renderer });
    const url = new URL(server.url);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: url.hostname, port: url.port, path: '/api/listProvinces', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(MAX_BODY_BYTES * 100) } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.write('{');
      // the rest is never sent: the answer must not wait for it
    });
    expect(status).toBe(413);
  });

  it('lets a burst of 50 concurrent requests from the local browser through by default', async () => {
    server = await startHttpServer({ handlers, rendererDir: renderer });
    const codes = await Promise.all(Array.from({ length: 50 }, () => post(server!.url, 'listProvinces').then((r) => r.status)));
    expect(codes.every((c) => c === 200)).toBe(true);
  });
});
