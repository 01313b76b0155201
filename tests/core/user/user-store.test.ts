import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USER_MIGRATIONS } from '../../../electron/core/user/migrations';
import { UserDb } from '../../../electron/core/user/user-db';
import { damagedName, UserDataUnavailable, UserStore } from '../../../electron/core/user/user-store';

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
const NOW = new Date('2026-12-02T01:30:00.123Z');
const tempDir = () => mkdtempSync(join(tmpdir(), 'userstore-'));

/** A real user file with two bookmarks and some history, closed. */
function goodFile(dir: string): string {
  const file = join(dir, 'user.sqlite');
  const db = UserDb.open(file);
  db.saveBookmark('a', 'một');
  db.saveBookmark('b', 'hai');
  for (let i = 0; i < 50; i++) db.rememberSearch(`truy vấn ${i} ${'x'.repeat(200)}`);
  db.close();
  return file;
}

describe('UserStore: the user file never stops the app', () => {
  it.each([
    ['random bytes', () => Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 256))],
    ['a text file', () => Buffer.from('đây không phải cơ sở dữ liệu\n'.repeat(100))],
    ['a truncated header', () => Buffer.from('SQLite format 3\0')],
  ])('moves %s aside under a dated name, starts a fresh file and says so in Vietnamese', (_label, bytes) => {
    const dir = tempDir();
    const file = join(dir, 'user.sqlite');
    const original = bytes();
    writeFileSync(file, original);
    const store = UserStore.open({ path: file, now: () => NOW });
    expect(store.available).toBe(true);
    const aside = join(dir, 'user.sqlite.hong-2026-12-02T01-30-00Z');
    expect(readFileSync(aside)).toEqual(original); // the damaged file is kept, byte for byte
    const notice = store.takeNotice()!;
    expect(notice).toMatch(VIETNAMESE);
    expect(notice).toContain('user.sqlite.hong-2026-12-02T01-30-00Z');
    expect(notice).toContain('Tra cứu vẫn hoạt động');
    expect(store.takeNotice()).toBeNull(); // said once
    expect(store.use((u) => u.saveBookmark('x', 'mới').note)).toBe('mới');
    store.close();
    expect(new Database(file).pragma('user_version', { simple: true })).toBe(USER_MIGRATIONS.length);
  });

  it('finds damage inside a real file (overwritten pages) and keeps the damaged copy beside the fresh one', () => {
    const dir = tempDir();
    const file = goodFile(dir);
    const bytes = readFileSync(file);
    expect(bytes.length).toBeGreaterThan(8192);
    // Overwrite everything after the first page: the schema page survives, the tables do not.
    bytes.fill(0xa5, 4096);
    writeFileSync(file, bytes);
    const store = UserStore.open({ path: file, now: () => NOW });
    expect(store.takeNotice()).toContain('bị hỏng');
    expect(readdirSync(dir).filter((f) => f.includes('.hong-'))).toHaveLength(1);
    expect(store.use((u) => u.listBookmarks())).toEqual([]);
    store.close();
  });

  it('treats a file whose version promises tables it lacks as damaged', () => {
    const dir = tempDir();
    const file = join(dir, 'user.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${USER_MIGRATIONS.length}`);
    raw.close();
    const store = UserStore.open({ path: file, now: () => NOW });
    expect(store.takeNotice()).toContain('bị hỏng');
    expect(store.use((u) => u.recentSearches())).toEqual([]);
    store.close();
  });

  it('moves a file that turns out damaged while in use aside, and the request says so', () => {
    const dir = tempDir();
    const file = goodFile(dir);
    const store = UserStore.open({ path: file, now: () => NOW });
    expect(store.takeNotice()).toBeNull();
    const corrupt = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
    expect(() =>
      store.use(() => {
        throw corrupt;
      }),
    ).toThrow(UserDataUnavailable);
    expect(existsSync(join(dir, 'user.sqlite.hong-2026-12-02T01-30-00Z'))).toBe(true);
    expect(store.use((u) => u.listBookmarks())).toEqual([]); // a fresh file
    // Other errors are not damage: nothing is moved.
    expect(() =>
      store.use(() => {
        throw new Error('SQLITE_BUSY');
      }),
    ).toThrow('SQLITE_BUSY');
    expect(readdirSync(dir).filter((f) => f.includes('.hong-') && !f.endsWith('-wal') && !f.endsWith('-shm'))).toHaveLength(1);
    store.close();
  });

  it('leaves a file from a newer version untouched and turns bookmarks off, with a message', () => {
    const dir = tempDir();
    const file = join(dir, 'user.sqlite');
    const raw = new Database(file);
    raw.exec(USER_MIGRATIONS.join('\n'));
    raw.pragma(`user_version = ${USER_MIGRATIONS.length + 1}`);
    raw.close();
    const before = readFileSync(file);
    const store = UserStore.open({ path: file, now: () => NOW });
    expect(store.available).toBe(false);
    expect(store.takeNotice()).toContain('phiên bản mới hơn');
    expect(() => store.use((u) => u.listBookmarks())).toThrow(/phiên bản mới hơn/);
    expect(readFileSync(file)).toEqual(before);
    expect(readdirSync(dir)).toEqual(['user.sqlite']);
  });

  it('turns bookmarks off when the folder cannot hold the file, without throwing', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const store = UserStore.open({ path: join(dir, 'not-a-folder', 'user.sqlite') });
    expect(store.available).toBe(false);
    expect(store.takeNotice()).toMatch(/Không mở được tệp dữ liệu cá nhân.*tra cứu vẫn hoạt động/);
  });

  it('names each damaged copy apart', () => {
    const dir = tempDir();
    const file = join(dir, 'user.sqlite');
    writeFileSync(`${file}.hong-2026-12-02T01-30-00Z`, 'x');
    expect(damagedName(file, NOW)).toBe(`${file}.hong-2026-12-02T01-30-00Z-2`);
  });
});

describe('a backup before each migration', () => {
  it('copies a version-1 file before upgrading it, and the copy opens with the old data', () => {
    const dir = tempDir();
    const file = join(dir, 'user.sqlite');
    const raw = new Database(file);
    raw.exec(USER_MIGRATIONS[0]!);
    raw.pragma('user_version = 1');
    raw.prepare("INSERT INTO bookmarks (record_id, note, created_at) VALUES ('x', 'cũ', '2025-07-01')").run();
    raw.close();
    const db = UserDb.open(file);
    expect(db.schemaVersion()).toBe(USER_MIGRATIONS.length);
    db.close();
    const backups = readdirSync(dir).filter((f) => /^user\.sqlite\.v1-.*\.bak$/.test(f));
    expect(backups).toHaveLength(1);
    const copy = new Database(join(dir, backups[0]!), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare('SELECT record_id, note FROM bookmarks').all()).toEqual([{ record_id: 'x', note: 'cũ' }]);
    copy.close();
  });

  it('makes no copy of a new file or of one already up to date', () => {
    const dir = tempDir();
    goodFile(dir);
    UserDb.open(join(dir, 'user.sqlite')).close();
    expect(readdirSync(dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });
});
