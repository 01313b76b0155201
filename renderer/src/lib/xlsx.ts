/**
 * The current list → an Excel workbook (.xlsx) with the CSV's columns: citations and status on
 * the day, a title row naming the list and the day, frozen header, column widths, wrapped text.
 * exceljs (about 900 kB) is loaded only when a user asks for a workbook.
 */
import type { SearchHit } from '../../../electron/api/contract';
import { hitsTable } from './csv';
import { todayVi, viDate } from './format';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const WIDTHS = [48, 30, 12, 22, 28, 20, 20, 40, 30, 40, 36, 22, 30, 30];

/** A cell a spreadsheet would read as a formula is kept as text. */
function text(v: string): string {
  return /^[=+\-@]/.test(v) ? `'${v}` : v;
}

export async function hitsToXlsx(hits: readonly SearchHit[], day: string, title: string): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tra cứu thẩm quyền';
  wb.created = new Date();
  const ws = wb.addWorksheet('Kết quả', { views: [{ state: 'frozen', ySplit: 2 }] });
  const { header, rows } = hitsTable(hits, day);
  // The day asked and the day saved: a sheet read months later says both.
  ws.addRow([`${title} — ${hits.length} bản ghi, tình trạng tại ngày ${viDate(day)}, xuất ngày ${todayVi()}`]).font = { bold: true, size: 13 };
  const head = ws.addRow(header);
  head.font = { bold: true };
  head.alignment = { vertical: 'top', wrapText: true };
  for (const r of rows) ws.addRow(r.map(text)).alignment = { vertical: 'top', wrapText: true };
  ws.columns.forEach((c, i) => (c.width = WIDTHS[i] ?? 20));
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: header.length } };
  const buf = await wb.xlsx.writeBuffer();
  return new Blob([buf], { type: XLSX_TYPE });
}
