/**
 * Coverage side of extraction: which units carry an authority phrase (each must become a record or be explained),
 * and the reasons a rule can give for one that became no record.
 */
import { CATCH_ALL, EXCEPTION_LEAD_IN, OWN_SUBJECT } from './clauses';
import { holderMentions, levelOf } from './holders';
import type { LegalNode, ParsedDecree } from './structure';
import { matchForm } from './text';
import { unknownHolders } from './unknown-holders';

/** A phrase that says someone holds a task; such a clause must become a record or be explained. */
export const AUTHORITY_RE =
  /thuộc thẩm quyền|có thẩm quyền|thực hiện thẩm quyền|được thực hiện đối với|thuộc trách nhiệm|có trách nhiệm|chuyển giao|không thực hiện|\bdo [^.;]{1,90}? thực hiện|thực hiện nhiệm vụ|là cơ quan giải quyết|phân quyền, phân cấp cho|phân quyền cho|phân cấp cho/u;

/** A general article is known by how its heading begins: "Thẩm quyền quản lý, tổ chức thực hiện …" assigns. */
export const GENERAL_ARTICLE =
  /^(?:Về |Quy định |Điều khoản )?(?:phạm vi điều chỉnh|đối tượng áp dụng|nguyên tắc|giải thích từ ngữ|hiệu lực|trách nhiệm thi hành|tổ chức thực hiện|phí, lệ phí|điều khoản thi hành|chuyển tiếp|thi hành)/iu;
/** Transitional articles do assign (pending files go to the commune), so they are not "general". */
export const TRANSITIONAL_ARTICLE = /chuyển tiếp/iu;

