/** The readable coverage report: one line per decree, then every clause left out with its reason. */
import type { CoverageRow } from '../core/legal/coverage';
import { formatCitation } from '../core/model';

export function formatCoverageTable(rows: CoverageRow[]): string {
  const head = ['Văn bản', 'Toàn văn', 'Điều khoản có thẩm quyền', 'Bản ghi', 'Chưa giải thích', 'Trích dẫn chưa giải quyết'];
  const body = rows.map((r) => [
    r.document,
    r.textLoaded ? 'có' : 'chưa có văn bản',
    String(r.authorityClauses),
    String(r.records),
    String(r.unexplained),
    String(r.unresolvedCitations),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ');
  const out = [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)];
  const total = (k: 'authorityClauses' | 'records' | 'unexplained' | 'unresolvedCitations') => rows.reduce((s, r) => s + r[k], 0);
  out.push(
    `Tổng: ${total('authorityClauses')} điều khoản có thẩm quyền, ${total('records')} bản ghi, ` +
      `${total('unexplained')} chưa giải thích, ${total('unresolvedCitations')} trích dẫn chưa giải quyết.`,
  );
  for (const r of rows) {
    if (r.excluded.length === 0 && !r.unexplainedClauses?.length) continue;
    out.push('', `${r.document} — điều khoản không thành bản ghi:`);
    for (const x of r.excluded) out.push(`  - ${formatCitation(x.citation)}: ${x.reason}`);
    for (const x of r.unexplainedClauses ?? []) out.push(`  - ${formatCitation(x.citation)}: CHƯA GIẢI THÍCH — ${x.excerpt}`);
  }
  return out.join('\n');
}
