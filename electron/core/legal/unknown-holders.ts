/**
 * Holder phrases the vocabulary does not know. A clause that gives a task ("do X thực hiện", "X có trách nhiệm",
 * "thuộc thẩm quyền của X", "X quyết định …") to a phrase naming no known body is not covered by finding nothing:
 * coverage counts it unexplained until a rule or an exclusion with its reason says what X is.
 */
import { holderMentions } from './holders';

/** Who is not a body of the state, or is named generically (the body is fixed elsewhere). */
const NOT_A_BODY =
  /^(?:các |những )?(?:cơ quan, người|cơ quan, tổ chức, cá nhân|cơ quan, tổ chức|cơ quan, đơn vị|cơ quan(?:, người| nhà nước)?|người|cấp|chức danh|cơ quan, chức danh)(?: nhà nước)? có th[ẩẳấ]m quyền|^(?:các |những )?(?:tổ chức, cá nhân|tổ chức|cá nhân|chủ đầu tư|nhà đầu tư|doanh nghiệp|người đề nghị|người nộp|người sử dụng đất|người dân|hộ gia đình|chủ sở hữu|chủ hộ|thương nhân|người yêu cầu|người được|bên |đối tượng|cơ sở|đơn vị tư vấn|nhà thầu|người lao động|người đứng đầu tổ chức|tổ chức, cá nhân|người thuê|người mua|người bán|chủ nhà|người có|người đại diện|chủ phương tiện|chủ tàu|chủ cơ sở|chủ dự án|hội|hợp tác xã)|^(?:cơ quan|đơn vị|tổ chức|người)(?: [^ ]+)? (?:tiếp nhận|giải quyết|được giao|quản lý|thực hiện|có liên quan|liên quan|chủ trì|phối hợp|cấp|ban hành|đã|đang|nêu|quy định|này|đó)|^(?:các |những )?(?:cơ quan|đơn vị|bộ phận)(?: có liên quan| liên quan)?$|^(?:bộ phận một cửa|ban quản lý dự án|đơn vị điện lực|cơ quan (?:được|mình)$|bộ(?: thực hiện|$))|^(?:các )?bộ, ngành|^(?:việc|nội dung|thủ tục|hồ sơ)/iu;

/** Subjects of the assignment patterns, as written. */
const SUBJECTS: RegExp[] = [
  /\bdo ((?:[Cc]ơ quan|[Nn]gười|[Tt]hủ trưởng|[Cc]hánh|[Gg]iám đốc|[Tt]rưởng|[Bb]an(?! hành)|[Hh]ội đồng|[Tt]ổ(?= )|[Đđ]ơn vị|[Tt]rung tâm|[Cc]hi cục|[Cc]ục|[Vv]ụ|[Vv]ăn phòng|[Qq]uỹ|[Vv]iện|[Tt]òa án|[Kk]iểm toán|[Tt]hanh tra|[Ll]ực lượng|[Đđ]ại diện|Ủy ban|Bộ|Sở)[^.;:()]{2,90}?) (?:chủ trì, )?(?:tổ chức )?thực hiện(?![\p{L}])/gu,
  /\bthuộc (?:thẩm quyền|trách nhiệm) (?:của )?((?:[Cc]ơ quan|[Nn]gười|[Tt]hủ trưởng|[Cc]hánh|[Gg]iám đốc|[Tt]rưởng|[Bb]an(?! hành)|[Hh]ội đồng|[Đđ]ơn vị|[Tt]rung tâm|[Cc]hi cục|[Cc]ục|[Vv]ăn phòng|Ủy ban|Bộ|Sở)[^.;:,()]{2,80}?)(?= theo| quy định| tại|[.;:,]|$)/gu,
  /(?:^|[.;:]\s+|^(?:\d+\.|[a-zđ]\))\s*)((?:[Cc]ơ quan|[Tt]hủ trưởng|[Cc]hánh|[Gg]iám đốc|[Tt]rưởng|[Bb]an(?! hành)|[Hh]ội đồng|[Đđ]ơn vị|[Tt]rung tâm|[Cc]hi cục|[Cc]ục|[Vv]ăn phòng|[Qq]uỹ|[Tt]ổ(?= ))[^.;:,()]{2,80}?) (?:có trách nhiệm|chịu trách nhiệm|có thẩm quyền|quyết định|phê duyệt|cấp giấy|cho phép|chấp thuận|ban hành)(?![\p{L}])/gu,
];

/** The subject phrases of a unit's assignments that name no body of the vocabulary (nor a generic or private party). */
export function unknownHolders(raw: string): string[] {
  // Scans break sentences across lines ("Ủy ban nhân\ndân cấp xã").
  const text = raw.replace(/\s+/gu, ' ');
  const known = holderMentions(text);
  const out: string[] = [];
  for (const re of SUBJECTS) {
    for (const m of text.matchAll(re)) {
      const who = (m[1] ?? '').trim();
      const at = (m.index ?? 0) + m[0].indexOf(who);
      // A known body where the phrase starts ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ …" cut at its comma).
      if (!who || known.some((k) => k.start >= at && k.start < at + who.length) || NOT_A_BODY.test(who)) continue;
      if (!out.includes(who)) out.push(who);
    }
  }
  return out;
}
