/**
 * The data screens' requests over HTTP: a file body may be large (a pack as base64), everything else
 * stays at 64 KB; and they are served only when the server is bound to loopback — a server listening
 * on the network never installs or imports anything, whoever asks.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../electron/api/contract';
import { unavailableDataHandlers } from '../../electron/api/data-handlers';
import { MAX_BODY_BYTES, startHttpServer, type RunningServer } from '../../electron/server/http-server';

const seen: string[] = [];
const handlers = {
  ...unavailableDataHandlers(),
  search: ({ q }: { q: string }) => ({ q }),
  checkPack: ({ fileName, data }: { fileName: string; data: string }) => {
    seen.push(`${fileName}:${data.length}`);
    return { ok: false, fileName, reason: 'thử' };
  },
} as unknown as ApiHandlers;

const dir = mkdtempSync(join(tmpdir(), 'renderer-'));
writeFileSync(join(dir, 'index.html'), '<!doctype html>');
let local: RunningServer;
let network: RunningServer;
beforeAll(async () => {
  local = await startHttpServer({ handlers, rendererDir: dir, rateLimit: null });
  network = await startHttpServer({ handlers, rendererDir: dir, rateLimit: null, host: '0.0.0.0' });
});
afterAll(async () => {
  await local.close();
  await network.close();
});

const post = (base: string, name: string, body: unknown) =>
  fetch(`${base}api/${name}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
const viaLoopback = (s: RunningServer) => s.url.replace('0.0.0.0', '127.0.0.1');

describe('data requests over HTTP', () => {
  it('takes a file body far over 64 KB for checkPack, but not for a search', async () => {
    const data = Buffer.alloc(3 * MAX_BODY_BYTES, 7).toString('base64');
    const res = await post(local.url, 'checkPack', { fileName: 'goi.tctq', data });
    expect(res.status).toBe(200);
    expect(seen).toEqual([`goi.tctq:${data.length}`]);
    expect((await post(local.url, 'search', { q: data })).status).toBe(413);
  });

  it('refuses them on a server bound to the network, in Vietnamese, before reading the file', async () => {
    const base = viaLoopback(network);
    expect((await post(base, 'search', { q: 'khai sinh' })).status).toBe(200);
    for (const name of ['checkPack', 'installPack', 'restorePreviousData', 'previewImport', 'confirmImport', 'dataStatus']) {
      const res = await post(base, name, {});
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: string }).error).toMatch(/chỉ làm được trên chính máy/);
    }
    expect(seen).toHaveLength(1);
  });
});
