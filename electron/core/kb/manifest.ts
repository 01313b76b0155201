/**
 * The knowledge base's manifest: `kb.sqlite.manifest.json` beside `kb.sqlite`, written at build
 * (ensure.ts), at import and at update, shipped with the app. It carries the file's SHA-256 and
 * size, the data version, the schema version and counts. The KB is checked against it every time
 * it is opened (openVerifiedKb): a KB that does not match — one flipped byte is enough — is
 * refused with a Vietnamese message that offers the previous good copy (`kb.sqlite.prev`), kept
 * whenever a new KB replaces a good one.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { openKnowledgeBase, type KnowledgeBase, type OpenOptions } from './open';
import { KB_SCHEMA_VERSION } from './schema';

export const MANIFEST_FORMAT = 1;

export interface KbManifest {
  format: number;
  /** "2026-12-02.3f9a1c2b7d4e": the build's day and the first 12 hex digits of its input hash. */
  dataVersion: string;
  schemaVersion: number;
  builtAt: string;
  /** Hash of the build's inputs (ensure.ts): decides whether a dev build is stale. */
  inputHash: string;
  sha256: string;
  bytes: number;
  counts: { documents: number; records: number; provisions: number };
}

/** A KB that must not be used; the message is for the user. */
export class KbIntegrityError extends Error {
  override readonly name = 'KbIntegrityError';
  constructor(
    message: string,
    /** A previous copy that checks out, to offer instead. */
    readonly previous: string | null,
  ) {
    super(message);
  }
}

export const manifestPath = (kbPath: string) => `${kbPath}.manifest.json`;
export const previousPath = (kbPath: string) => `${kbPath}.prev`;

/** SHA-256 of a file, read in 1 MB chunks. */
export function sha256File(path: string): string {
  const h = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1024 * 1024);
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

/** Reads what the manifest describes from the KB file itself (read-only). */
export function describeKb(kbPath: string, nativeBinding?: string): KbManifest {
  const db = new Database(kbPath, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const meta = new Map((db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>).map((r) => [r.key, r.value]));
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const builtAt = meta.get('builtAt') ?? '';
    return {
      format: MANIFEST_FORMAT,
      dataVersion: `${builtAt.slice(0, 10) || 'unknown'}.${(meta.get('inputHash') || 'none').slice(0, 12)}`,
      schemaVersion: Number(meta.get('schemaVersion')),
      builtAt,
      inputHash: meta.get('inputHash') ?? '',
      sha256: sha256File(kbPath),
      bytes: statSync(kbPath).size,
      counts: { documents: count('documents'), records: count('records'), provisions: count('provisions') },
    };
  } finally {
    db.close();
  }
}

/** Writes a file aside, flushes it, renames it into place, and flushes the folder where the OS allows. */
export function writeFileAtomic(path: string, data: string | Buffer): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  writeFileSync(tmp, data, { flush: true });
  renameSync(tmp, path);
  fsyncDir(dirname(path));
}

export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for fsync; its renames are durable enough for this purpose
  }
}

