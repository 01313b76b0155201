/**
 * Bundles browser mode like the Electron main: build/server/serve.mjs, plain node at run time
 * (no tsx transform on start or on the search path). better-sqlite3 (native) and mammoth
 * (only for importing .docx) stay external and load from node_modules.
 *
 *   npx tsx scripts/build-server.ts     (npm run serve does it, then runs node build/server/serve.mjs)
 */
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export async function buildServer(root = process.cwd(), outDir = path.join(root, 'build', 'server')): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  const outfile = path.join(outDir, 'serve.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: [path.join(root, 'electron', 'server', 'serve.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile,
    external: ['better-sqlite3', 'mammoth'],
    // Bundled CommonJS code may call require(); give it one in the ESM output.
    banner: { js: "import { createRequire as __tracuu_cr } from 'node:module'; const require = __tracuu_cr(import.meta.url);" },
    sourcemap: true,
    logLevel: 'warning',
    legalComments: 'none',
  });
  return outfile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildServer().catch((error: unknown) => {
    console.error('Không đóng gói được máy chủ:', error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
