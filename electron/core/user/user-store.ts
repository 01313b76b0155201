/**
 * The user's data as the app uses it: never the reason the app stops.
 * - No file, or one that cannot be opened: search works; bookmarks and history say why they are off.
 * - A damaged file (SQLite cannot read it, quick_check fails, its tables are missing) at open or
 *   while in use: moved aside under a dated name (with its -wal/-shm), a fresh file starts, and
 *   `notice` says so in plain Vietnamese (shown at start, and as the answer of the request that met it).
 * - A file from a newer app: left as it is; bookmarks and history are off until the app is updated.
 */
import { existsSync, renameSync } from 'node:fs';
import { basename } from 'node:path';
import { UserDb, UserFileDamaged, UserFileTooNew } from './user-db';

/** A user-data request that cannot be served; its message is meant for the user. */
export class UserDataUnavailable extends Error {
  override readonly name = 'UserDataUnavailable';
}

export interface UserStoreOptions {
  path: string;
  nativeBinding?: string;
  now?: () => Date;
  log?: (message: string) => void;
}

const SQLITE_DAMAGE = /^SQLITE_(CORRUPT|NOTADB)/;

/** Errors that mean the file itself is damaged (not busy, not read-only, not a bug). */
export function isDamage(err: unknown): boolean {
  if (err instanceof UserFileDamaged) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && SQLITE_DAMAGE.test(code);
}

/** "user.sqlite" → "user.sqlite.hong-2026-12-02T01-30-00Z" (hỏng: damaged), unique in its folder. */
export function damagedName(path: string, now: Date): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  let name = `${path}.hong-${stamp}`;
  for (let i = 2; existsSync(name); i++) name = `${path}.hong-${stamp}-${i}`;
  return name;
}

function damagedNotice(aside: string): string {
  return (
    `Tệp dữ liệu cá nhân (dấu trang, ghi chú, lịch sử tìm kiếm) bị hỏng nên không đọc được. ` +
    `Tệp cũ đã được cất riêng thành "${basename(aside)}" và một tệp mới đã được tạo; dấu trang và lịch sử bắt đầu lại từ đầu. ` +
    `Tra cứu vẫn hoạt động bình thường.`
  );
}

const OFF_MESSAGE =
  'Dữ liệu cá nhân (dấu trang, lịch sử tìm kiếm) tạm thời không dùng được; tra cứu vẫn hoạt động bình thường.';

export class UserStore {
  private db: UserDb | null = null;
  /** What the user should be told about their data, once (null when all is well). */
  notice: string | null = null;
  /** Why bookmarks and history are off (null when they work). */
  private offReason: string | null = null;

  private constructor(private readonly opts: UserStoreOptions) {}

  /** Opens the user's file; never throws. */
  static open(opts: UserStoreOptions): UserStore {
    const store = new UserStore(opts);
    store.openOrRecover();
    return store;
  }

  /** A store over an already open database (tests, tools): no recovery path. */
  static over(db: UserDb): UserStore {
    const store = new UserStore({ path: '' });
    store.db = db;
    return store;
  }

  get available(): boolean {
    return this.db !== null;
  }

  /** The notice, left for whoever shows it. */
  peekNotice(): string | null {
    return this.notice;
  }

  /** The notice to show once; cleared when read. */
  takeNotice(): string | null {
    const n = this.notice;
    this.notice = null;
    return n;
  }

  /**
   * Runs one user-data request. Throws UserDataUnavailable (a message for the user) when the data is
   * off, or when the file turns out damaged — after it is moved aside and a fresh one is open.
   */
  use<T>(fn: (db: UserDb) => T): T {
    if (!this.db) throw new UserDataUnavailable(this.offReason ?? OFF_MESSAGE);
    try {
      return fn(this.db);
    } catch (err) {
      if (!isDamage(err) || !this.opts.path) throw err;
      this.log(`Dữ liệu cá nhân hỏng khi đang dùng: ${(err as Error).message}`);
      try {
        this.db.close();
      } catch {
        // closing a damaged handle may fail too; the file is moved aside next
      }
      this.db = null;
      this.recover();
      throw new UserDataUnavailable(this.takeNotice() ?? OFF_MESSAGE);
    }
  }

  close(): void {
    this.db?.close();
    this.db = null;
  }

  private log(m: string): void {
    this.opts.log?.(m);
  }

  private openFile(): UserDb {
    return UserDb.open(this.opts.path, this.opts.nativeBinding);
  }

  private openOrRecover(): void {
    try {
      this.db = this.openFile();
    } catch (err) {
      if (err instanceof UserFileTooNew) {
        this.offReason = `${err.message} Dấu trang và lịch sử tạm thời không dùng được; tra cứu vẫn hoạt động bình thường.`;
        this.notice = this.offReason;
        return;
      }
      if (isDamage(err)) {
        this.log(`Dữ liệu cá nhân hỏng: ${(err as Error).message}`);
        this.recover();
        return;
      }
      this.log(`Không mở được dữ liệu cá nhân: ${(err as Error).message}`);
      this.offReason = `Không mở được tệp dữ liệu cá nhân (${(err as Error).message}). ${OFF_MESSAGE}`;
      this.notice = this.offReason;
    }
  }

  /** Moves the damaged file (and its -wal/-shm) aside under a dated name, then starts a fresh one. */
  private recover(): void {
    const now = (this.opts.now ?? (() => new Date()))();
    const aside = damagedName(this.opts.path, now);
    try {
      for (const suffix of ['-wal', '-shm']) {
        if (existsSync(this.opts.path + suffix)) renameSync(this.opts.path + suffix, aside + suffix);
      }
      if (existsSync(this.opts.path)) renameSync(this.opts.path, aside);
      this.db = this.openFile();
      this.notice = damagedNotice(aside);
      this.log(`Đã cất tệp hỏng thành ${aside} và tạo tệp dữ liệu cá nhân mới.`);
    } catch (err) {
      this.db = null;
      this.offReason = `Tệp dữ liệu cá nhân bị hỏng và không tạo được tệp mới (${(err as Error).message}). ${OFF_MESSAGE}`;
      this.notice = this.offReason;
      this.log(this.offReason);
    }
  }
}
