/**
 * "Cập nhật dữ liệu" in the app and in browser mode: the same checks and the same install as
 * `kb update` (pack.ts), for a pack the user picked in the window (its bytes arrive in memory).
 *
 * 1. check: the pack is read and verified (signature, size, SHA-256, formats, schema) and described
 *    (data version, dates, counts) — nothing is written; it waits under a one-time token.
 * 2. install: the waiting pack is installed atomically (written aside, flushed, test-opened, the
 *    current KB kept as the previous copy, renamed in, put back if it does not open).
 * 3. restore: the previous good copy goes back.
 *
 * Where the data lives: the KB shipped with a packaged app sits among its resources, which an
 * update must not rewrite (signed bundle, read-only install); installs go to a writable copy in the
 * user's folder, opened instead of the shipped one while it checks out. In development, browser
 * mode and the CLI both are the same file (build/kb.sqlite).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { checkKb, fsyncDir, manifestPath, previousPath, restorePrevious, type KbManifest } from './manifest';
import { dirname } from 'node:path';
import { PackRefused, readPack, updateFromBytes } from './pack';
import type { DataStatus, DataVersionInfo, PackCheck } from '../data-results';

export interface DataPlace {
  /** The KB shipped with the app (resources/kb.sqlite) or, in development, the one built. */
  shipped: string;
  /** Where updates are installed: a writable copy (packaged app) or the shipped path itself. */
  target: string;
}

const info = (m: KbManifest): DataVersionInfo => ({ dataVersion: m.dataVersion, builtAt: m.builtAt, counts: m.counts, bytes: m.bytes });

/** The KB to open: the installed copy while it checks out, else the shipped one. */
export function activeKbPath(place: DataPlace): string {
  return place.target !== place.shipped && checkKb(place.target).ok ? place.target : place.shipped;
}

export function dataStatus(place: DataPlace): DataStatus {
  const active = activeKbPath(place);
  const current = checkKb(active);
  const prev = checkKb(previousPath(place.target));
  let previous = prev.ok ? info(prev.manifest) : null;
  if (!previous && active !== place.shipped) {
    const shipped = checkKb(place.shipped);
    if (shipped.ok) previous = info(shipped.manifest); // going back = the data the app came with
  }
  return { current: current.ok ? info(current.manifest) : null, previous };
}

/** Tokens live this long; a pack checked and left is dropped. */
const TOKEN_MS = 15 * 60 * 1000;

/** One pack checked and waiting for "Cài đặt" (the newest replaces any other: packs are large). */
export class PackStaging {
  private waiting: { token: string; bytes: Buffer; at: number } | null = null;

  constructor(
    private readonly place: DataPlace,
    private readonly publicKeyPem: () => string,
    private readonly nativeBinding?: string,
  ) {}

  check(fileName: string, bytes: Buffer): PackCheck {
    this.waiting = null;
    try {
      const { manifest } = readPack(bytes, this.publicKeyPem());
      const current = checkKb(activeKbPath(this.place));
      const token = randomBytes(16).toString('hex');
      this.waiting = { token, bytes, at: Date.now() };
      return {
        ok: true,
        token,
        fileName,
        pack: { ...info(manifest), packedAt: manifest.packedAt },
        sameAsCurrent: current.ok && current.manifest.sha256 === manifest.sha256,
      };
    } catch (err) {
      if (err instanceof PackRefused) return { ok: false, fileName, reason: err.message };
      throw err;
    }
  }

  /** Installs the pack checked under `token`; throws PackRefused (nothing changed) otherwise. */
  install(token: string): DataVersionInfo {
    const w = this.waiting;
    if (!w || w.token !== token || Date.now() - w.at > TOKEN_MS) {
      throw new PackRefused('Gói dữ liệu chưa được kiểm tra hoặc đã quá hạn; hãy chọn lại tệp.');
    }
    this.waiting = null;
    mkdirSync(dirname(this.place.target), { recursive: true });
    const { installed } = updateFromBytes(w.bytes, this.place.target, this.publicKeyPem(), () => {}, this.nativeBinding);
    return info(installed);
  }

  /** Puts the previous good copy back (or, in a packaged app, the data it came with). */
  restore(): DataVersionInfo {
    const prev = checkKb(previousPath(this.place.target));
    if (prev.ok) return info(restorePrevious(this.place.target));
    if (this.place.target !== this.place.shipped && existsSync(this.place.target)) {
      const shipped = checkKb(this.place.shipped);
      if (!shipped.ok) throw new PackRefused(`Dữ liệu đi kèm ứng dụng không dùng được (${shipped.reason}); hãy cài lại ứng dụng.`);
      rmSync(this.place.target, { force: true });
      rmSync(manifestPath(this.place.target), { force: true });
      fsyncDir(dirname(this.place.target));
      return info(shipped.manifest);
    }
    throw new PackRefused('Không có bản dữ liệu trước để khôi phục.');
  }
}
