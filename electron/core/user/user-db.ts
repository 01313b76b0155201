import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
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
    db.pragma('journal_mode = WAL');
    migrate(db);
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

/** Applies the migrations the file has not seen yet, each in its own transaction. */
export function migrate(db: Database.Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > USER_MIGRATIONS.length) {
    throw new Error('Dữ liệu cá nhân được tạo bởi phiên bản mới hơn của ứng dụng; hãy cập nhật ứng dụng.');
  }
  for (let v = current; v < USER_MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(USER_MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
