/**
 * Clause reading: walks an article's clauses and points, passing a lead-in's holder down to its points
 * ("… do Sở Nội vụ thực hiện như sau:", "3. Sở Nội vụ:"), and hands each assignment to record assembly.
 */
import { holderOnlyLeadIn, roleOfTask } from './assign';
import { levelOf } from './holders';
import { addRecord, type Ctx, type Found, findAll } from './record';
import { sisterHolders } from './sister-points';
import { type LegalNode, citationKey } from './structure';
import { taskTitle } from './titles';
import { clip, matchForm } from './text';

/** Heading like "Thẩm quyền của … chuyển giao cho Chủ tịch Ủy ban nhân dân cấp xã": a lead-in for the article. */
function headingAssignments(article: LegalNode): Found[] {
  const h = article.heading ?? '';
  if (!/chuyển giao cho|phân quyền, phân cấp cho|phân quyền cho|phân cấp cho/u.test(h)) return [];
  return findAll(h);
}

/**
 * "4. Việc giao đất, cho thuê đất … đối với các trường hợp quy định tại khoản 3 Điều này gắn với việc cấp Giấy chứng nhận …"
 * (151 Điều 10 khoản 4, added by 226/2025): a clause without a holder about another clause's cases is held by that clause's
 * holders, not by every body the article's heading names (the heading names Ủy ban nhân dân cấp xã too; khoản 3 gives the
 * cases to the commune chairman).
 */
function ofReferredClause(ctx: Ctx, node: LegalNode, text: string, inherited: Found[]): Found[] {
  const ref = /trường hợp quy định tại khoản (\d+) Điều này/u.exec(text);
  if (!ref || node.kind !== 'clause') return inherited;
  const clause = Number(ref[1]);
  const held = new Set(
    [...ctx.records.values()]
      .filter((r) => !r.citation.annex && r.citation.article === node.citation.article && r.citation.clause === clause)
      .map((r) => r.holder),
  );
  const narrowed = inherited.filter((f) => held.has(f.a.holder));
  return narrowed.length > 0 ? narrowed : inherited;
}

export const LEAD_IN_END = /:\s*$/u;
export const EXCEPTION_LEAD_IN = /\btrừ (?:các )?trường hợp(?: sau| sau đây| quy định sau)?\s*:$/u;
export const OWN_SUBJECT =
  /^(?:[a-zđ]\)\s*|\d+\.\s*)?(?:(?:Khi|Trong thời hạn|Trường hợp|Sau khi|Trước khi)[^,]{0,160},\s*(?:kể từ [^,]{0,80},\s*)?)?(?:[Cc]hủ đầu tư|[Tt]ổ chức, cá nhân|[Cc]á nhân|[Nn]gười đề nghị|[Nn]gười sử dụng đất|[Dd]oanh nghiệp|[Nn]hà đầu tư|[Tt]hương nhân|[Hh]ộ gia đình|[Cc]ơ quan, tổ chức (?:có thẩm quyền|có liên quan|liên quan))(?: [^,.;:]{0,60}?)? (?:có trách nhiệm|nộp|gửi|phải|đề nghị)\s/u;
export const CATCH_ALL = /^(?:[a-zđ]\)|\d+\.)?\s*(?:Thực hiện|Các) (?:các )?(?:nhiệm vụ|trách nhiệm|quyền hạn)(?:, quyền hạn)? khác/u;

