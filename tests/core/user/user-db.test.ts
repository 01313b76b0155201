import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USER_MIGRATIONS } from '../../../electron/core/user/migrations';
import { migrate, UserDb } from '../../../electron/core/user/user-db';

const tempFile = () => join(mkdtempSync(join(tmpdir(), 'userdb-')), 'user.sqlite');

describe('user database', () => {
  it('migrates a new file to the latest version and keeps bookmarks across reopen', () => {
    const file = tempFile();
    const a = UserDb.open(file);
    expect(a.schemaVersion()).toBe(USER_MIGRATIONS.length);
    a.saveBookmark('120-d4-ubnd-xa-quyet-dinh', 'hỏi về khai sinh');
    a.close();
    const b = UserDb.open(file);
    expect(b.listBookmarks()).toEqual([
      expect.objectContaining({ recordId: '120-d4-ubnd-xa-quyet-dinh', note: 'hỏi về khai sinh' }),
    ]);
    b.close();
  });

  it('updates the note without losing the creation time, and removes', () => {
    const db = UserDb.open(tempFile());
    const first = db.saveBookmark('x', 'một', new Date('2026-01-01T00:00:00Z'));
    const second = db.saveBookmark('x', 'hai', new Date('2026-02-01T00:00:00Z'));
    expect(second).toEqual({ recordId: 'x', note: 'hai', createdAt: first.createdAt });
    expect(db.saveBookmark('x', undefined).note).toBe('hai'); // no note given: the old one stays
    expect(db.removeBookmark('x')).toBe(true);
    expect(db.removeBookmark('x')).toBe(false);
    db.close();
  });

  it('refuses a file from a newer version instead of damaging it', () => {
    const file = tempFile();
    const raw = new Database(file);
    raw.pragma(`user_version = ${USER_MIGRATIONS.length + 1}`);
    expect(() => migrate(raw)).toThrow(/phiên bản mới hơn/);
    raw.close();
  });

  it('remembers recent searches, most recent first, counted once per query', () => {
    const db = UserDb.open(tempFile());
    db.rememberSearch('dang ky  khai sinh ', new Date('2026-01-01T00:00:00Z'));
    db.rememberSearch('xin phép xây nhà', new Date('2026-01-02T00:00:00Z'));
    db.rememberSearch('dang ky khai sinh', new Date('2026-01-03T00:00:00Z'));
    db.rememberSearch('   ');
    expect(db.recentSearches().map((h) => [h.query, h.uses])).toEqual([
      ['dang ky khai sinh', 2],
      ['xin phép xây nhà', 1],
    ]);
    expect(db.clearHistory()).toBe(2);
    expect(db.recentSearches()).toEqual([]);
    db.close();
  });

  it('upgrades a version-1 file in place: bookmarks kept, history added', () => {
    const file = tempFile();
    const raw = new Database(file);
    raw.exec(USER_MIGRATIONS[0]!);
    raw.pragma('user_version = 1');
    raw.prepare("INSERT INTO bookmarks (record_id, note, created_at) VALUES ('x', 'cũ', '2025-07-01')").run();
    raw.close();
    const db = UserDb.open(file);
    expect(db.schemaVersion()).toBe(USER_MIGRATIONS.length);
    expect(db.listBookmarks()).toEqual([{ recordId: 'x', note: 'cũ', createdAt: '2025-07-01' }]);
    db.rememberSearch('khai sinh');
    expect(db.recentSearches()).toHaveLength(1);
    db.close();
  });
});
