import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { USER_MIGRATIONS } from './migrations';

export interface BookmarkRow {
  recordId: string;
  note: string;
  createdAt: string;
}

export interface HistoryRow {
  query: string;
  lastUsed: string;
  uses: number;
}

const HISTORY_KEPT = 200;

export class UserDb {
  private constructor(private readonly db: Database.Database) {}

  static open(path: string, nativeBinding?: string): UserDb {
    mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path, nativeBinding ? { nativeBinding } : {});
    try {
      checkUserFile(db); // reads only: a file found too new or damaged is left byte for byte as it was
      db.pragma('journal_mode = WAL');
      migrate(db, path);
    } catch (err) {
      db.close();
      throw err;
    }
    return new UserDb(db);
  }

  listBookmarks(): BookmarkRow[] {
    return this.db
      .prepare('SELECT record_id AS recordId, note, created_at AS createdAt FROM bookmarks ORDER BY created_at DESC, record_id')
      .all() as BookmarkRow[];
  }

  saveBookmark(recordId: string, note: string | undefined, now = new Date()): BookmarkRow {
    this.db
      .prepare(
        `INSERT INTO bookmarks (record_id, note, created_at) VALUES (?, ?, ?)
         ON CONFLICT(record_id) DO UPDATE SET note = COALESCE(?, note)`,
      )
      .run(recordId, note ?? '', now.toISOString(), note ?? null);
    return this.db
      .prepare('SELECT record_id AS recordId, note, created_at AS createdAt FROM bookmarks WHERE record_id = ?')
      .get(recordId) as BookmarkRow;
  }

  removeBookmark(recordId: string): boolean {
    return this.db.prepare('DELETE FROM bookmarks WHERE record_id = ?').run(recordId).changes > 0;
  }

  /** Keeps the most recent searches; older ones fall off so the file stays small. */
  rememberSearch(query: string, now = new Date()): void {
    const q = query.trim().replace(/\s+/g, ' ');
    if (!q) return;
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO history (query, last_used) VALUES (?, ?)
           ON CONFLICT(query) DO UPDATE SET last_used = excluded.last_used, uses = uses + 1`,
        )
        .run(q, now.toISOString());
      this.db
        .prepare('DELETE FROM history WHERE query NOT IN (SELECT query FROM history ORDER BY last_used DESC LIMIT ?)')
        .run(HISTORY_KEPT);
    })();
  }

  recentSearches(limit = 20): HistoryRow[] {
    return this.db
      .prepare('SELECT query, last_used AS lastUsed, uses FROM history ORDER BY last_used DESC, query LIMIT ?')
      .all(limit) as HistoryRow[];
  }

  clearHistory(): number {
    return this.db.prepare('DELETE FROM history').run().changes;
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  close(): void {
    this.db.close();
  }
}

/** The tables each version has: a file that claims a version but lacks them is damaged. */
const TABLES_AT: ReadonlyArray<readonly string[]> = [[], ['bookmarks'], ['bookmarks', 'history']];

/** A file the app did not write, or one SQLite reads as damaged. */
export class UserFileDamaged extends Error {
  override readonly name = 'UserFileDamaged';
}

/** A file from a newer version of the app: kept as it is, never moved or migrated. */
export class UserFileTooNew extends Error {
  override readonly name = 'UserFileTooNew';
}

/** Cheap checks at open: SQLite's quick_check, and the tables its version promises. */
function checkUserFile(db: Database.Database): void {
  const check = db.pragma('quick_check', { simple: true }) as string;
  if (check !== 'ok') throw new UserFileDamaged(`quick_check: ${check}`);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > USER_MIGRATIONS.length) {
    throw new UserFileTooNew('Dữ liệu cá nhân được tạo bởi phiên bản mới hơn của ứng dụng; hãy cập nhật ứng dụng.');
  }
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>).map((r) => r.name));
  const expected = TABLES_AT[Math.min(version, TABLES_AT.length - 1)] ?? [];
  const missing = expected.filter((t) => !tables.has(t));
  if (missing.length > 0) throw new UserFileDamaged(`thiếu bảng ${missing.join(', ')} ở phiên bản ${version}`);
}

/** "user.sqlite" → "user.sqlite.v1-2026-12-02T01-30-00Z.bak": the copy kept before upgrading from v1. */
export function migrationBackupPath(path: string, fromVersion: number, now = new Date()): string {
  return `${path}.v${fromVersion}-${now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.bak`;
}

/**
 * Applies the migrations the file has not seen yet, each in its own transaction.
 * Before the first one, a file that already holds data is copied beside itself
 * (VACUUM INTO: a consistent copy, WAL included), so a failed upgrade loses nothing.
 */
export function migrate(db: Database.Database, path?: string, now = new Date()): string | null {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > USER_MIGRATIONS.length) {
    throw new UserFileTooNew('Dữ liệu cá nhân được tạo bởi phiên bản mới hơn của ứng dụng; hãy cập nhật ứng dụng.');
  }
  let backup: string | null = null;
  if (path && current > 0 && current < USER_MIGRATIONS.length) {
    backup = migrationBackupPath(path, current, now);
    if (!existsSync(backup)) db.prepare('VACUUM INTO ?').run(backup);
  }
  for (let v = current; v < USER_MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(USER_MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return backup;
}
