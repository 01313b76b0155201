/**
 * Where things live during development and in tools (CLI, server, scripts, tests).
 * The packaged Electron app passes its own paths explicitly and never calls these.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const PACKAGE_NAME = 'tra-cuu-tham-quyen';

/** The repository root: the nearest folder upwards with our package.json. */
export function repoRoot(start: string = process.cwd()): string {
  let dir = resolve(start);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return dir;
      } catch {
        // unreadable package.json: keep walking up
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`Không tìm thấy thư mục dự án (${PACKAGE_NAME}) từ ${start}`);
    dir = parent;
  }
}

export function dataDir(root = repoRoot()): string {
  return join(root, 'data');
}

export function defaultKbPath(root = repoRoot()): string {
  return process.env.KB_PATH ? resolve(process.env.KB_PATH) : join(root, 'build', 'kb.sqlite');
}

/**
 * The folder of official decree texts: KB_SOURCES, else ../shared/sources beside the repo.
 * Returns null when there is none: a build without texts still works.
 */
export function defaultSourcesDir(root = repoRoot()): string | null {
  const candidate = process.env.KB_SOURCES ? resolve(process.env.KB_SOURCES) : resolve(root, '..', 'shared', 'sources');
  return existsSync(candidate) ? candidate : null;
}

/** User data (bookmarks, history, imported texts) for the CLI and browser mode. */
export function defaultUserDir(root = repoRoot()): string {
  return process.env.KB_USER_DIR ? resolve(process.env.KB_USER_DIR) : join(root, '.userdata');
}