export function visit(ctx: Ctx, node: LegalNode, article: LegalNode, inherited: Found[], leadTask: string | null = null): void {
  let own = findAll(node.ownText);
  if (own.every((f) => f.a.indirect || levelOf(f.a.holder) === null) && sisterHolders(ctx, node, article)) return;
  // "b) Ký xác nhận … thuộc thẩm quyền của Ủy ban nhân dân cấp xã", "g) Kiểm tra hồ sơ trình Ủy ban nhân dân cấp xã phê duyệt":
  // a point without its own subject belongs to its lead-in's holder; bodies named inside it are objects.
  if (inherited.length > 0 && own.length > 0 && own.every((f) => f.a.indirect)) own = [];
  // A point that names its lead-in's holder again keeps its own verb but the lead-in's former holder.
  if (inherited.length > 0 && own.length > 0 && own.every((f) => inherited.some((i) => i.a.holder === f.a.holder)))
    own = own.map((f) =>
      f.a.formerHolder ? f : { ...f, a: { ...f.a, formerHolder: inherited.find((i) => i.a.holder === f.a.holder)?.a.formerHolder ?? null } },
    );
  const isLeadIn = node.children.length > 0 && LEAD_IN_END.test(node.ownText.trim());
  // "…, trừ các trường hợp sau:": the points are exceptions, the clause's holder does not hold them.
  const exceptions = isLeadIn && EXCEPTION_LEAD_IN.test(matchForm(node.ownText).trim());
  if (own.length > 0) {
    if (isLeadIn && !exceptions) {
      // "… do Sở Nội vụ thực hiện như sau:" — each point is a task of that holder.
      const before = ctx.records.size;
      const f0 = own[0]!;
      const lead = taskTitle(f0.sentence.replace(/\s*(?:như sau|cụ thể như sau|bao gồm|gồm)?\s*:\s*$/u, ''), f0.a.holder, f0.a.at, f0.a.verb, null);
      for (const c of node.children) visit(ctx, c, article, own, clip(lead, 70));
      if (ctx.records.size === before) for (const f of own) addRecord(ctx, node, f, null, article);
      else ctx.covered.add(citationKey(node.citation));
      return;
    }
    for (const f of own) addRecord(ctx, node, f, null, article, leadTask);
    if (!exceptions) for (const c of node.children) visit(ctx, c, article, []);
    return;
  }
  // "Thực hiện nhiệm vụ khác theo quy định của pháp luật": a catch-all, not a task of its own.
  if (inherited.length > 0 && CATCH_ALL.test(matchForm(node.ownText))) return;
  // "a) Khi lập dự án …, chủ đầu tư dự án có trách nhiệm lập …": a point with a subject of its own (not a body) is no task of the lead-in's holder.
  if (inherited.length > 0 && node.kind !== 'article' && OWN_SUBJECT.test(matchForm(node.ownText))) return;
  if (inherited.length > 0 && node.kind !== 'article') {
    const before = ctx.records.size;
    if (node.children.length > 0 && isLeadIn) for (const c of node.children) visit(ctx, c, article, inherited);
    if (ctx.records.size === before) {
      const text = matchForm(node.ownText);
      // A point that is a case, not a task ("a) Thuộc dự án …"): the task is the lead-in's.
      const isCase = /^(?:[a-zđ]\)\s*)?(?:Thuộc|Trường hợp|Đối với|Các trường hợp|Khi|Nếu|Dự án|Công trình)\b/u.test(text);
      for (const f of ofReferredClause(ctx, node, text, inherited)) addRecord(ctx, node, f, text, article, isCase ? leadTask : null);
    }
    return;
  }
  // "3. Sở Nội vụ:" then points without a subject: each point is a task of that holder.
  const only = isLeadIn ? holderOnlyLeadIn(matchForm(node.ownText)) : null;
  if (only) {
    const before = ctx.records.size;
    for (const c of node.children) {
      const text = matchForm(c.ownText);
      // A point naming bodies only as objects ("Xem xét đề nghị Chủ tịch … cấp tỉnh quyết định …") is still the lead-in holder's.
      if (CATCH_ALL.test(text) || findAll(c.ownText).some((f) => !f.a.indirect)) {
        visit(ctx, c, article, []);
        continue;
      }
      addRecord(ctx, c, { a: { holder: only, role: roleOfTask(text), formerHolder: null, at: -1, verb: 'lead-in' }, sentence: text }, text, article);
    }
    if (ctx.records.size > before) ctx.covered.add(citationKey(node.citation));
    return;
  }
  const pass = node.kind === 'article' ? headingAssignments(article) : isLeadIn ? inherited : [];
  // A lead-in without a holder ("Thẩm quyền quyết định … như sau:") names the task its points share.
  const task = isLeadIn && node.kind !== 'article' ? taskTitle(matchForm(node.ownText).replace(/\s*(?:như sau|cụ thể như sau|bao gồm|gồm)?\s*:\s*$/u, ''), null, -1, null, null) : null;
  for (const c of node.children) visit(ctx, c, article, pass, task && task.length >= 10 ? clip(task, 70) : null);
}
