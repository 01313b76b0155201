import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureKb } from '../../electron/core/kb/ensure';
import { buildServer } from '../../scripts/build-server';

const root = path.resolve(__dirname, '../..');

/** Inside the repo, so the bundle resolves better-sqlite3 from node_modules; a fresh install has no .cache yet. */
function bundleDir(): string {
  const cache = path.join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  return mkdtempSync(path.join(cache, 'server-test-'));
}

describe('the bundled browser-mode server', () => {
  it('is one ESM file that needs only node, better-sqlite3 and mammoth at run time', async () => {
    const out = await buildServer(root, bundleDir());
    const code = readFileSync(out, 'utf8');
    const imports = [...code.matchAll(/^import .* from ["']([^"']+)["'];?$/gm)].map((m) => m[1]!);
    expect(imports.filter((m) => !m.startsWith('node:'))).toEqual(expect.arrayContaining(['better-sqlite3']));
    expect(imports.filter((m) => !m.startsWith('node:') && m !== 'better-sqlite3' && m !== 'mammoth')).toEqual([]);
    expect(code).not.toMatch(/from ["']tsx/);
  });

  it('starts with plain node on loopback and answers a real question', async () => {
    const { kbPath } = await ensureKb();
    const out = await buildServer(root, bundleDir());
    const child = spawn(process.execPath, [out, '--port', '0', '--no-build'], {
      cwd: root,
      env: { ...process.env, KB_PATH: kbPath, KB_USER_DIR: mkdtempSync(path.join(tmpdir(), 'srv-user-')) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(d));
          if (m) resolve(m[0]);
        });
        child.once('exit', (c) => reject(new Error(`exit ${c}`)));
      });
      const res = await fetch(`${url}api/search`, { method: 'POST', body: JSON.stringify({ q: 'dang ky khai sinh', limit: 3 }), headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { hits: Array<{ holder: string; citation: { document: string } }> };
      expect(body.hits[0]).toMatchObject({ holder: 'Ủy ban nhân dân cấp xã', citation: { document: '120/2025/NĐ-CP' } });
    } finally {
      child.kill();
    }
  });
});
