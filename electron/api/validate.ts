/**
 * Validation of every payload that crosses a process boundary (IPC, HTTP).
 * Pure TypeScript: the Electron main, the browser-mode server and tests share it.
 * Messages are Vietnamese because they reach the user.
 */
import { isValidDay } from '../core/search/on-day';
import { MAX_RESULTS, type Api, type ApiName, type SearchArgs, type SearchFilters } from './contract';
import { HOLDER_KINDS, LEVELS, MECHANISMS, ROLES, SECTOR_IDS } from '../core/model';
import { DATA_VALIDATORS } from './validate-data';
import { MAX_REPORT_COMMENT, type ErrorReportArgs } from '../core/report';

export type Validation<T> = { ok: true; value: T } | { ok: false; message: string };

const MAX_QUERY_CHARS = 500;
/** One limit for every layer: the renderer pages up to it, the core clamps to it (api/contract.ts). */
const MAX_LIMIT = MAX_RESULTS;

const FILTER_VALUES: { [K in keyof SearchFilters]-?: readonly string[] | null } = {
  sector: SECTOR_IDS,
  level: LEVELS,
  holderKind: HOLDER_KINDS,
  role: ROLES,
  mechanism: MECHANISMS,
  document: null, // free text, checked for shape only
};

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

/**
 * A payload object: a plain object (or one without a prototype). Class instances,
 * arrays, dates, maps and objects inheriting their fields are refused.
 */
function isPlainObject(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null || Array.isArray(x)) return false;
  const proto = Object.getPrototypeOf(x) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * Reads a field only when the payload itself carries it: names from Object.prototype
 * ("constructor", "toString", "__proto__") never count as present.
 */
function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Own, enumerable keys of a payload, Symbol keys included (they are never valid). */
function ownKeys(obj: Record<string, unknown>): Array<string | symbol> {
  return Reflect.ownKeys(obj);
}

function validateFilters(raw: unknown): Validation<SearchFilters> {
  if (raw === undefined || raw === null) return { ok: true, value: {} };
  if (!isPlainObject(raw)) return fail('Bộ lọc không hợp lệ.');
  const out: SearchFilters = {};
  for (const key of ownKeys(raw)) {
    if (typeof key !== 'string' || !Object.hasOwn(FILTER_VALUES, key)) {
      return fail(`Bộ lọc "${String(key).slice(0, 60)}" không được hỗ trợ.`);
    }
    const value = raw[key];
    if (value === undefined) continue;
    if (!Array.isArray(value) || value.length > 50 || !value.every((v) => typeof v === 'string' && v.length <= 100)) {
      return fail(`Giá trị của bộ lọc "${key}" không hợp lệ.`);
    }
    const allowed = FILTER_VALUES[key as keyof SearchFilters];
    const bad = allowed ? value.find((v) => !allowed.includes(v)) : undefined;
    if (bad !== undefined) return fail(`Giá trị "${bad}" không có trong bộ lọc "${key}".`);
    // A fresh array of the checked strings, on an object whose keys are all known filter names.
    Object.defineProperty(out, key, { value: [...(value as string[])], enumerable: true, writable: true, configurable: true });
  }
  return { ok: true, value: out };
}

function validateSearch(raw: unknown): Validation<SearchArgs> {
  if (!isPlainObject(raw)) return fail('Yêu cầu tìm kiếm không hợp lệ.');
  const [q, limit, offset, filters, date, province] = ['q', 'limit', 'offset', 'filters', 'date', 'province'].map((k) => own(raw, k));
  if (typeof q !== 'string') return fail('Từ khóa tìm kiếm phải là một chuỗi ký tự.');
  const day = validateDayProvince(date, province);
  if (!day.ok) return day;
  if (q.length > MAX_QUERY_CHARS) return fail(`Từ khóa quá dài (tối đa ${MAX_QUERY_CHARS} ký tự).`);
  if (limit !== undefined && !(Number.isInteger(limit) && (limit as number) >= 1 && (limit as number) <= MAX_LIMIT)) {
    return fail(`Số kết quả phải là số nguyên từ 1 đến ${MAX_LIMIT}.`);
  }
  if (offset !== undefined && !(Number.isInteger(offset) && (offset as number) >= 0)) {
    return fail('Vị trí bắt đầu phải là số nguyên không âm.');
  }
  const f = validateFilters(filters);
  if (!f.ok) return f;
  const value: SearchArgs = { q, filters: f.value };
  if (limit !== undefined) value.limit = limit as number;
  if (offset !== undefined) value.offset = offset as number;
  return { ok: true, value: { ...value, ...day.value } };
}

