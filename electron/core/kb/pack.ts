/**
 * Signed data packs: one file carrying a KB and its manifest, signed with Ed25519 (node:crypto).
 *
 *   "TCTQPACK" | u32 format | u32 header length | header (JSON: the manifest) | u32 signature length
 *   | signature (Ed25519 over magic, format and header) | the KB's bytes
 *
 * The header names the KB's size and SHA-256, so the signature covers the data through it.
 * `kb pack --out F` writes one (private key from --key or TRACUU_PACK_KEY, never in the repo);
 * `kb update F` checks everything before it touches anything — signature against the public key
 * the app ships (keys/data-pack.pub.pem), size, SHA-256, pack format, schema version — then
 * installs atomically: the KB is written aside and flushed, opened as a test, the current KB kept
 * as the previous good copy, the new one renamed in, and put back if it does not open there.
 * Every refusal is a PackRefused with a Vietnamese message; the installed data is left untouched.
 */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { dirname, join } from 'node:path';
import { KB_SCHEMA_VERSION } from './schema';
import { checkKb, describeKb, installKb, MANIFEST_FORMAT, restorePrevious, type KbManifest } from './manifest';
import { openKnowledgeBase } from './open';

export const PACK_MAGIC = Buffer.from('TCTQPACK', 'ascii');
export const PACK_FORMAT = 1;
/** A header larger than this is not ours. */
const MAX_HEADER = 64 * 1024;

export class PackRefused extends Error {
  override readonly name = 'PackRefused';
}

export function generatePackKeys(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
  };
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

/** What the signature covers: the magic, the format and the header. */
function signedPart(format: number, header: Buffer): Buffer {
  return Buffer.concat([PACK_MAGIC, u32(format), u32(header.length), header]);
}

