/**
 * Schema check of a register file (data/register/*.json): types, enums, stable
 * ids, short titles, links. With the parsed text, also the one property a
 * reviewer relies on: the holder is named in the cited provision.
 */
import type { AuthorityRecord } from '../model';
import type { RegisterFile } from './extract';
import { type ParsedDecree, contextOf } from './structure';
import { namesHolder } from './text';

const LEVELS = ['xa', 'tinh', 'trung-uong'];
const KINDS = ['hdnd', 'ubnd', 'chu-tich-ubnd', 'co-quan-chuyen-mon', 'bo', 'khac'];
const ROLES = ['quyet-dinh', 'tiep-nhan', 'phoi-hop', 'trach-nhiem', 'bai-bo'];
const MECHANISMS = ['phan-dinh', 'phan-quyen', 'phan-cap', 'uy-quyen'];
const SECTORS = ['justice', 'finance', 'construction', 'health', 'agriculture', 'industry', 'interior', 'science', 'ethnic-religion', 'foreign-affairs', 'culture', 'inspection', 'education', 'other'];
export const MAX_TITLE = 120;

function isStrOrNull(v: unknown): boolean {
  return v === null || typeof v === 'string';
}

function checkRecord(r: AuthorityRecord, doc: string): string[] {
  const e: string[] = [];
  const id = typeof r.id === 'string' ? r.id : '?';
  if (typeof r.id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(r.id)) e.push(`${id}: mã bản ghi không hợp lệ`);
  if (typeof r.title !== 'string' || r.title.length === 0 || r.title.length > MAX_TITLE) e.push(`${id}: tiêu đề rỗng hoặc dài quá ${MAX_TITLE} ký tự`);
  if (typeof r.holder !== 'string' || r.holder.length === 0) e.push(`${id}: thiếu chủ thể`);
  if (!LEVELS.includes(r.level)) e.push(`${id}: cấp không hợp lệ ${String(r.level)}`);
  if (!KINDS.includes(r.holderKind)) e.push(`${id}: loại chủ thể không hợp lệ`);
  if (!ROLES.includes(r.role)) e.push(`${id}: vai trò không hợp lệ`);
  if (!MECHANISMS.includes(r.mechanism)) e.push(`${id}: cơ chế không hợp lệ`);
  if (!SECTORS.includes(r.sector)) e.push(`${id}: lĩnh vực không hợp lệ`);
  if (!isStrOrNull(r.formerHolder) || !isStrOrNull(r.field) || !isStrOrNull(r.timeLimit) || !isStrOrNull(r.secondarySource))
    e.push(`${id}: trường văn bản không hợp lệ`);
  if (!Array.isArray(r.refersTo) || !Array.isArray(r.aliases) || !Array.isArray(r.procedures)) e.push(`${id}: thiếu mảng`);
  if (r.sourceStatus !== 'verified' && r.sourceStatus !== 'second-hand') e.push(`${id}: trạng thái nguồn không hợp lệ`);
  if (r.sourceStatus === 'second-hand' && !r.secondarySource) e.push(`${id}: bản ghi thứ cấp phải nêu nguồn`);
  const c = r.citation;
  if (!c || c.document !== doc) e.push(`${id}: trích dẫn không thuộc văn bản ${doc}`);
  else if (c.article === null && c.annex === null) e.push(`${id}: trích dẫn thiếu Điều hoặc Phụ lục`);
  if (!r.id.startsWith(doc.split('/')[0] ?? '')) e.push(`${id}: mã không bắt đầu bằng số văn bản`);
  return e;
}

/** Problems in a register file, in Vietnamese (empty when valid). */
export function validateRegisterFile(reg: RegisterFile, parsed?: ParsedDecree): string[] {
  const e: string[] = [];
  if (typeof reg.document !== 'string') return ['Tệp sổ thẩm quyền thiếu số văn bản'];
  if (!reg.source || typeof reg.source.sha256 !== 'string') e.push('Thiếu nguồn (tệp, sha256)');
  if (!Array.isArray(reg.records) || !Array.isArray(reg.excluded) || !Array.isArray(reg.unresolvedCitations))
    return [...e, 'Thiếu records / excluded / unresolvedCitations'];
  const ids = new Set<string>();
  let prev = '';
  for (const r of reg.records) {
    e.push(...checkRecord(r, reg.document));
    if (ids.has(r.id)) e.push(`${r.id}: mã trùng`);
    if (r.id < prev) e.push(`${r.id}: bản ghi chưa được sắp xếp theo mã`);
    prev = r.id;
    ids.add(r.id);
  }
  for (const r of reg.records) for (const p of r.procedures) if (!ids.has(p)) e.push(`${r.id}: liên kết thủ tục không tồn tại ${p}`);
  for (const x of reg.excluded) if (typeof x.reason !== 'string' || !x.reason) e.push('Mục loại trừ thiếu lý do');
  if (parsed) {
    for (const r of reg.records) {
      const ctx = contextOf(parsed, r.citation);
      if (ctx === null) {
        e.push(`${r.id}: không tìm thấy điều khoản được trích dẫn`);
        continue;
      }
      if (!namesHolder(r.holder, ctx, r.citation.point, (point) => contextOf(parsed, { ...r.citation, point })))
        e.push(`${r.id}: chủ thể "${r.holder}" không có trong điều khoản được trích dẫn`);
    }
  }
  return e;
}
