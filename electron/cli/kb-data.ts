/**
 * The CLI's data commands: `pack`, `update`, `restore`, `keygen`. Refusals are DataRefusal
 * (exit code 2, Vietnamese message); the data is never changed by a refused command.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureKb } from '../core/kb/ensure';
import { checkKb, KbIntegrityError, restorePrevious } from '../core/kb/manifest';
import { generatePackKeys, PackRefused, updateFromPack, writePack } from '../core/kb/pack';
import { defaultKbPath, repoRoot } from '../core/paths';

/** A refusal: exit code 2. */
export class DataRefusal extends Error {}

/** The public key the app ships; TRACUU_PACK_PUBKEY (or --pubkey) points elsewhere for a test or a staging key. */
export function defaultPublicKeyPath(): string {
  return process.env.TRACUU_PACK_PUBKEY ? resolve(process.env.TRACUU_PACK_PUBKEY) : join(repoRoot(), 'keys', 'data-pack.pub.pem');
}

function readKey(path: string | undefined, what: string): string {
  if (!path) throw new DataRefusal(`Cần ${what}.`);
  if (!existsSync(path)) throw new DataRefusal(`Không tìm thấy ${what}: ${path}`);
  return readFileSync(path, 'utf8');
}

const refusals = (err: unknown): never => {
  if (err instanceof PackRefused || err instanceof KbIntegrityError) throw new DataRefusal(err.message);
  throw err;
};

export async function cmdPack(out: string | undefined, keyPath: string | undefined, log: (m: string) => void): Promise<void> {
  if (!out) throw new DataRefusal('Cần --out <tệp gói dữ liệu>.');
  const key = readKey(keyPath ?? process.env.TRACUU_PACK_KEY, 'khóa ký riêng (--key <tệp .pem> hoặc biến TRACUU_PACK_KEY)');
  const { kbPath } = await ensureKb({ log });
  try {
    const m = writePack(kbPath, resolve(out), key);
    log(`Đã đóng gói dữ liệu ${m.dataVersion} (${m.counts.records} bản ghi, ${m.bytes} byte) vào ${resolve(out)}.`);
    process.stdout.write(`${JSON.stringify({ out: resolve(out), ...m }, null, 2)}\n`);
  } catch (err) {
    refusals(err);
  }
}

export function cmdUpdate(file: string | undefined, pubkeyPath: string | undefined, log: (m: string) => void): void {
  if (!file) throw new DataRefusal('Hãy chỉ ra tệp gói dữ liệu cần cài.');
  const pub = readKey(pubkeyPath ?? defaultPublicKeyPath(), 'khóa công khai của ứng dụng');
  try {
    const r = updateFromPack(resolve(file), defaultKbPath(), pub, log);
    process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  } catch (err) {
    refusals(err);
  }
}

export function cmdRestore(log: (m: string) => void): void {
  const kbPath = defaultKbPath();
  try {
    const m = restorePrevious(kbPath);
    log(`Đã dùng lại bản dữ liệu trước ${m.dataVersion}.`);
  } catch (err) {
    refusals(err);
  }
  const check = checkKb(kbPath);
  if (!check.ok) throw new DataRefusal(`Bản đã dùng lại không khớp tệp kiểm tra (${check.reason}).`);
}

/** `kb keygen --out DIR`: a new key pair for signing packs; the private key must never be committed. */
export function cmdKeygen(dir: string | undefined, log: (m: string) => void): void {
  if (!dir) throw new DataRefusal('Cần --out <thư mục> để ghi cặp khóa.');
  mkdirSync(dir, { recursive: true });
  const priv = join(dir, 'data-pack.key.pem');
  if (existsSync(priv)) throw new DataRefusal(`Đã có khóa ${priv}; không ghi đè.`);
  const { privateKeyPem, publicKeyPem } = generatePackKeys();
  writeFileSync(priv, privateKeyPem, { mode: 0o600 });
  writeFileSync(join(dir, 'data-pack.pub.pem'), publicKeyPem);
  log(`Đã tạo ${priv} (khóa riêng: giữ bí mật, không đưa vào kho mã) và ${join(dir, 'data-pack.pub.pem')}.`);
}
