/**
 * Vitest global setup: build the renderer once (Vite JS API) when the output is
 * missing or older than its sources, so the E2E test serves the current UI.
 * Nothing else happens here: the KB is ensured by the tests that need it.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const e of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, e)));
  return newest;
}

export function rendererIsStale(): boolean {
  const out = join(root, 'build', 'renderer', 'index.html');
  if (!existsSync(out)) return true;
  const inputs = [
    join(root, 'renderer'),
    join(root, 'vite.config.ts'),
    join(root, 'electron', 'api', 'contract.ts'),
    join(root, 'electron', 'core', 'model.ts'),
  ];
  return Math.max(...inputs.map(newestMtime)) > statSync(out).mtimeMs;
}

export default async function setup(): Promise<void> {
  if (!rendererIsStale()) return;
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'error' });
}
