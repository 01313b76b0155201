import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../electron/api/handlers';
import { ensureKb } from '../../electron/core/kb/ensure';
import { KbIntegrityError } from '../../electron/core/kb/manifest';
import { openKnowledgeBase } from '../../electron/core/kb/open';
import { startServer } from '../../electron/server/serve';
import type { RunningServer } from '../../electron/server/http-server';
import { flipByte, kbCopy } from '../core/kb/kb-copy';

// Real KB, real server, a user.sqlite that is garbage: the server starts, search answers,
// the damaged file is kept aside, bookmarks start fresh, and the start-up log says so.
describe('browser mode with a damaged user.sqlite', () => {
  let server: RunningServer;
  let userDir: string;
  const logs: string[] = [];

  beforeAll(async () => {
    const { kbPath } = await ensureKb();
    userDir = mkdtempSync(join(tmpdir(), 'serve-user-'));
    writeFileSync(join(userDir, 'user.sqlite'), Buffer.alloc(4096, 0x5a));
    const rendererDir = mkdtempSync(join(tmpdir(), 'serve-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
    server = await startServer({ kbPath, userDir, rendererDir, port: 0, log: (m) => logs.push(m) });
  });
  afterAll(() => server?.close());

  const post = async (name: string, body: unknown) => {
    const res = await fetch(`${server.url}api/${name}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('starts, answers a real question, and keeps the damaged file under a dated name', async () => {
    const r = await post('search', { q: 'dang ky khai sinh', limit: 3 });
    expect(r.status).toBe(200);
    expect((r.body.hits as unknown[]).length).toBeGreaterThan(0);
    expect(readdirSync(userDir).filter((f) => /^user\.sqlite\.hong-\d{4}-\d{2}-\d{2}T/.test(f))).toHaveLength(1);
    expect(logs.some((m) => m.startsWith('Lưu ý: Tệp dữ liệu cá nhân') && m.includes('bị hỏng'))).toBe(true);
  });

  it('serves bookmarks from a fresh file', async () => {
    expect(await post('listBookmarks', {})).toEqual({ status: 200, body: [] as unknown as Record<string, unknown> });
  });

  it('tells the first page that asks what happened to the user data, once', async () => {
    const first = await post('userDataNotice', {});
    expect(first.status).toBe(200);
    expect(String(first.body.notice)).toMatch(/^Tệp dữ liệu cá nhân.*bị hỏng/);
    expect(await post('userDataNotice', {})).toEqual({ status: 200, body: { notice: null } });
  });
});

describe('handlers without any user database', () => {
  it('answer search and refuse bookmarks with a Vietnamese message', async () => {
    const { kbPath } = await ensureKb();
    const handlers = createApiHandlers(openKnowledgeBase({ kbPath }), null);
    expect(await handlers.userDataNotice({})).toEqual({ notice: null });
    expect((await handlers.search({ q: 'khai sinh', limit: 2 })).hits.length).toBeGreaterThan(0);
    await expect(Promise.resolve().then(() => handlers.listBookmarks({}))).rejects.toThrow(/tra cứu vẫn hoạt động/);
  });
});

describe('browser mode with a damaged knowledge base', () => {
  it('does not start: no port is opened, the integrity message is the reason', async () => {
    const { kbPath } = await kbCopy('serve-kb-');
    flipByte(kbPath, 777_777, 0x20);
    const rendererDir = mkdtempSync(join(tmpdir(), 'serve-renderer-'));
    await expect(startServer({ kbPath, ensure: false, rendererDir, userDir: mkdtempSync(join(tmpdir(), 'serve-user-')), port: 0, log: () => {} })).rejects.toBeInstanceOf(KbIntegrityError);
  });
});
