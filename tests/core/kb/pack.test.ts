import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKb } from '../../../electron/core/kb/build';
import { checkKb, openVerifiedKb, readManifest, writeManifest } from '../../../electron/core/kb/manifest';
import { encodePack, generatePackKeys, PACK_FORMAT, PackRefused, readPack, updateFromPack, writePack } from '../../../electron/core/kb/pack';
import { dataDir } from '../../../electron/core/paths';
import { generatedDecree } from './generated-texts';
import { kbCopy } from './kb-copy';
import { HAS_SOURCES, ROOT, SOURCES } from './kb-fixture';

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
// Keys made here, never stored: the release key is not in the repository (keys/README.md).
const keys = generatePackKeys();
const otherKeys = generatePackKeys();

let installed: { dir: string; kbPath: string };
let pack: Buffer;
let packFile: string;
let newRecords: number;

/** What is installed, byte for byte (KB, manifest, previous copy, anything else in the folder). */
function state(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(installed.dir).sort()) h.update(f).update(readFileSync(join(installed.dir, f)));
  return h.digest('hex');
}

beforeAll(async () => {
  installed = await kbCopy('pack-installed-');
  // The new data: the real KB plus one more (generated) decree, built and described like a release.
  const texts = mkdtempSync(join(tmpdir(), 'pack-texts-'));
  writeFileSync(join(texts, '901.txt'), generatedDecree(5));
  const next = join(mkdtempSync(join(tmpdir(), 'pack-new-')), 'kb.sqlite');
  const report = await buildKb({ kbPath: next, dataDir: dataDir(ROOT), sources: [texts, ...(HAS_SOURCES ? [SOURCES!] : [])], inputHash: 'test-release' });
  newRecords = report.records;
  writeManifest(next);
  packFile = join(mkdtempSync(join(tmpdir(), 'pack-')), 'du-lieu.tctq');
  writePack(next, packFile, keys.privateKeyPem);
  pack = readFileSync(packFile);
});

function refusedUntouched(bytes: Buffer, pub = keys.publicKeyPem): string {
  const dir = mkdtempSync(join(tmpdir(), 'pack-bad-'));
  const f = join(dir, 'bad.tctq');
  writeFileSync(f, bytes);
  const before = state();
  let message = '';
  try {
    updateFromPack(f, installed.kbPath, pub);
  } catch (err) {
    expect(err).toBeInstanceOf(PackRefused);
    message = (err as Error).message;
  }
  expect(message).toMatch(VIETNAMESE);
  expect(state()).toBe(before);
  return message;
}

describe('signed data packs', () => {
  it('a pack reads back with its manifest and verifies', () => {
    const { manifest, kb } = readPack(pack, keys.publicKeyPem);
    expect(manifest.packFormat).toBe(PACK_FORMAT);
    expect(createHash('sha256').update(kb).digest('hex')).toBe(manifest.sha256);
  });

  it('refuses truncated packs (at 0, 10, 100 bytes, in the signature, in the data, one byte short)', () => {
    const headerLen = pack.readUInt32LE(12);
    for (const cut of [0, 10, 100, 16 + headerLen + 10, 16 + headerLen + 4 + 64 + 1000, pack.length - 1]) {
      expect(refusedUntouched(pack.subarray(0, cut))).toMatch(/không hợp lệ|cắt cụt/);
    }
  });

  it('refuses tampered packs: a flipped byte in the header, the signature or the data (60 positions)', () => {
    const headerLen = pack.readUInt32LE(12);
    const dataStart = 16 + headerLen + 4 + 64;
    const spots = [
      ...Array.from({ length: 10 }, (_, i) => 16 + Math.floor((headerLen * i) / 10)),
      ...Array.from({ length: 10 }, (_, i) => 16 + headerLen + 4 + i * 6),
      ...Array.from({ length: 40 }, (_, i) => dataStart + Math.floor(((pack.length - dataStart - 1) * i) / 39)),
    ];
    let refused = 0;
    for (const at of spots) {
      const bad = Buffer.from(pack);
      bad[at] = bad[at]! ^ 0x20;
      expect(refusedUntouched(bad)).toMatch(/Chữ ký|SHA-256|không hợp lệ/);
      refused++;
    }
    expect(refused).toBe(60);
  });

  it('refuses a pack signed with another key', () => {
    expect(refusedUntouched(pack, otherKeys.publicKeyPem)).toMatch(/Chữ ký của gói dữ liệu không đúng/);
    const resigned = encodePack(JSON.parse(pack.subarray(16, 16 + pack.readUInt32LE(12)).toString()) as Record<string, unknown>, readPack(pack, keys.publicKeyPem).kb, otherKeys.privateKeyPem);
    expect(refusedUntouched(resigned)).toMatch(/Chữ ký/);
  });

  it('refuses a correctly signed pack of another schema or pack format', () => {
    const { manifest, kb } = readPack(pack, keys.publicKeyPem);
    expect(refusedUntouched(encodePack({ ...manifest, schemaVersion: manifest.schemaVersion + 1 }, kb, keys.privateKeyPem))).toMatch(/cấu trúc phiên bản/);
    expect(refusedUntouched(encodePack({ ...manifest }, kb, keys.privateKeyPem, PACK_FORMAT + 1))).toMatch(/định dạng 2/);
  });

  it('refuses a correctly signed pack whose data does not open as a KB, before touching anything', () => {
    const { manifest } = readPack(pack, keys.publicKeyPem);
    const junk = Buffer.alloc(8192, 0x42);
    const sha256 = createHash('sha256').update(junk).digest('hex');
    expect(refusedUntouched(encodePack({ ...manifest, sha256, bytes: junk.length }, junk, keys.privateKeyPem))).toMatch(/không mở được/);
  });

  it('installs a good pack atomically, keeps the previous version, and the next open verifies', () => {
    const before = readManifest(installed.kbPath)!;
    const r = updateFromPack(packFile, installed.kbPath, keys.publicKeyPem);
    expect(r.previous).toBe(`${installed.kbPath}.prev`);
    expect(checkKb(`${installed.kbPath}.prev`)).toMatchObject({ ok: true, manifest: { sha256: before.sha256 } });
    const kb = openVerifiedKb({ kbPath: installed.kbPath });
    expect(kb.stats().records).toBe(newRecords);
    expect(kb.listDocuments().some((d) => d.number === '901/2026/NĐ-CP')).toBe(true);
    expect(readdirSync(installed.dir).filter((f) => f.includes('.tmp') || f.includes('.update.'))).toEqual([]);
    // The same pack again: nothing to do.
    const again = updateFromPack(packFile, installed.kbPath, keys.publicKeyPem);
    expect(again.previous).toBeNull();
  });

  it('refuses to pack a KB that does not match its manifest', async () => {
    const { kbPath } = await kbCopy();
    const bytes = readFileSync(kbPath);
    bytes[777] = bytes[777]! ^ 1;
    writeFileSync(kbPath, bytes);
    mkdirSync(join(tmpdir(), 'x'), { recursive: true });
    expect(() => writePack(kbPath, join(tmpdir(), 'x', 'p.tctq'), keys.privateKeyPem)).toThrow(/không khớp tệp kiểm tra/);
  });
});
