/**
 * The catalogue of the 28 decrees (data/documents.json): what is known about
 * each document whether or not its text is present. Derived by
 * scripts/extract-register.ts; read here and checked before use.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { todayIso, validityStatus } from '../validity';
import { SECTOR_IDS, type ActKind, type Citation, type DocumentInfo, type DocumentKind, type SectorId, type Validity } from '../model';

export interface CatalogueEntry {
  number: string;
  title: string;
  sector: SectorId;
  ministry: string | null;
  kind: DocumentKind;
  issued: string | null;
  effective: string | null;
  /** First day the decree no longer applies (ISO), when the text says. */
  expires: string | null;
  validityNote: string | null;
  /** Text file name in the sources folder, when a text is present. */
  file: string | null;
  sha256: string | null;
  bodyArticles: number | null;
  /** Whether the decree is one of the 28 of the announced batch. */
  inBatch: boolean;
  /** Notes on guessed facts ("kind-guessed", "sector-guessed", "not-in-batch"). */
  flags: string[];
  /** Kind of act read from the text (absent = a decree of the batch or an ordinary extra decree). */
  actKind?: ActKind;
  /** For a provincial act. */
  province?: string | null;
  /** Batch decrees it changes or rests on. */
  targets?: string[];
  /** For a provincial act: the national provisions it delegates under. */
  basis?: Citation[];
}

const KINDS: DocumentKind[] = ['phan-dinh', 'phan-quyen-phan-cap', 'both'];
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Problems with one entry, in Vietnamese (empty when valid). */
export function validateCatalogueEntry(e: unknown): string[] {
  const errs: string[] = [];
  const o = e as Record<string, unknown>;
  if (typeof o !== 'object' || o === null) return ['Mục văn bản không phải là đối tượng JSON'];
  const num = typeof o.number === 'string' ? o.number : '?';
  if (typeof o.number !== 'string' || !/^\d+\/\d{4}\/(?:NĐ-CP|QĐ-UBND)$/u.test(o.number)) errs.push(`Số hiệu không hợp lệ: ${String(o.number)}`);
  if (typeof o.title !== 'string' || o.title.length === 0) errs.push(`${num}: thiếu tên văn bản`);
  if (!SECTOR_IDS.includes(o.sector as SectorId)) errs.push(`${num}: lĩnh vực không hợp lệ: ${String(o.sector)}`);
  if (!KINDS.includes(o.kind as DocumentKind)) errs.push(`${num}: loại văn bản không hợp lệ: ${String(o.kind)}`);
  for (const k of ['issued', 'effective', 'expires'] as const) {
    const v = o[k];
    if (v !== null && (typeof v !== 'string' || !ISO.test(v))) errs.push(`${num}: ngày ${k} không hợp lệ: ${String(v)}`);
  }
  if (o.file !== null && typeof o.file !== 'string') errs.push(`${num}: tên tệp không hợp lệ`);
  if (typeof o.inBatch !== 'boolean') errs.push(`${num}: thiếu inBatch`);
  if (!Array.isArray(o.flags)) errs.push(`${num}: thiếu flags`);
  return errs;
}

export function validateCatalogue(data: unknown): string[] {
  if (!Array.isArray(data)) return ['documents.json phải là một mảng'];
  const errs = data.flatMap(validateCatalogueEntry);
  const nums = data.map((d) => (d as CatalogueEntry).number);
  const dup = nums.filter((n, i) => nums.indexOf(n) !== i);
  if (dup.length) errs.push(`Số hiệu trùng: ${dup.join(', ')}`);
  return errs;
}

/** Reads data/documents.json; accepts the data folder or the file itself. */
export function readCatalogue(fileOrDataDir: string): CatalogueEntry[] {
  let file = fileOrDataDir;
  try {
    if (statSync(file).isDirectory()) file = path.join(file, 'documents.json');
  } catch {
    throw new Error(`Không tìm thấy danh mục văn bản: ${fileOrDataDir}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`Không đọc được danh mục văn bản ${file}: ${(e as Error).message}`);
  }
  const errs = validateCatalogue(data);
  if (errs.length) throw new Error(`Danh mục văn bản không hợp lệ (${file}):\n${errs.join('\n')}`);
  return data as CatalogueEntry[];
}

/** Validity on a given day (status depends on the day, so it is computed, not stored). */
export function validityOf(e: CatalogueEntry, today: string = todayIso()): Validity {
  const from = e.effective ?? e.issued ?? '';
  return { from, to: e.expires, status: validityStatus({ from, to: e.expires }, today), note: e.validityNote };
}

export function toDocumentInfo(e: CatalogueEntry, records: number, textLoaded: boolean, today?: string): DocumentInfo {
  return {
    number: e.number,
    title: e.title,
    sector: e.sector,
    ministry: e.ministry,
    kind: e.kind,
    issued: e.issued,
    validity: validityOf(e, today),
    ...(e.actKind ? { actKind: e.actKind, province: e.province ?? null } : {}),
    textLoaded,
    records,
  };
}

/** Guess kind and sector of a decree missing from the catalogue, from its title. */
export function guessFromTitle(title: string): { kind: DocumentKind; sector: SectorId; ministry: string | null } {
  const t = title.toLowerCase();
  const dinh = t.includes('phân định');
  const quyen = t.includes('phân quyền') || t.includes('phân cấp');
  const kind: DocumentKind = dinh && quyen ? 'both' : dinh ? 'phan-dinh' : 'phan-quyen-phan-cap';
  const table: Array<[RegExp, SectorId, string]> = [
    [/tư pháp/u, 'justice', 'Bộ Tư pháp'],
    [/tài chính|thuế|tài sản công|dự trữ|thống kê/u, 'finance', 'Bộ Tài chính'],
    [/xây dựng|quy hoạch/u, 'construction', 'Bộ Xây dựng'],
    [/y tế/u, 'health', 'Bộ Y tế'],
    [/nông nghiệp|môi trường|đất đai/u, 'agriculture', 'Bộ Nông nghiệp và Môi trường'],
    [/công thương|công nghiệp|thương mại/u, 'industry', 'Bộ Công Thương'],
    [/nội vụ/u, 'interior', 'Bộ Nội vụ'],
    [/khoa học/u, 'science', 'Bộ Khoa học và Công nghệ'],
    [/dân tộc|tín ngưỡng|tôn giáo/u, 'ethnic-religion', 'Bộ Dân tộc và Tôn giáo'],
    [/đối ngoại|ngoại giao/u, 'foreign-affairs', 'Bộ Ngoại giao'],
    [/văn hóa|thể thao|du lịch/u, 'culture', 'Bộ Văn hóa, Thể thao và Du lịch'],
    [/thanh tra/u, 'inspection', 'Thanh tra Chính phủ'],
    [/giáo dục|đào tạo/u, 'education', 'Bộ Giáo dục và Đào tạo'],
  ];
  for (const [re, sector, ministry] of table) if (re.test(t)) return { kind, sector, ministry };
  return { kind, sector: 'other', ministry: null };
}
