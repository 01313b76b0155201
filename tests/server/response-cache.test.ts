import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiHandlers } from '../../electron/api/contract';
import { UserFacingError } from '../../electron/api/errors';
import { startHttpServer, type RunningServer } from '../../electron/server/http-server';
import { ResponseCache } from '../../electron/server/response-cache';

describe('ResponseCache', () => {
  const body = (s: string) => Buffer.from(s);

  it('keeps only knowledge-base requests, keyed by body and day', () => {
    const cache = new ResponseCache();
    expect(cache.keyOf('saveBookmark', '{"recordId":"x"}')).toBeNull();
    expect(cache.keyOf('listHistory', '{}')).toBeNull();
    const today = cache.keyOf('search', '{"q":"a"}', '2026-12-02');
    const tomorrow = cache.keyOf('search', '{"q":"a"}', '2026-12-03');
    expect(today).not.toBeNull();
    expect(today).not.toBe(tomorrow); // an answer for "today" never survives midnight
    expect(cache.keyOf('getRecord', '{"q":"a"}', '2026-12-02')).not.toBe(today);
  });

  it('drops the least recently used first, bounded in entries', () => {
    const cache = new ResponseCache({ entries: 2, bytes: 1 << 20 });
    cache.set('a', body('1'));
    cache.set('b', body('2'));
    expect(cache.get('a')?.toString()).toBe('1'); // a is now the most recent
    cache.set('c', body('3'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.toString()).toBe('1');
    expect(cache.get('c')?.toString()).toBe('3');
    expect(cache.size).toBe(2);
  });

  it('is bounded in bytes and never keeps one answer larger than an eighth of it', () => {
    const cache = new ResponseCache({ entries: 1000, bytes: 8000 });
    cache.set('huge', Buffer.alloc(1500));
    expect(cache.get('huge')).toBeUndefined();
    for (let i = 0; i < 20; i++) cache.set(`k${i}`, Buffer.alloc(900));
    expect(cache.sizeBytes).toBeLessThanOrEqual(8000);
    expect(cache.get('k19')).toBeDefined();
    expect(cache.get('k0')).toBeUndefined();
    cache.clear();
    expect(cache.size).toBe(0);
    expect(cache.sizeBytes).toBe(0);
  });
});

describe('server with an answer cache', () => {
  let server: RunningServer;
  let searches = 0;
  let records = 0;
  const cache = new ResponseCache();
  const handlers = {
    search: (args: { q: string }) => {
      searches++;
      if (args.q === 'lỗi') throw new UserFacingError('Không tìm được.');
      return { q: args.q, n: searches };
    },
    getRecord: () => {
      records++;
      return null;
    },
    listHistory: () => [{ q: `lần ${++records}`, at: '' }],
  } as unknown as ApiHandlers;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'renderer-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    server = await startHttpServer({ handlers, rendererDir: dir, cache, rateLimit: null });
  });
  afterAll(() => server.close());
  const post = (name: string, body: string) => fetch(`${server.url}api/${name}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });

  it('answers a repeated search from the cache with the same bytes', async () => {
    const first = await (await post('search', '{"q":"khai sinh","limit":3}')).text();
    const again = await post('search', '{"q":"khai sinh","limit":3}');
    expect(again.status).toBe(200);
    expect(again.headers.get('content-length')).toBe(String(Buffer.byteLength(first)));
    expect(await again.text()).toBe(first);
    expect(searches).toBe(1);
    await post('search', '{"q":"khai sinh","limit":4}');
    expect(searches).toBe(2);
  });

  it('never keeps a refusal or an error, and never user data', async () => {
    cache.clear();
    const before = searches;
    for (let i = 0; i < 2; i++) expect((await post('search', '{"q":5}')).status).toBe(400);
    expect(searches).toBe(before); // invalid: the handler is never reached, cached or not
    for (let i = 0; i < 2; i++) expect((await post('search', '{"q":"lỗi"}')).status).toBe(400);
    expect(searches).toBe(before + 2);
    const a = await (await post('listHistory', '{}')).json();
    const b = await (await post('listHistory', '{}')).json();
    expect(a).not.toEqual(b);
  });

  it('computes again after clear() (a new KB)', async () => {
    await post('getRecord', '{"id":"x"}');
    await post('getRecord', '{"id":"x"}');
    const n = records;
    cache.clear();
    await post('getRecord', '{"id":"x"}');
    expect(records).toBe(n + 1);
  });
});
