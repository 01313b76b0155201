/**
 * Results → CSV for legal officers (opens in Excel: UTF-8 with BOM, CRLF, quoted cells).
 */
import type { SearchHit } from '../../../electron/api/contract';
import { LEVEL_LABELS, MECHANISM_LABELS, ROLE_LABELS, SECTOR_LABELS } from '../../../electron/core/model';
import { namedFormerHolder, timeText, viDate } from './format';
import { fullLabel, statusOf } from './status';

const HEADER = [
  'Nhiệm vụ, thẩm quyền',
  'Cơ quan thực hiện',
  'Cấp',
  'Vai trò',
  'Trước đây',
  'Cơ chế',
  'Lĩnh vực',
  'Căn cứ',
  'Thời hạn giải quyết',
  'Tình trạng',
  'Phân cấp, ủy quyền',
  'Tình trạng nguồn',
  'Lưu ý sửa đổi',
  'Mã bản ghi',
];

function cell(v: string): string {
  // Formula-looking cells are prefixed so a spreadsheet shows them as text.
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Status on the day, in words with the act; "Chưa xác định" when the server gave none. */
function statusCell(h: SearchHit): string {
  const s = statusOf(h);
  return s ? fullLabel(s) : 'Chưa xác định';
}

/** The time limit, and where it comes from when it is not the decree ("Cổng Dịch vụ công, thủ tục 1.012753"). */
function timeCell(h: SearchHit): string {
  if (!h.timeLimit) return '';
  return h.timeLimitSource ? `${timeText(h.timeLimit)} (${h.timeLimitSource})` : timeText(h.timeLimit);
}

function delegationCell(h: SearchHit): string {
  const d = h.delegation;
  if (!d) return '';
  const holder = d.holder ? ` Tại ${d.province ?? 'tỉnh đã chọn'}: ${d.holder}${d.citationText ? ` (${d.citationText})` : ''}.` : '';
  return `${d.note}${holder}`;
}

/** The list as a table (header, then one row a hit): the CSV and the XLSX carry the same columns. */
export function hitsTable(hits: readonly SearchHit[], day?: string): { header: string[]; rows: string[][] } {
  const header = HEADER.map((hd) => (hd === 'Tình trạng' && day ? `Tình trạng ngày ${viDate(day)}` : hd));
  const rows = hits.map((h) => [
    h.title,
    h.holder,
    LEVEL_LABELS[h.level] ?? h.level,
    ROLE_LABELS[h.role] ?? h.role,
    // As on the card: an empty cell would not tell "not named by the text" from "not filled in".
    namedFormerHolder(h.formerHolder) ?? 'Văn bản không nêu',
    MECHANISM_LABELS[h.mechanism] ?? h.mechanism,
    SECTOR_LABELS[h.sector] ?? h.sector,
    h.citationText,
    timeCell(h),
    statusCell(h),
    delegationCell(h),
    h.sourceStatus === 'second-hand' ? 'Chưa đối chiếu văn bản gốc' : 'Đã đối chiếu văn bản',
    h.caution ?? '',
    h.id,
  ]);
  return { header, rows };
}

/** `day` (ISO) names the status column: "Tình trạng ngày 01/10/2025". */
export function hitsToCsv(hits: readonly SearchHit[], day?: string): string {
  const { header, rows } = hitsTable(hits, day);
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Saves text as a file through a temporary link (no network, no new window). */
export function downloadText(filename: string, text: string | Blob, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(typeof text === 'string' ? new Blob([text], { type }) : text);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