/** The day and the province of an answer: an ISO date that exists, a province name of reasonable length. */
function validateDayProvince(date: unknown, province: unknown): Validation<{ date?: string; province?: string | null }> {
  const out: { date?: string; province?: string | null } = {};
  if (date !== undefined && date !== null && date !== '') {
    if (!isValidDay(date)) return fail('Ngày tra cứu không hợp lệ (cần dạng năm-tháng-ngày, ví dụ 2026-02-01).');
    out.date = date;
  }
  if (province !== undefined && province !== null && province !== '') {
    if (typeof province !== 'string' || province.length > 60) return fail('Tên tỉnh, thành phố không hợp lệ.');
    out.province = province;
  }
  return { ok: true, value: out };
}

function validateId(raw: unknown): Validation<{ id: string; date?: string; province?: string | null }> {
  const id = isPlainObject(raw) ? own(raw, 'id') : undefined;
  if (!isPlainObject(raw) || typeof id !== 'string' || id.length === 0 || id.length > 200) {
    return fail('Mã bản ghi không hợp lệ.');
  }
  const day = validateDayProvince(own(raw, 'date'), own(raw, 'province'));
  if (!day.ok) return day;
  return { ok: true, value: { id, ...day.value } };
}

function validateDocument(raw: unknown): Validation<{ number: string; date?: string; province?: string | null }> {
  const number = isPlainObject(raw) ? own(raw, 'number') : undefined;
  if (!isPlainObject(raw) || typeof number !== 'string' || number.trim().length === 0 || number.length > 60) {
    return fail('Số hiệu văn bản không hợp lệ.');
  }
  if (ownKeys(raw).some((k) => k !== 'number' && k !== 'date' && k !== 'province')) return fail('Yêu cầu văn bản chỉ nhận "number", "date", "province".');
  const day = validateDayProvince(own(raw, 'date'), own(raw, 'province'));
  if (!day.ok) return day;
  return { ok: true, value: { number: number.trim(), ...day.value } };
}

function validateDayOnly(raw: unknown): Validation<{ date?: string; province?: string | null }> {
  if (raw === undefined || raw === null) return { ok: true, value: {} };
  if (!isPlainObject(raw) || ownKeys(raw).some((k) => k !== 'date' && k !== 'province')) return fail('Yêu cầu danh sách bản ghi chỉ nhận "date", "province".');
  return validateDayProvince(own(raw, 'date'), own(raw, 'province'));
}

function validateStats(raw: unknown): Validation<{ date?: string }> {
  if (raw === undefined || raw === null) return { ok: true, value: {} };
  if (!isPlainObject(raw) || ownKeys(raw).some((k) => k !== 'date')) return fail('Yêu cầu thống kê chỉ nhận tham số "date".');
  const day = validateDayProvince(own(raw, 'date'), undefined);
  if (!day.ok) return day;
  return { ok: true, value: day.value.date ? { date: day.value.date } : {} };
}

function validateEmpty(raw: unknown): Validation<Record<string, never>> {
  if (raw === undefined || raw === null || (isPlainObject(raw) && ownKeys(raw).length === 0)) {
    return { ok: true, value: {} };
  }
  return fail('Yêu cầu này không nhận tham số.');
}

function validateBookmark(raw: unknown): Validation<{ recordId: string; note?: string }> {
  const recordId = isPlainObject(raw) ? own(raw, 'recordId') : undefined;
  if (!isPlainObject(raw) || typeof recordId !== 'string' || recordId.length === 0 || recordId.length > 200) {
    return fail('Mã bản ghi cần đánh dấu không hợp lệ.');
  }
  const note = own(raw, 'note');
  if (note !== undefined && (typeof note !== 'string' || note.length > 5000)) {
    return fail('Ghi chú phải là chuỗi ký tự, tối đa 5000 ký tự.');
  }
  return { ok: true, value: note === undefined ? { recordId } : { recordId, note: note as string } };
}

