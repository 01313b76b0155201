/**
 * Checks a .docx before anything unzips it (mammoth would inflate every entry in memory):
 * it must be a zip archive, and what it unzips to must stay small — in total, per entry,
 * and in ratio (a zip bomb of 1.4 MB unzips to gigabytes). Declared sizes are read from
 * the central directory, then every entry is really inflated with a ceiling on its output,
 * because a bomb may lie about its sizes. Messages are Vietnamese: they reach the user.
 */
import { inflateRawSync } from 'node:zlib';

export const DOCX_LIMITS = {
  /** Sum of every entry, unzipped. Real decrees: a few MB. */
  maxUnzippedBytes: 64 * 1024 * 1024,
  /** Unzipped ÷ zipped, for an entry larger than `ratioFloorBytes` unzipped. Word XML: about 5–30. */
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxEntries: 2000,
} as const;

/** A refusal meant for the user (the file is not what it should be, or too big). */
export class ImportRefused extends Error {
  override readonly name = 'ImportRefused';
}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  uncompressed: number;
  localOffset: number;
}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;

function notDocx(name: string): ImportRefused {
  return new ImportRefused(
    `Tệp ${name} không phải tệp Word .docx hợp lệ (không đọc được như một tệp nén). Hãy mở tệp bằng Word và lưu lại dưới dạng .docx, hoặc lưu thành .txt (UTF-8).`,
  );
}

function tooBig(name: string, why: string): ImportRefused {
  return new ImportRefused(`Tệp ${name} bị từ chối: ${why}. Tệp có thể đã hỏng hoặc được tạo ra để làm treo máy (zip bomb).`);
}

function readEntries(bytes: Buffer, name: string): Entry[] {
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== LOC_SIG) throw notDocx(name);
  // The end-of-central-directory record: the last 22 bytes, or earlier when a comment follows it.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notDocx(name);
  const count = bytes.readUInt16LE(eocd + 10);
  const cdSize = bytes.readUInt32LE(eocd + 12);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw tooBig(name, 'tệp nén dạng ZIP64 (quá lớn cho một văn bản)');
  if (count > DOCX_LIMITS.maxEntries) throw tooBig(name, `có ${count} thành phần (tối đa ${DOCX_LIMITS.maxEntries})`);
  if (cdOffset + cdSize > bytes.length) throw notDocx(name);
  const entries: Entry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CEN_SIG) throw notDocx(name);
    const method = bytes.readUInt16LE(p + 10);
    const compressed = bytes.readUInt32LE(p + 20);
    const uncompressed = bytes.readUInt32LE(p + 24);
    const nameLen = bytes.readUInt16LE(p + 28);
    const extraLen = bytes.readUInt16LE(p + 30);
    const commentLen = bytes.readUInt16LE(p + 32);
    const localOffset = bytes.readUInt32LE(p + 42);
    const entryName = bytes.toString('utf8', p + 46, p + 46 + nameLen);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) throw tooBig(name, 'tệp nén dạng ZIP64 (quá lớn cho một văn bản)');
    entries.push({ name: entryName, method, compressed, uncompressed, localOffset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** Throws ImportRefused unless `bytes` is a zip whose entries unzip within the limits. */
export function checkDocx(bytes: Buffer, name: string, limits = DOCX_LIMITS): void {
  const entries = readEntries(bytes, name);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new ImportRefused(`Tệp ${name} là tệp nén nhưng không phải văn bản Word (thiếu word/document.xml).`);
  }
  const declared = entries.reduce((s, e) => s + e.uncompressed, 0);
  if (declared > limits.maxUnzippedBytes) {
    throw tooBig(name, `giải nén ra ${MB(declared)} (tối đa ${MB(limits.maxUnzippedBytes)})`);
  }
  let budget = limits.maxUnzippedBytes;
  for (const e of entries) {
    const h = e.localOffset;
    if (h + 30 > bytes.length || bytes.readUInt32LE(h) !== LOC_SIG) throw notDocx(name);
    const start = h + 30 + bytes.readUInt16LE(h + 26) + bytes.readUInt16LE(h + 28);
    if (start + e.compressed > bytes.length) throw notDocx(name);
    const data = bytes.subarray(start, start + e.compressed);
    let size: number;
    if (e.method === 0) size = data.length;
    else if (e.method === 8) {
      try {
        // The ceiling is what is left of the budget: a lying header cannot make this allocate more.
        size = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) }).length;
      } catch (err) {
        if (err instanceof RangeError || (err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          throw tooBig(name, `giải nén ra hơn ${MB(limits.maxUnzippedBytes)}`);
        }
        throw notDocx(name);
      }
    } else throw new ImportRefused(`Tệp ${name} dùng kiểu nén không hỗ trợ (${e.method}); hãy lưu lại bằng Word.`);
    if (size > limits.ratioFloorBytes && size / Math.max(1, e.compressed) > limits.maxRatio) {
      throw tooBig(name, `thành phần ${e.name} nén ${Math.round(size / Math.max(1, e.compressed))} lần (tối đa ${limits.maxRatio})`);
    }
    budget -= size;
    if (budget < 0) throw tooBig(name, `giải nén ra hơn ${MB(limits.maxUnzippedBytes)}`);
  }
}