export function writeManifest(kbPath: string, manifest: KbManifest = describeKb(kbPath)): KbManifest {
  writeFileAtomic(manifestPath(kbPath), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

export function readManifest(kbPath: string): KbManifest | null {
  const p = manifestPath(kbPath);
  if (!existsSync(p)) return null;
  try {
    const m = JSON.parse(readFileSync(p, 'utf8')) as KbManifest;
    return typeof m.sha256 === 'string' && typeof m.bytes === 'number' ? m : null;
  } catch {
    return null;
  }
}

export type KbCheck = { ok: true; manifest: KbManifest } | { ok: false; reason: string };

const HASH_MISMATCH = 'mã kiểm tra SHA-256 không khớp';

/** The checks that need no hash: a manifest of this format and schema, and the size it says. */
function checkBeforeHash(kbPath: string): KbCheck {
  if (!existsSync(kbPath)) return { ok: false, reason: 'không có tệp' };
  const m = readManifest(kbPath);
  if (!m) return { ok: false, reason: 'thiếu tệp kiểm tra (manifest) hoặc tệp này không đọc được' };
  if (m.format !== MANIFEST_FORMAT) return { ok: false, reason: `tệp kiểm tra có định dạng ${m.format}, ứng dụng này đọc định dạng ${MANIFEST_FORMAT}` };
  if (m.schemaVersion !== KB_SCHEMA_VERSION) {
    return { ok: false, reason: `dữ liệu có cấu trúc phiên bản ${m.schemaVersion}, ứng dụng này cần phiên bản ${KB_SCHEMA_VERSION}` };
  }
  const size = statSync(kbPath).size;
  return size === m.bytes ? { ok: true, manifest: m } : { ok: false, reason: `kích thước ${size} byte, tệp kiểm tra ghi ${m.bytes} byte` };
}

/** Does the file match its manifest (size, SHA-256, schema version)? Never throws. */
export function checkKb(kbPath: string): KbCheck {
  const check = checkBeforeHash(kbPath);
  if (check.ok && sha256File(kbPath) !== check.manifest.sha256) return { ok: false, reason: HASH_MISMATCH };
  return check;
}

/** The message for a KB that fails its check, offering the previous good copy when there is one. */
export function integrityError(kbPath: string, reason: string): KbIntegrityError {
  const prev = previousPath(kbPath);
  const prevOk = checkKb(prev).ok ? prev : null;
  const offer = prevOk
    ? ` Có bản dữ liệu tốt trước đó (${basename(prev)}): dùng lại bằng lệnh "npm run kb -- restore" hoặc nút "Dùng bản trước".`
    : ' Hãy dựng lại (npm run kb -- build --force) hoặc cài lại ứng dụng.';
  return new KbIntegrityError(
    `Dữ liệu tra cứu (${basename(kbPath)}) không đúng với bản đã phát hành (${reason}); tệp có thể đã hỏng hoặc bị sửa, nên ứng dụng không dùng nó để tránh trả lời sai.${offer}`,
    prevOk,
  );
}

/** Opens the KB only after it matches its manifest; throws KbIntegrityError otherwise. */
export function openVerifiedKb(opts: OpenOptions): KnowledgeBase {
  const check = checkKb(opts.kbPath);
  if (!check.ok) throw integrityError(opts.kbPath, check.reason);
  return openKnowledgeBase(opts);
}

/** sha256File on another thread: a worker of its own, so this thread can load meanwhile. */
const HASH_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const h = createHash('sha256');
const fd = openSync(workerData, 'r');
try {
  const buf = Buffer.allocUnsafe(1024 * 1024);
  for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) h.update(buf.subarray(0, n));
} finally {
  closeSync(fd);
}
parentPort.postMessage(h.digest('hex'));
`;

function sha256FileAside(path: string): Promise<string> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(HASH_WORKER, { eval: true, workerData: path });
    } catch {
      resolve(sha256File(path));
      return;
    }
    worker.once('message', (hex: string) => resolve(hex));
    worker.once('error', () => resolve(sha256File(path))); // a pool that cannot start: hash here
  });
}

/**
 * The same guarantee, sooner (the server's start): the SHA-256 is computed on another thread
 * while this one loads the KB, and the KB is handed over only once the hash matches — so
 * nothing is ever answered from a file that does not. A damaged file is refused with the
 * integrity message even when its load failed first: that says more than SQLite's or JSON's.
 */
export async function openVerifiedKbAsync(opts: OpenOptions): Promise<KnowledgeBase> {
  const check = checkBeforeHash(opts.kbPath);
  if (!check.ok) throw integrityError(opts.kbPath, check.reason);
  const hash = sha256FileAside(opts.kbPath);
  let kb: KnowledgeBase | null = null;
  let failure: unknown = null;
  try {
    kb = openKnowledgeBase(opts);
  } catch (err) {
    failure = err;
  }
  const ok = (await hash) === check.manifest.sha256;
  opts.phase?.('verified');
  if (!ok) {
    kb?.closeFile();
    throw integrityError(opts.kbPath, HASH_MISMATCH);
  }
  if (!kb) throw failure;
  return kb;
}

/** Keeps the current KB (when it checks out) as the previous good copy, with its manifest. */
export function keepPrevious(kbPath: string): string | null {
  if (!checkKb(kbPath).ok) return null;
  const prev = previousPath(kbPath);
  const tmp = `${prev}.${process.pid}.tmp`;
  copyFileSync(kbPath, tmp);
  const fd = openSync(tmp, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, prev);
  writeFileAtomic(manifestPath(prev), readFileSync(manifestPath(kbPath)));
  return prev;
}

/** Puts the previous good copy back in place (`kb restore`, "Dùng bản trước"). */
export function restorePrevious(kbPath: string): KbManifest {
  const prev = previousPath(kbPath);
  const check = checkKb(prev);
  if (!check.ok) throw new KbIntegrityError(`Không có bản dữ liệu tốt trước đó để dùng lại (${check.reason}).`, null);
  const tmp = `${kbPath}.${process.pid}.restore.tmp`;
  copyFileSync(prev, tmp);
  renameSync(tmp, kbPath);
  writeManifest(kbPath, check.manifest);
  fsyncDir(dirname(kbPath));
  return check.manifest;
}

/**
 * Puts a new KB file in place of the old one: the old one is kept as the previous good copy,
 * the new one renamed in (same disk), its manifest written. Used by import and update.
 */
export function installKb(newFile: string, kbPath: string, manifest: KbManifest = describeKb(newFile)): KbManifest {
  keepPrevious(kbPath);
  try {
    renameSync(newFile, kbPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    const tmp = `${kbPath}.${process.pid}.tmp`;
    copyFileSync(newFile, tmp);
    renameSync(tmp, kbPath);
    rmSync(newFile, { force: true });
  }
  writeManifest(kbPath, manifest);
  fsyncDir(dirname(kbPath));
  return manifest;
}
