/**
 * Results → CSV for legal officers (opens in Excel: UTF-8 with BOM, CRLF, quoted cells).
 */
import type { SearchHit } from '../../../electron/api/contract';
import { LEVEL_LABELS, MECHANISM_LABELS, ROLE_LABELS, SECTOR_LABELS } from '../../../electron/core/model';

const HEADER = [
  'Nhiệm vụ, thẩm quyền',
  'Cơ quan thực hiện',
  'Cấp',
  'Vai trò',
  'Trước đây',
  'Cơ chế',
  'Lĩnh vực',
  'Căn cứ',
  'Tình trạng nguồn',
  'Lưu ý sửa đổi',
  'Mã bản ghi',
];

function cell(v: string): string {
  // Formula-looking cells are prefixed so a spreadsheet shows them as text.
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function hitsToCsv(hits: readonly SearchHit[]): string {
  const rows = hits.map((h) => [
    h.title,
    h.holder,
    LEVEL_LABELS[h.level] ?? h.level,
    ROLE_LABELS[h.role] ?? h.role,
    h.formerHolder ?? '',
    MECHANISM_LABELS[h.mechanism] ?? h.mechanism,
    SECTOR_LABELS[h.sector] ?? h.sector,
    h.citationText,
    h.sourceStatus === 'second-hand' ? 'Chưa đối chiếu văn bản gốc' : 'Đã đối chiếu văn bản',
    h.caution ?? '',
    h.id,
  ]);
  return '\uFEFF' + [HEADER, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

/** Saves text as a file through a temporary link (no network, no new window). */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
