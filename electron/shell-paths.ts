/**
 * The files the Electron main process needs, in development (`electron .` from
 * the repo, everything under build/) and packaged (kb and native binding in
 * resources/, code inside app.asar). Pure so it can be tested without Electron.
 */
import path from 'node:path';
import { nativeBindingRelPath } from './native-binding';

export interface ShellPaths {
  rendererDir: string;
  kbPath: string;
  nativeBinding: string;
  preload: string;
}

export interface ShellPathInputs {
  isPackaged: boolean;
  /** app.getAppPath(): the repo in development, …/resources/app.asar packaged. */
  appPath: string;
  resourcesPath: string;
  electronVersion: string;
  /** Folder of main.cjs (preload.cjs sits beside it). */
  mainDir: string;
  env?: Record<string, string | undefined>;
}

export function shellPaths(o: ShellPathInputs): ShellPaths {
  const resources = o.isPackaged ? o.resourcesPath : path.join(o.appPath, 'build');
  // KB_PATH is honoured in development only, as the CLI and `npm start` honour it.
  const kbOverride = o.isPackaged ? undefined : o.env?.KB_PATH;
  return {
    rendererDir: path.join(o.appPath, 'build', 'renderer'),
    kbPath: kbOverride ? path.resolve(kbOverride) : path.join(resources, 'kb.sqlite'),
    nativeBinding: path.join(resources, nativeBindingRelPath(o.electronVersion)),
    preload: path.join(o.mainDir, 'preload.cjs'),
  };
}

/** Vietnamese explanation of what is missing, or null when everything is there. */
export function missingFilesMessage(
  paths: ShellPaths,
  exists: (file: string) => boolean,
  isPackaged: boolean,
): string | null {
  const fix = isPackaged
    ? 'Bản cài đặt bị thiếu tệp; hãy cài lại ứng dụng.'
    : 'Hãy chạy "npm start" (tự chuẩn bị mọi thứ) thay vì gọi "electron ." trực tiếp; lần đầu cần có mạng để tải better-sqlite3 cho Electron.';
  const missing = [
    [paths.rendererDir + path.sep + 'index.html', 'giao diện'],
    [paths.kbPath, 'cơ sở dữ liệu tri thức'],
    [paths.nativeBinding, 'thư viện SQLite cho Electron'],
    [paths.preload, 'preload'],
  ]
    .filter(([file]) => !exists(file!))
    .map(([file, what]) => `• Thiếu ${what}: ${file}`);
  return missing.length ? `${missing.join('\n')}\n\n${fix}` : null;
}
