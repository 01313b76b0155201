/**
 * Payloads of the data screens (api/contract.ts: dataStatus … confirmImport). A file travels as
 * base64; its size is bounded here, before it is decoded, and again by the core's own limits.
 */
import type { Api } from './contract';

type Validation<T> = { ok: true; value: T } | { ok: false; message: string };

/** A data pack is ~26 MB today; a .docx may be 32 MB (import-texts.ts): room for both, as base64. */
export const MAX_FILE_BYTES = 96 * 1024 * 1024;
export const MAX_BASE64_CHARS = Math.ceil(MAX_FILE_BYTES / 3) * 4;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const fail = (message: string) => ({ ok: false as const, message });

function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

/** Only the keys named, each an own property. */
function fields(raw: unknown, keys: string[]): Record<string, unknown> | null {
  if (!isPlainObject(raw) || Reflect.ownKeys(raw).some((k) => typeof k !== 'string' || !keys.includes(k))) return null;
  return Object.fromEntries(keys.map((k) => [k, Object.hasOwn(raw, k) ? raw[k] : undefined]));
}

function validateFile(raw: unknown): Validation<{ fileName: string; data: string }> {
  const f = fields(raw, ['fileName', 'data']);
  if (!f) return fail('Yêu cầu gửi tệp không hợp lệ.');
  const { fileName, data } = f;
  if (typeof fileName !== 'string' || fileName.length === 0 || fileName.length > 255 || /[\\/\u0000-\u001f]/u.test(fileName)) {
    return fail('Tên tệp không hợp lệ.');
  }
  if (typeof data !== 'string') return fail('Nội dung tệp không hợp lệ.');
  if (data.length > MAX_BASE64_CHARS) return fail(`Tệp quá lớn (tối đa ${MAX_FILE_BYTES / 1024 / 1024} MB).`);
  if (data.length === 0) return fail(`Tệp ${fileName} rỗng.`);
  if (data.length % 4 !== 0 || !BASE64.test(data)) return fail('Nội dung tệp gửi lên bị hỏng (không phải base64).');
  return { ok: true, value: { fileName, data } };
}

function validateToken(raw: unknown): Validation<{ token: string }> {
  const f = fields(raw, ['token']);
  if (!f || typeof f.token !== 'string' || !/^[0-9a-f]{32}$/.test(f.token)) return fail('Mã xác nhận không hợp lệ; hãy chọn lại tệp.');
  return { ok: true, value: { token: f.token } };
}

function validateConfirmImport(raw: unknown): Validation<{ token: string; replace: boolean }> {
  const f = fields(raw, ['token', 'replace']);
  if (!f) return fail('Yêu cầu nạp văn bản không hợp lệ.');
  const t = validateToken({ token: f.token });
  if (!t.ok) return t;
  if (f.replace !== undefined && typeof f.replace !== 'boolean') return fail('Lựa chọn "thay thế" phải là có hoặc không.');
  return { ok: true, value: { token: t.value.token, replace: f.replace === true } };
}

function validateNone(raw: unknown): Validation<Record<string, never>> {
  if (raw === undefined || raw === null || (isPlainObject(raw) && Reflect.ownKeys(raw).length === 0)) return { ok: true, value: {} };
  return fail('Yêu cầu này không nhận tham số.');
}

export type DataApiName = 'dataStatus' | 'checkPack' | 'installPack' | 'restorePreviousData' | 'previewImport' | 'confirmImport';

export const DATA_VALIDATORS: { [K in DataApiName]: (raw: unknown) => Validation<Api[K]['args']> } = {
  dataStatus: validateNone,
  checkPack: validateFile,
  installPack: validateToken,
  restorePreviousData: validateNone,
  previewImport: validateFile,
  confirmImport: validateConfirmImport,
};

/** Requests that carry a whole file: the HTTP server lets their bodies be this large. */
export const FILE_REQUESTS: ReadonlySet<string> = new Set(['checkPack', 'previewImport']);
/** Requests that change the data on disk or receive files: this machine only, never over LAN. */
export const LOCAL_ONLY_REQUESTS: ReadonlySet<string> = new Set(Object.keys(DATA_VALIDATORS));