/** The bytes of a pack: header (the manifest and pack fields) signed, then the KB. */
export function encodePack(header: Record<string, unknown>, kb: Buffer, privateKeyPem: string, format = PACK_FORMAT): Buffer {
  let key: KeyObject;
  try {
    key = createPrivateKey(privateKeyPem);
  } catch {
    throw new PackRefused('Khóa ký không đọc được (cần khóa riêng Ed25519 dạng PEM).');
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new PackRefused('Khóa ký phải là khóa Ed25519.');
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const signature = sign(null, signedPart(format, head), key);
  return Buffer.concat([signedPart(format, head), u32(signature.length), signature, kb]);
}

/** Writes a signed pack of the KB at `kbPath` (which must match its manifest) to `out`. */
export function writePack(kbPath: string, out: string, privateKeyPem: string): KbManifest {
  const check = checkKb(kbPath);
  if (!check.ok) throw new PackRefused(`Không đóng gói được: dữ liệu tra cứu không khớp tệp kiểm tra (${check.reason}).`);
  const manifest = check.manifest;
  const kb = readFileSync(kbPath);
  if (createHash('sha256').update(kb).digest('hex') !== manifest.sha256) throw new PackRefused('Dữ liệu tra cứu vừa thay đổi trong lúc đóng gói; hãy thử lại.');
  const bytes = encodePack({ ...manifest, packFormat: PACK_FORMAT, packedAt: new Date().toISOString() }, kb, privateKeyPem);
  const tmp = `${out}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, out); // a reader of `out` never sees half a pack
  return manifest;
}

export interface ReadPack {
  manifest: KbManifest & { packFormat: number; packedAt: string };
  kb: Buffer;
}

/** Parses and verifies a pack in memory. Throws PackRefused with the reason; never touches the disk. */
export function readPack(bytes: Buffer, publicKeyPem: string): ReadPack {
  const broken = (why: string) => new PackRefused(`Gói dữ liệu không hợp lệ: ${why}.`);
  if (bytes.length < 16 || !bytes.subarray(0, 8).equals(PACK_MAGIC)) throw broken('không phải gói dữ liệu của Tra cứu thẩm quyền');
  const format = bytes.readUInt32LE(8);
  if (format !== PACK_FORMAT) {
    throw new PackRefused(`Gói dữ liệu có định dạng ${format}; ứng dụng này đọc định dạng ${PACK_FORMAT}. Hãy cập nhật ứng dụng hoặc dùng gói đúng phiên bản.`);
  }
  const headerLen = bytes.readUInt32LE(12);
  if (headerLen > MAX_HEADER || 16 + headerLen + 4 > bytes.length) throw broken('tệp bị cắt cụt hoặc hỏng (phần đầu)');
  const header = bytes.subarray(16, 16 + headerLen);
  const sigLen = bytes.readUInt32LE(16 + headerLen);
  const sigStart = 16 + headerLen + 4;
  if (sigLen !== 64 || sigStart + sigLen > bytes.length) throw broken('tệp bị cắt cụt hoặc hỏng (chữ ký)');
  const signature = bytes.subarray(sigStart, sigStart + sigLen);
  let key: KeyObject;
  try {
    key = createPublicKey(publicKeyPem);
  } catch {
    throw new PackRefused('Khóa công khai của ứng dụng không đọc được; hãy cài lại ứng dụng.');
  }
  if (!verify(null, signedPart(format, header), key, signature)) {
    throw new PackRefused('Chữ ký của gói dữ liệu không đúng: gói không do nhà phát hành ký, hoặc đã bị sửa. Không cài.');
  }
  let manifest: ReadPack['manifest'];
  try {
    manifest = JSON.parse(header.toString('utf8')) as ReadPack['manifest'];
  } catch {
    throw broken('phần mô tả không đọc được');
  }
  if (manifest.format !== MANIFEST_FORMAT || manifest.packFormat !== PACK_FORMAT) throw broken('phần mô tả sai định dạng');
  if (manifest.schemaVersion !== KB_SCHEMA_VERSION) {
    throw new PackRefused(
      `Gói dữ liệu ${manifest.dataVersion} có cấu trúc phiên bản ${manifest.schemaVersion}; ứng dụng này cần phiên bản ${KB_SCHEMA_VERSION}. Hãy dùng gói dành cho phiên bản ứng dụng này.`,
    );
  }
  const kb = bytes.subarray(sigStart + sigLen);
  if (kb.length !== manifest.bytes) throw broken(`dữ liệu dài ${kb.length} byte, gói ghi ${manifest.bytes} byte (tệp bị cắt cụt?)`);
  if (createHash('sha256').update(kb).digest('hex') !== manifest.sha256) throw broken('mã kiểm tra SHA-256 của dữ liệu không khớp');
  return { manifest, kb };
}

export interface UpdateResult {
  installed: KbManifest;
  previous: string | null;
}

/**
 * `kb update F`: verify, then install atomically, keeping the previous version; roll back when the
 * new KB does not open in place. Throws PackRefused (nothing changed) on any refusal.
 */
export function updateFromPack(packFile: string, kbPath: string, publicKeyPem: string, log: (m: string) => void = () => {}): UpdateResult {
  if (!existsSync(packFile)) throw new PackRefused(`Không tìm thấy gói dữ liệu ${packFile}.`);
  return updateFromBytes(readFileSync(packFile), kbPath, publicKeyPem, log);
}

/** The same install from a pack already in memory (the app's "Cập nhật dữ liệu" screen). */
export function updateFromBytes(
  packBytes: Buffer,
  kbPath: string,
  publicKeyPem: string,
  log: (m: string) => void = () => {},
  /** The Electron-ABI SQLite binding, in the app's main process. */
  nativeBinding?: string,
): UpdateResult {
  const binding = nativeBinding ? { nativeBinding } : {};
  const { manifest, kb } = readPack(packBytes, publicKeyPem);
  const current = existsSync(kbPath) ? checkKb(kbPath) : null;
  if (current?.ok && current.manifest.sha256 === manifest.sha256) {
    log(`Dữ liệu ${manifest.dataVersion} đã được cài; không có gì thay đổi.`);
    return { installed: current.manifest, previous: null };
  }
  // 1. Written aside on the same disk, flushed.
  const aside = join(dirname(kbPath), `.${manifest.sha256.slice(0, 16)}.${process.pid}.update.sqlite`);
  const fd = openSync(aside, 'w');
  try {
    writeSync(fd, kb);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    // 2. Opens as a KB, and describes itself as the signed manifest says.
    const found = describeKb(aside, nativeBinding);
    if (found.sha256 !== manifest.sha256 || found.schemaVersion !== KB_SCHEMA_VERSION) throw new Error('nội dung khác mô tả');
    openKnowledgeBase({ kbPath: aside, ...binding });
  } catch (err) {
    rmSync(aside, { force: true });
    throw new PackRefused(`Gói dữ liệu có chữ ký đúng nhưng dữ liệu không mở được (${(err as Error).message}); không cài.`);
  }
  const { format: _f, dataVersion, schemaVersion, builtAt, inputHash, sha256, bytes, counts } = manifest;
  const clean: KbManifest = { format: MANIFEST_FORMAT, dataVersion, schemaVersion, builtAt, inputHash, sha256, bytes, counts };
  // 3. The current KB becomes the previous good copy; the new one is renamed in with its manifest.
  installKb(aside, kbPath, clean);
  // 4. It must open where it now lives; otherwise the previous copy goes back.
  try {
    const check = checkKb(kbPath);
    if (!check.ok) throw new Error(check.reason);
    openKnowledgeBase({ kbPath, ...binding });
  } catch (err) {
    let back = 'không có bản trước để trả lại';
    if (current?.ok) {
      restorePrevious(kbPath);
      back = 'đã trả lại bản trước';
    }
    throw new PackRefused(`Dữ liệu mới không mở được sau khi cài (${(err as Error).message}); ${back}.`);
  }
  log(`Đã cài dữ liệu ${dataVersion} (${counts.records} bản ghi, ${counts.documents} văn bản).`);
  return { installed: clean, previous: current?.ok ? `${kbPath}.prev` : null };
}
