/**
 * Where the Electron-ABI build of better-sqlite3 lives. node_modules keeps the
 * Node build (CLI, browser mode, tests); Electron gets its own copy, made by
 * scripts/prepare-electron-native.ts and shipped as an extra resource.
 * Shared by that script and the main process, so plain Node only.
 */
import path from 'node:path';

export const NATIVE_FILE = 'better_sqlite3.node';

/** Relative to build/ in the repo and to resources/ in the packaged app. */
export function nativeBindingRelPath(electronVersion: string): string {
  return path.join('native', electronVersion, NATIVE_FILE);
}
