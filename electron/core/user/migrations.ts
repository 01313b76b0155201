/**
 * The user's own database (bookmarks, notes): separate from the knowledge base so
 * it survives every KB update. Migrations only move forward; never edit a shipped one.
 */
export const USER_MIGRATIONS: readonly string[] = [
  // 1: bookmarks keyed by record id (stable across KB rebuilds), with a free note.
  `CREATE TABLE bookmarks (
     record_id TEXT PRIMARY KEY,
     note TEXT NOT NULL DEFAULT '',
     created_at TEXT NOT NULL
   );`,
  // 2: recent searches that led to an opened record, to run again with one click.
  `CREATE TABLE history (
     query TEXT PRIMARY KEY,
     last_used TEXT NOT NULL,
     uses INTEGER NOT NULL DEFAULT 1
   );`,
];