function validateRecordId(raw: unknown): Validation<{ recordId: string }> {
  const recordId = isPlainObject(raw) ? own(raw, 'recordId') : undefined;
  if (typeof recordId !== 'string' || recordId.length === 0 || recordId.length > 200) {
    return fail('Mã bản ghi không hợp lệ.');
  }
  return { ok: true, value: { recordId } };
}

function validateRemember(raw: unknown): Validation<{ q: string }> {
  const q = isPlainObject(raw) ? own(raw, 'q') : undefined;
  if (typeof q !== 'string') return fail('Từ khóa cần lưu phải là một chuỗi ký tự.');
  if (q.length > MAX_QUERY_CHARS) return fail(`Từ khóa quá dài (tối đa ${MAX_QUERY_CHARS} ký tự).`);
  return { ok: true, value: { q } };
}

function shortText(x: unknown, max: number): x is string {
  return typeof x === 'string' && x.length <= max;
}

/** "Báo sai sót": the record, the day, what was shown (short strings), the user's comment (required, bounded). */
function validateReport(raw: unknown): Validation<ErrorReportArgs> {
  if (!isPlainObject(raw)) return fail('Báo sai sót không hợp lệ.');
  const recordId = own(raw, 'recordId');
  if (typeof recordId !== 'string' || recordId.length === 0 || recordId.length > 200) return fail('Mã bản ghi không hợp lệ.');
  const comment = own(raw, 'comment');
  if (typeof comment !== 'string' || comment.trim().length === 0) return fail('Hãy ghi vài chữ về sai sót trước khi lưu.');
  if (comment.length > MAX_REPORT_COMMENT) return fail(`Nội dung báo sai sót quá dài (tối đa ${MAX_REPORT_COMMENT} ký tự).`);
  const shown = own(raw, 'shown');
  const fields = isPlainObject(shown) ? (['holder', 'citation', 'status'] as const).map((k) => own(shown, k)) : [];
  if (fields.length !== 3 || !fields.every((f) => shortText(f, 1000))) return fail('Thông tin bản ghi kèm theo báo sai sót không hợp lệ.');
  const day = validateDayProvince(own(raw, 'date'), own(raw, 'province'));
  if (!day.ok) return day;
  const [holder, citation, status] = fields as string[];
  return { ok: true, value: { recordId, comment, shown: { holder: holder!, citation: citation!, status: status! }, ...day.value } };
}

/** A PDF's suggested name: a plain file name ending in .pdf, no folder. */
function validatePdf(raw: unknown): Validation<{ fileName: string }> {
  const fileName = isPlainObject(raw) ? own(raw, 'fileName') : undefined;
  if (!shortText(fileName, 120) || !/^[^\\/:*?"<>|\u0000-\u001f]+\.pdf$/u.test(fileName)) return fail('Tên tệp PDF không hợp lệ.');
  return { ok: true, value: { fileName } };
}

const VALIDATORS: { [K in ApiName]: (raw: unknown) => Validation<Api[K]['args']> } = {
  search: validateSearch,
  ...DATA_VALIDATORS,
  getRecord: validateId,
  stats: validateStats,
  listProvinces: validateEmpty,
  crosscheck: validateEmpty,
  listDocuments: validateEmpty,
  getDocument: validateDocument,
  listRecords: validateDayOnly,
  listBookmarks: validateEmpty,
  saveBookmark: validateBookmark,
  removeBookmark: validateRecordId,
  listHistory: validateEmpty,
  userDataNotice: validateEmpty,
  rememberSearch: validateRemember,
  clearHistory: validateEmpty,
  saveReport: validateReport,
  savePdf: validatePdf,
};

export function isApiName(name: unknown): name is ApiName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(VALIDATORS, name);
}

/**
 * Checks a payload for a request. Never throws: a name outside the contract, or a
 * payload that throws while being read (a getter, a revoked proxy), is a refusal.
 */
export function validateArgs<N extends ApiName>(name: N, payload: unknown): Validation<Api[N]['args']> {
  if (!isApiName(name)) return fail('Yêu cầu không được hỗ trợ.');
  const validator = VALIDATORS[name] as (raw: unknown) => Validation<Api[N]['args']>;
  try {
    return validator(payload);
  } catch {
    return fail('Dữ liệu gửi lên không hợp lệ.');
  }
}
