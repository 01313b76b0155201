import { readFileSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureKb } from '../../../electron/core/kb/ensure';
import { checkKb, KbIntegrityError, keepPrevious, openVerifiedKb, openVerifiedKbAsync, readManifest, restorePrevious, sha256File } from '../../../electron/core/kb/manifest';
import { KB_SCHEMA_VERSION } from '../../../electron/core/kb/schema';
import { flipByte, kbCopy } from './kb-copy';

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

/** A deterministic stream of positions (no Math.random: a failure must be reproducible). */
function* positions(n: number, size: number): Generator<[number, number]> {
  let x = 0x2545f491;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    yield [(x >>> 0) % size, 1 << i % 8];
  }
}

describe('the KB manifest', () => {
  let kbPath: string;
  beforeAll(async () => {
    ({ kbPath } = await kbCopy());
  });

  it('is written at build, beside the KB, and describes it', async () => {
    const { kbPath: built } = await ensureKb();
    const m = readManifest(built)!;
    expect(m.sha256).toBe(sha256File(built));
    expect(m.bytes).toBe(statSync(built).size);
    expect(m.schemaVersion).toBe(KB_SCHEMA_VERSION);
    expect(m.dataVersion).toMatch(/^\d{4}-\d{2}-\d{2}\.[0-9a-f]{12}$/);
    const kb = openVerifiedKb({ kbPath: built });
    expect(m.counts.records).toBe(kb.stats().records);
    expect(m.counts.documents).toBe(kb.listDocuments().length);
  });

  it('refuses every one of 200 one-byte flips at open, in Vietnamese, and opens again once undone', () => {
    const size = statSync(kbPath).size;
    let refused = 0;
    for (const [at, mask] of positions(200, size)) {
      flipByte(kbPath, at, mask);
      try {
        openVerifiedKb({ kbPath });
      } catch (err) {
        expect(err).toBeInstanceOf(KbIntegrityError);
        expect((err as Error).message).toMatch(VIETNAMESE);
        expect((err as Error).message).toContain('SHA-256');
        refused++;
      }
      flipByte(kbPath, at, mask);
    }
    expect(refused).toBe(200);
    expect(checkKb(kbPath).ok).toBe(true);
  });

  it('the server\'s open (hashed on another thread beside the load) refuses flips too, and never hands over the KB first', async () => {
    const size = statSync(kbPath).size;
    // Spread over the file: the header, the index pages, the data; each load is a full one, so fewer than 200.
    for (const [at, mask] of [...positions(8, size), [0, 1] as [number, number], [100, 4] as [number, number]]) {
      flipByte(kbPath, at, mask);
      try {
        const kb = await openVerifiedKbAsync({ kbPath, warmUp: false, deferDetails: true });
        kb.closeFile();
        throw new Error(`opened with byte ${at} flipped`);
      } catch (err) {
        expect(err).toBeInstanceOf(KbIntegrityError);
        expect((err as Error).message).toContain('SHA-256');
      } finally {
        flipByte(kbPath, at, mask);
      }
    }
    const kb = await openVerifiedKbAsync({ kbPath, warmUp: false });
    expect(kb.stats().records).toBeGreaterThan(0);
  });

  it('refuses a truncated file, a missing or edited manifest, and a manifest of another schema', () => {
    const bytes = readFileSync(kbPath);
    const manifest = readFileSync(`${kbPath}.manifest.json`, 'utf8');
    try {
      truncateSync(kbPath, bytes.length - 4096);
      expect(checkKb(kbPath)).toEqual({ ok: false, reason: expect.stringContaining('kích thước') });
      writeFileSync(kbPath, bytes);
      unlinkSync(`${kbPath}.manifest.json`);
      expect(() => openVerifiedKb({ kbPath })).toThrow(/thiếu tệp kiểm tra/);
      writeFileSync(`${kbPath}.manifest.json`, manifest.replace(/"sha256": "[0-9a-f]/, '"sha256": "x'));
      expect(() => openVerifiedKb({ kbPath })).toThrow(/SHA-256 không khớp/);
      writeFileSync(`${kbPath}.manifest.json`, manifest.replace(/"schemaVersion": \d+/, '"schemaVersion": 999'));
      expect(() => openVerifiedKb({ kbPath })).toThrow(/cấu trúc phiên bản 999/);
    } finally {
      writeFileSync(kbPath, bytes);
      writeFileSync(`${kbPath}.manifest.json`, manifest);
    }
    expect(checkKb(kbPath).ok).toBe(true);
  });

  it('offers the previous good copy when the KB is damaged, and restores it', () => {
    expect(keepPrevious(kbPath)).toBe(`${kbPath}.prev`);
    flipByte(kbPath, 5000, 0x10);
    let error: KbIntegrityError | null = null;
    try {
      openVerifiedKb({ kbPath });
    } catch (err) {
      error = err as KbIntegrityError;
    }
    expect(error?.previous).toBe(`${kbPath}.prev`);
    expect(error?.message).toContain('Dùng bản trước');
    restorePrevious(kbPath);
    expect(openVerifiedKb({ kbPath }).stats().records).toBeGreaterThan(0);
  });

  it('ensureKb does not rebuild a damaged KB in silence: it stays refused until rebuilt or restored', async () => {
    const { kbPath: copy } = await kbCopy();
    flipByte(copy, 12345, 0x01);
    expect((await ensureKb({ kbPath: copy })).rebuilt).toBe(false);
    expect(() => openVerifiedKb({ kbPath: copy })).toThrow(KbIntegrityError);
  });
});
