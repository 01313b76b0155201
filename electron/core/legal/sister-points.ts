/**
 * Sister points: a point whose subject is "the bodies of points a, b and c of this clause" gives each of them its task.
 */
import { addRecord, type Ctx } from './record';
import type { LegalNode } from './structure';
import { capitalize, matchForm, sisterPointsNamed } from './text';

/**
 * "d) Cơ quan có thẩm quyền cấp Giấy chứng nhận … quy định tại các điểm a, b và c khoản này có thẩm quyền đính chính …"
 * (49/2026 Điều 14 khoản 2): a point whose subject is the bodies of its sister points gives each of them this task too.
 */
const SISTER_SUBJECT = /^(?:[a-zđ]\)\s*)?(?:Cơ quan|Người|Cơ quan, người)[^.;:]{0,200}? quy định tại [^.;:]{1,40}? khoản này (?:có thẩm quyền|có trách nhiệm|thực hiện) (\p{Ll}[^]{8,})$/u;

export function sisterHolders(ctx: Ctx, node: LegalNode, article: LegalNode): boolean {
  if (node.kind !== 'point') return false;
  const text = matchForm(node.ownText).trim();
  const m = SISTER_SUBJECT.exec(text);
  const points = new Set(sisterPointsNamed(text));
  if (!m?.[1] || points.size === 0) return false;
  const sisters = [...ctx.records.values()].filter(
    (r) =>
      r.role === 'quyet-dinh' &&
      r.citation.document === node.citation.document &&
      r.citation.article === node.citation.article &&
      r.citation.clause === node.citation.clause &&
      r.citation.point !== null &&
      points.has(r.citation.point),
  );
  const holders = [...new Set(sisters.map((r) => r.holder))];
  if (holders.length === 0) return false;
  const task = capitalize(m[1].replace(/[.;]\s*$/u, ''));
  for (const holder of holders) {
    const formerHolder = sisters.find((r) => r.holder === holder)?.formerHolder ?? null;
    addRecord(ctx, node, { a: { holder, role: 'quyet-dinh', formerHolder, at: -1, verb: 'có thẩm quyền' }, sentence: matchForm(node.ownText) }, task, article);
  }
  return true;
}
