import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ApiHandlers } from '../../electron/api/contract';
import { unavailableDataHandlers } from '../../electron/api/data-handlers';
import { MAX_BODY_BYTES, startHttpServer, type RunningServer } from '../../electron/server/http-server';

// The transport is tested with recording handlers; the real core is exercised by tests/e2e and tests/cli.
const calls: unknown[] = [];
const handlers: ApiHandlers = {
  ...unavailableDataHandlers(),
  search: vi.fn((args) => {
    calls.push(args);
    return { q: args.q, total: 0, hits: [], suggestion: null, jump: null, missingWords: [], date: '2026-12-02', province: null, notice: null, tookMs: 0 };
  }),
  getRecord: vi.fn(() => null),
  stats: vi.fn(() => ({
    documents: 0,
    documentsWithText: 0,
    records: 0,
    bySector: {},
    byLevel: {},
    byStatus: { 'hieu-luc': 0, 'da-sua-doi': 0, 'bai-bo': 0, 'het-thoi-han': 0, 'chua-hieu-luc': 0 },
    provisionsByStatus: { 'hieu-luc': 0, 'da-sua-doi': 0, 'bai-bo': 0, 'het-thoi-han': 0, 'chua-hieu-luc': 0 },
    date: '2026-12-02',
    acts: [],
    procedures: 0,
    nationalProcedures: 0,
    nationalProceduresLinked: 0,
    builtAt: '',
  })),
  listProvinces: vi.fn(() => []),
  crosscheck: vi.fn(() => ({
    date: '',
    loaded: 0,
    linked: 0,
    agree: 0,
    disagree: 0,
    unmatched: 0,
    secondHand: {},
    disagreements: [],
    byKind: { 'het-hieu-luc': 0, 'phan-cap-uy-quyen': 0, 'khong-neu-cap': 0, 'khac-cap': 0 },
    kindLabels: { 'het-hieu-luc': '', 'phan-cap-uy-quyen': '', 'khong-neu-cap': '', 'khac-cap': '' },
    links: [],
  })),
  listDocuments: vi.fn(() => []),
  getDocument: vi.fn(() => null),
  listRecords: vi.fn(() => []),
  listBookmarks: vi.fn(() => []),
  saveBookmark: vi.fn(({ recordId }) => ({ recordId, note: '', createdAt: '', hit: null })),
  removeBookmark: vi.fn(() => ({ removed: false })),
  listHistory: vi.fn(() => []),
  rememberSearch: vi.fn(() => ({ ok: true as const })),
  clearHistory: vi.fn(() => ({ cleared: 0 })),
  userDataNotice: vi.fn(() => ({ notice: null })),
  saveReport: vi.fn(({ recordId }) => ({ status: 'in-browser' as const, fileName: `bao-sai-sot-${recordId}.json`, content: '{}' })),
  savePdf: vi.fn(({ fileName }) => ({ status: 'in-browser' as const, fileName })),
};

let server: RunningServer;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'renderer-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startHttpServer({ handlers, rendererDir: dir });
});
afterAll(() => server.close());

const post = (name: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}api/${name}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

describe('browser-mode HTTP server', () => {
  it('binds to loopback and serves the renderer with a CSP', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await fetch(server.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe');
    expect(await res.text()).toContain('<title>t</title>');
  });

  it('passes validated arguments to the handler', async () => {
    const res = await post('search', JSON.stringify({ q: 'khai sinh', limit: 3 }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { q: string }).q).toBe('khai sinh');
    expect(calls.at(-1)).toEqual({ q: 'khai sinh', limit: 3, filters: {} });
  });

  it('answers bad input with a Vietnamese error and does not call the handler', async () => {
    const before = calls.length;
    const bad = await post('search', '{not json');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'Dữ liệu gửi lên không phải JSON hợp lệ.' });
    const invalid = await post('search', JSON.stringify({ q: 1 }));
    expect(await invalid.json()).toEqual({ error: 'Từ khóa tìm kiếm phải là một chuỗi ký tự.' });
    const unknown = await post('dropTables', '{}');
    expect(unknown.status).toBe(404);
    const huge = await post('search', JSON.stringify({ q: 'x'.repeat(MAX_BODY_BYTES) }));
    expect(huge.status).toBe(413);
    expect(calls.length).toBe(before);
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'answers a filter named %s with a Vietnamese 400, not a 500',
    async (name) => {
      const before = calls.length;
      const res = await post('search', `{"q":"khai sinh","filters":{"${name}":["xa"]}}`);
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: `Bộ lọc "${name}" không được hỗ trợ.` });
      expect(calls.length).toBe(before);
    },
  );

  it('refuses other origins and foreign Host headers', async () => {
    const cross = await post('stats', '{}', { origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
    const get = await fetch(`${server.url}api/stats`);
    expect(get.status).toBe(405);
  });

  it('does not serve files outside the renderer folder', async () => {
    const res = await fetch(`${server.url}..%2f..%2fetc%2fpasswd`);
    expect(await res.text()).toContain('<title>t</title>'); // falls back to the app, never the file
  });
});