/** Why a clause with an authority phrase became no record, when a rule can tell. */
export function autoReason(node: LegalNode, article: LegalNode | null, parent: LegalNode | null): string | null {
  const text = matchForm(node.ownText);
  const parentText = parent ? matchForm(parent.ownText) : '';
  const heading = article?.heading ?? node.heading ?? '';
  if (article && GENERAL_ARTICLE.test(heading) && !TRANSITIONAL_ARTICLE.test(heading))
    return 'Quy định chung hoặc điều khoản thi hành, không giao một thẩm quyền cụ thể';
  // 140 Điều 14 khoản 9, 125 Điều 15: the Front and Party committees are no administrative body of a level.
  if (/\bdo (?:Ban Thường vụ |Văn phòng )?(?:Ủy ban Mặt trận [Tt]ổ quốc Việt Nam|tỉnh ủy|thành ủy)[^.;]{0,60}? thực hiện/u.test(text))
    return 'Giao cho Mặt trận Tổ quốc hoặc cấp ủy Đảng (tổ chức chính trị, chính trị - xã hội), không phải cơ quan hành chính theo cấp; không có bản ghi';
  // A task given to a body the vocabulary does not know is never explained by a rule: a rule or a reason must say what it is.
  if (unknownHolders(text).length > 0) return null;
  if (/^(?:\d+\.\s*|[a-zđ]\)\s*)?(?:Trường hợp[^,]{0,160},\s*)?(?:từng |các )?(?:[Nn]hà thầu|[Cc]hủ đầu tư|[Nn]hà đầu tư|[Dd]oanh nghiệp)(?: [^.;:]{0,80}?)? (?:có trách nhiệm|chịu trách nhiệm|phải)\s/u.test(text))
    return 'Nghĩa vụ của nhà thầu, chủ đầu tư, doanh nghiệp; không giao thẩm quyền cho cơ quan nhà nước';
  if (/^(?:[a-zđ]\)\s*)?Trường hợp [^,]{0,160} thì tiếp tục thực hiện theo/u.test(text))
    return 'Chuyển tiếp: tiếp tục thực hiện theo văn bản đã phê duyệt; không giao thẩm quyền mới';
  if (/^(?:\d+\.\s*|[a-zđ]\)\s*)?Trình tự, thủ tục[^.]*theo quy định tại (?:Nghị định số|Luật|Thông tư|Bộ luật)/u.test(text))
    return 'Dẫn chiếu trình tự, thủ tục tại văn bản khác; thẩm quyền đã ghi ở khoản khác của Điều này';
  if (/(?:[Cc]ơ quan|người) có thẩm quyền (?:quy định|nêu) tại (?:khoản \d+ )?Điều này/u.test(text) && holderMentions(text).every((m) => levelOf(m.holder) === null || levelOf(m.holder) === 'huyen'))
    return 'Chủ thể là "cơ quan có thẩm quyền" đã nêu ở khoản khác của Điều này (đã ghi nhận ở đó); điểm này quy định các bước thực hiện';
  if (/^(?:\d+\.\s*|[a-zđ]\)\s*)?Trình tự, thủ tục/u.test(text) && /Phụ lục/u.test(text))
    return 'Dẫn chiếu trình tự, thủ tục tại Phụ lục; thủ tục là bản ghi riêng, liên kết với thẩm quyền';
  if (/^(?:\d+\.\s*)?(?:Văn bản, giấy tờ|Các hồ sơ|Hồ sơ|Các thủ tục hành chính|Các quy định)[^.]*(?:trước ngày|trước khi|được tiếp tục)/u.test(text))
    return 'Chuyển tiếp về văn bản, hồ sơ đã có trước khi Nghị định có hiệu lực; không giao thẩm quyền mới';
  if (/^(?:[a-zđ]\)\s*|\d+\.\s*)?(?:Hồ sơ|Thành phần hồ sơ)[^:]{0,160}?(?:gồm|bao gồm)/u.test(text))
    return 'Thành phần hồ sơ; không giao thẩm quyền';
  const GENERIC_SUBJECT = /^(?:[a-zđ]\)\s*|\d+\.\s*)?(?:Cơ quan, (?:tổ chức, )?người|Các cơ quan|Chủ động ban hành|Cơ quan, người|(?:Trách nhiệm|Nhiệm vụ, quyền hạn) của các cơ quan)/u;
  if (GENERIC_SUBJECT.test(text) || (parent && GENERIC_SUBJECT.test(parentText) && /:\s*$/u.test(parentText)))
    return 'Trách nhiệm chung của cơ quan, người tiếp nhận nhiệm vụ được phân định, phân quyền, phân cấp; không giao cho một cơ quan cụ thể';
  if (CATCH_ALL.test(text)) return 'Điều khoản "nhiệm vụ khác theo quy định", không giao một nhiệm vụ cụ thể';
  const mentions = holderMentions(text);
  const levelled = mentions.filter((m) => {
    const l = levelOf(m.holder);
    return l !== null && l !== 'huyen';
  });
  if (mentions.length > 0 && levelled.length === 0)
    return 'Chỉ nêu cơ quan cấp huyện (đã chấm dứt hoạt động), không giao nhiệm vụ cho cơ quan mới';
  // Only the generic "cơ quan / người có thẩm quyền" is named: the body is fixed elsewhere.
  const generic = text.replace(/(?:cơ quan|người|cấp|chức danh|cơ quan, người|cơ quan, tổ chức|cơ quan, chức danh)(?: nhà nước)? có thẩm quyền/gu, '');
  if (levelled.length === 0 && !AUTHORITY_RE.test(generic))
    return 'Chỉ nhắc chung "cơ quan/người có thẩm quyền", không giao cho một cơ quan cụ thể';
  if (parent && EXCEPTION_LEAD_IN.test(parentText.trim()))
    return 'Trường hợp ngoại lệ của lời dẫn ("trừ các trường hợp sau"); không giao thẩm quyền cho cơ quan được nêu';
  if (OWN_SUBJECT.test(text)) return 'Bước thủ tục của chủ đầu tư, tổ chức, cá nhân; không giao thẩm quyền cho cơ quan nhà nước';
  return null;
}

export function walkUnits(
  nodes: LegalNode[],
  article: LegalNode | null,
  fn: (n: LegalNode, article: LegalNode | null, parent: LegalNode | null) => void,
  parent: LegalNode | null = null,
): void {
  for (const n of nodes) {
    const art = n.kind === 'article' ? n : article;
    fn(n, art, parent);
    walkUnits(n.children, art, fn, n);
  }
}

/** Units (article intro, clause lead-in, point) whose own words carry an authority phrase. */
export function authorityUnits(parsed: ParsedDecree): Array<{ node: LegalNode; article: LegalNode | null; parent: LegalNode | null }> {
  const out: Array<{ node: LegalNode; article: LegalNode | null; parent: LegalNode | null }> = [];
  walkUnits(parsed.articles, null, (n, article, parent) => {
    const text = matchForm(n.ownText);
    if (AUTHORITY_RE.test(text) || unknownHolders(text).length > 0) out.push({ node: n, article, parent });
  });
  // Annex items only count when they transfer tasks ("chuyển giao tương ứng cho …").
  walkUnits(parsed.annexes, null, (n, article, parent) => {
    if (n.kind !== 'annex' && n.kind !== 'section' && /chuyển giao/u.test(matchForm(n.ownText))) out.push({ node: n, article, parent });
  });
  return out;
}
