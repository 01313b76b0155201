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
});
