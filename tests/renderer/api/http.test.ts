/**
 * The renderer's HTTP transport against the real browser-mode server and KB:
 * results come back typed as the contract says, and a refused request surfaces
 * the server's Vietnamese message (never a status code or a stack).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../../electron/server/serve';
import { ApiRequestError, createHttpClient } from '../../../renderer/src/api/http';

let server: { url: string; close(): Promise<void> };
let userDir: string;

beforeAll(async () => {
  userDir = mkdtempSync(join(tmpdir(), 'tra-cuu-http-'));
  server = await startServer({ port: 0, userDir, log: () => {} });
});
afterAll(async () => {
  await server?.close();
  rmSync(userDir, { recursive: true, force: true });
});

describe('createHttpClient', () => {
  it('searches and reads a record through POST /api/<name>', async () => {
    const api = createHttpClient(server.url);
    const r = await api.search({ q: 'dang ky khai sinh', limit: 5 });
    expect(r.hits.length).toBeGreaterThan(0);
    const first = r.hits[0]!;
    const d = await api.getRecord({ id: first.id });
    expect(d?.record.id).toBe(first.id);
    expect(d?.citationText).toBe(first.citationText);
    expect(await api.getRecord({ id: 'khong-co-ban-ghi-nay' })).toBeNull();
  });

  it('rejects with the server\'s Vietnamese message when the request is refused', async () => {
    const api = createHttpClient(server.url);
    const err = await api.search({ q: 'x'.repeat(10_000) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiRequestError);
    expect((err as ApiRequestError).status).toBeGreaterThanOrEqual(400);
    expect((err as Error).message).toMatch(/[À-ỹ]/u); // a Vietnamese sentence, not "Bad Request"
    expect((err as Error).message).not.toMatch(/\bat \w+ \(|Error:/);
  });

  it('says in Vietnamese that the server is unreachable', async () => {
    const api = createHttpClient('http://127.0.0.1:9/');
    await expect(api.stats({})).rejects.toThrow(/Không kết nối được/);
  });
});
