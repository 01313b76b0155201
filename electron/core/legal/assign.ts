/**
 * Reads one sentence and says who is assigned what, from the patterns the
 * decrees use: "… do X thực hiện", "… thuộc thẩm quyền của X", "X có trách
 * nhiệm …", "X thực hiện …", "… chuyển giao cho X", "Không thực hiện …".
 * Works on the matching form (see text.ts); holders are returned as written.
 */
import type { Role } from '../model';
import { type HolderMention, holderMentions, levelOf } from './holders';

export interface Assignment {
  holder: string;
  role: Role;
  formerHolder: string | null;
  /** Offset of the holder in the sentence (for titles). */
  at: number;
  /** The verb or phrase that assigned it ("thực hiện", "thuộc thẩm quyền"). */
  verb: string;
  /** Named as the one addressed ("trình X phê duyệt") or owning a power ("thuộc thẩm quyền của X"), not as the subject. */
  indirect?: boolean;
}

// "do đại diện chủ sở hữu nhà ở thuộc tài sản công đó thực hiện": the demonstrative closes the body's name.
const AFTER_QUALIFIER = String.raw`^(?: đó(?=\s))?(?:\s*\([^)]*\))?(?:,? (?:nơi|theo|trong|trên|đối với|tại|ở|khi|có|sau|được)\s+[^\s.;:]+[^.;:]{0,90}?,?)??\s*`;
// "Chủ tịch Ủy ban nhân dân cấp có thẩm quyền xem xét ban hành quyết định giao đất …" (151 Phụ lục I): considering is
// the way to the decision it issues, not a duty of its own.
const DECIDE_VERBS =
  'tiếp nhận, giải quyết|tiếp nhận và giải quyết|trả lời|là cơ quan|có thẩm quyền|thực hiện|quyết định|xem xét, quyết định|xem xét quyết định|xem xét,? ban hành|ra quyết định|cấp(?! xã| tỉnh| huyện| có| trên| dưới| trung ương)|ban hành|phê duyệt|giải quyết|chấp thuận|công nhận|cho phép|xác nhận|bổ nhiệm|miễn nhiệm|thu hồi|thành lập|giải thể|điều chỉnh|gia hạn|cấp lại|cấp đổi|đình chỉ|tạm đình chỉ|hủy bỏ|quy định(?! tại| của| trong| như| chi tiết| về)|phân bổ|(?<![Đđ]ăng )ký|cử|giao';
const DUTY_VERBS =
  'có tờ trình|có văn bản|công khai|tuyên truyền|(?<!nơi |của |cho |các |và )tổ chức(?!,? cá nhân| đặt| có)|hướng dẫn|kiểm tra|lập|(?<!(?:công|quy|tờ|chương|giáo|lộ|tiến) )trình|thẩm định|rà soát|đánh giá|định kỳ|xem xét|theo dõi|tổng hợp|báo cáo|thông báo|công bố|cập nhật|quản lý|chủ trì|chỉ đạo|bố trí|thanh tra|giám sát';

const SUBJECT_VERB = new RegExp(
  `${AFTER_QUALIFIER}(có trách nhiệm|chịu trách nhiệm|${DECIDE_VERBS}|tiếp nhận|phối hợp|${DUTY_VERBS})(?=[\\s,;.:]|$)`,
  'u',
);
/** A verb right after the holder, with no qualifier in between. */
const IMMEDIATE_VERB = new RegExp(
  `^\\s*(?:\\([^)]*\\)\\s*)?(?:có trách nhiệm|chịu trách nhiệm|phải|${DECIDE_VERBS}|tiếp nhận|phối hợp|${DUTY_VERBS})(?=[\\s,;.:]|$)`,
  'u',
);
/** Explicit assignment phrases win over verbs inside a qualifier ("nơi tiếp nhận yêu cầu có trách nhiệm"). */
const STRONG_VERB = new RegExp(
  `${AFTER_QUALIFIER.replace('|được)', '|được|hoặc|và|của)').replace('{0,90}', '{0,150}')}(có trách nhiệm|phải|tiếp tục thực hiện|tiếp tục giải quyết|chịu trách nhiệm|thực hiện thẩm quyền|thực hiện nhiệm vụ|được thực hiện các nhiệm vụ|thực hiện trách nhiệm quản lý nhà nước|thực hiện quản lý nhà nước|có thể quy định|(?<!cơ quan |người |cấp |chức danh )có thẩm quyền)(?=[\\s,;.:]|$)`,
  'u',
);
/** "kiểm tra hồ sơ và xác nhận", "xem xét, ra quyết định": a duty verb followed by a decision. */
// "Văn phòng đăng ký đất đai kiểm tra thông tin …; thực hiện cấp lại Giấy chứng nhận …" (151 Phụ lục I Phần V C mục VIII): the
// follow-on step after a semicolon decides too.
const THEN_DECIDES = /^(?:[^.;]{0,60}?(?:,| và)|[^.;]{0,160}?; thực hiện(?: việc)?) (xác nhận|quyết định|ra quyết định|cấp(?! xã| tỉnh| huyện| có| trên| dưới)|phê duyệt|ban hành|công nhận|cho phép)(?=[\s,;.:]|$)/u;
/** A holder stands where a subject does: sentence start, after a comma, "thì", ":" or a definition. */
const SUBJECT_START = /(?:^|[,:;]\s*|\bthì\s+(?:nay\s+)?|\bđó\s+|\(sau đây gọi (?:tắt |chung )?là\s+|^\s*(?:[a-zđ]\)|\d+\.)\s*)(?:[Cc]ơ quan\s+)?$/u;

/** "do A quản lý … thực hiện": the closing "thực hiện" is the verb, whatever the qualifier says. */
const DO_THUC_HIEN = new RegExp(
  `^\\s+quản lý(?:(?! và | thực hiện)[^.;:]){1,90}?\\s(thực hiện|tổ chức thực hiện)(?=\\s*(?:[,;.:]|$|như sau))`,
  'u',
);
const DO_VERB = new RegExp(
  `${AFTER_QUALIFIER}(thực hiện|quyết định|xem xét, quyết định|xem xét quyết định|giải quyết|ban hành|phê duyệt|tổ chức thực hiện|chủ trì|chấp thuận|công nhận|cho phép|xác nhận|tiếp nhận|thẩm định|bổ nhiệm|thành lập|ra quyết định|cấp giấy|cấp phép|cấp, |quy định(?! tại| của| trong| như| chi tiết| về)|chịu trách nhiệm|đảm nhận)(?=[\\s,;.:]|$)`,
  'u',
);
/**
 * "có trách nhiệm cấp giấy …", "có trách nhiệm cử hòa giải viên …": the decision right after the duty; "có trách nhiệm giải
 * quyết các thủ tục giải thể …" (129 Điều 81 khoản 1, sample H 85): settling a procedure, a complaint or a dispute decides;
 * "có trách nhiệm phân loại và có văn bản cử hòa giải viên lao động" (129 Điều 75 khoản 2 điểm b, sample K 32): the appointment
 * after the sorting decides; so does "có trách nhiệm xác nhận đăng ký hóa chất mới" (26/2026 Điều 23 khoản 4 điểm g, sample L 5),
 * where "có trách nhiệm kiểm tra, xác nhận bản khai … gửi Sở Nội vụ" certifies for a higher body and stays a duty; "có trách
 * nhiệm thực hiện nhiệm vụ được ủy quyền phê duyệt hồ sơ mời thầu" (125 Điều 9 khoản 2, sample P 94) decides as the delegate, and "có trách
 * nhiệm thực hiện nhiệm vụ, quyền hạn, thẩm quyền của cấp quyết định chủ trương đầu tư …" (125 Điều 7 khoản 1, 3, sample Q 87)
 * as the level that now decides.
 */
const DUTY_DECIDES =
  /^\s*(?:(?:xem xét|phân loại|kiểm tra|thẩm định),? (?:và )?)?(?:có văn bản |ra văn bản )?(?:thực hiện nhiệm vụ được (?:ủy quyền|phân cấp) |thực hiện nhiệm vụ, quyền hạn, thẩm quyền của cấp )?(cấp(?! xã| tỉnh| huyện| có| trên| dưới| trung ương)|cử|phân công|phê duyệt|quyết định|ban hành|công nhận|cho phép|chấp thuận|bổ nhiệm|miễn nhiệm|thu hồi|thành lập|giao(?! nộp| lại| cho [^,;.]{0,40}?(?:lập|chuẩn bị|thực hiện))|giải quyết(?= (?:các |việc )?(?:thủ tục|hồ sơ|khiếu nại|tố cáo|tranh chấp|yêu cầu|đề nghị))|xác nhận(?= (?:việc )?đăng ký))(?=[\s,;.:]|$)/u;
const DECIDES_AFTER = /^\s*(xem xét, quyết định|quyết định|phê duyệt|ra quyết định|xem xét, phê duyệt|xem xét, cấp|cấp(?! xã| tỉnh| huyện)|ban hành|thu hồi|bổ nhiệm|miễn nhiệm|công nhận|cho phép|chấp thuận)(?=[\s,;.:]|$)/u;

/** Words after which a holder is an object, not the one assigned. */
const OBJECT_BEFORE =
  /(của|cho|với|đến|tại|gửi|báo cáo|trình|đề nghị|ý kiến|thuộc|bởi|lên|từ|giữa|qua|về|theo|hướng dẫn|thông báo|kiến nghị|yêu cầu|cùng|nhận|như|thay|thế|là|bao gồm|gồm|trước|sau|trừ|của các|các|mà|hoặc|và|được|để|trong|ngoài|tới|trực thuộc|do|xin|nộp|hỏi|giúp|tham mưu|đối với|ngày|vào|nếu|với các|dưới|trên)\s*$/u;

function roleOfVerb(v: string): Role {
  // "Đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân cấp xã được thực hiện các nhiệm vụ của …": carrying out tasks, no decision.
  if (v === 'có trách nhiệm' || v === 'chịu trách nhiệm' || v === 'phải' || v === 'được thực hiện các nhiệm vụ') return 'trach-nhiem';
  // "Ủy ban nhân dân cấp tỉnh theo thẩm quyền có thể quy định cụ thể phù hợp với tình hình địa phương, nhưng phải bảo đảm …"
  // (139 Điều 22 khoản 2, sample P 10): the power to make local rules decides (the default below); found before the later "phải".
  // "Ủy ban nhân dân cấp xã thực hiện (trách nhiệm) quản lý nhà nước về hộ tịch tại địa phương; cập nhật …" (120 Điều 7 khoản 1,
  // 140 Điều 28 khoản 1, sample O 55, 65): state management is a duty.
  if (v === 'thực hiện trách nhiệm quản lý nhà nước' || v === 'thực hiện quản lý nhà nước') return 'trach-nhiem';
  if (v === 'tiếp nhận') return 'tiep-nhan';
  if (v === 'phối hợp') return 'phoi-hop';
  if (new RegExp(`^(?:${DUTY_VERBS})$`, 'u').test(v)) return 'trach-nhiem';
  return 'quyet-dinh';
}

const ABOLISH_RE = /^(?:[a-zđ]\)\s*|\d+\.\s*)?(?:Không thực hiện|Bãi bỏ)/u;

/** A former holder is a district or central body the task is taken from ("thẩm quyền của … cấp huyện"). */
function formerOf(mentions: HolderMention[], s: string, assignee: HolderMention): string | null {
  for (const m of mentions) {
    if (m.start >= assignee.start) break;
    const lvl = levelOf(m.holder);
    const before = s.slice(Math.max(0, m.start - 45), m.start);
    if (lvl === 'huyen' && m.holder !== assignee.holder) return m.holder;
    if (
      /(thẩm quyền|nhiệm vụ|quyền hạn|nhiệm vụ, quyền hạn|trách nhiệm)( [^,;.]{0,25})? của $/u.test(before) &&
      m.holder !== assignee.holder
    )
      return m.holder;
  }
  // "Nhiệm vụ, quyền hạn của cơ quan quản lý đường bộ cấp huyện", "… của Ban thường vụ huyện ủy": district bodies
  // outside the holder vocabulary still name whom the task is taken from.
  const district = /(?:thẩm quyền|nhiệm vụ|quyền hạn)[^;.]{0,120}? của ((?:cơ quan|Ban thường vụ|Văn phòng|Ban)[^;.()]{2,100}?(?:cấp huyện|huyện ủy))(?![\p{L}])/iu.exec(s.slice(0, assignee.start));
  if (district?.[1]) return district[1];
  // "Nhiệm vụ, quyền hạn của Chính phủ …" ("của Chính phủ" is no mention: it usually closes an act's title).
  const gov = /(?:thẩm quyền|nhiệm vụ|quyền hạn)(?: [^,;.]{0,25})? của Chính phủ(?![\p{L}])(?!,? (?:và )?Thủ tướng)/iu.exec(s);
  if (gov && gov.index < assignee.start && assignee.holder !== 'Chính phủ') return 'Chính phủ';
  return null;
}

/** "3. Sở Nội vụ:" — a lead-in that only names the holder of the points below. */
export function holderOnlyLeadIn(text: string): string | null {
  const t = text
    .trim()
    .replace(/^(?:\d+\.|[a-zđ]\))\s*/u, '')
    .replace(/^(?:Trách nhiệm|Nhiệm vụ, quyền hạn|Nhiệm vụ|Quyền hạn) của /u, '');
  const m = holderMentions(t);
  if (m.length === 1 && m[0]!.start === 0 && /^(?:\s*(?:theo )?quy định tại [^:]{3,160})?\s*:$/u.test(t.slice(m[0]!.end)) && levelOf(m[0]!.holder) !== 'huyen')
    return m[0]!.holder;
  return null;
}

/** Role of a task written without its subject ("có trách nhiệm kiểm tra …", "ban hành quyết định …"). */
export function roleOfTask(text: string): Role {
  if (/(?:ban hành quyết định|ra quyết định|phê duyệt|cấp giấy|công nhận|bổ nhiệm)/u.test(text)) return 'quyet-dinh';
  if (/(?:có|chịu) trách nhiệm/u.test(text)) return 'trach-nhiem';
  if (/^(?:[a-zđ]\)|\d+\.)?\s*(?:Tiếp nhận)/u.test(text)) return 'tiep-nhan';
  if (/^(?:[a-zđ]\)|\d+\.)?\s*(?:Quyết định|Cấp|Chấp thuận|Cho phép|Thu hồi|Giao|Cho thuê)/u.test(text)) return 'quyet-dinh';
  return 'trach-nhiem';
}

/**
 * "không phải (thực hiện việc) báo cáo | đề nghị | trình X xem xét, quyết định": a step the
 * decree removes. X is the body the task is taken from, never the one that now decides.
 */
const NEGATED_STEP = /không phải (?:thực hiện )?(?:việc )?(?:báo cáo|đề nghị|trình|xin ý kiến)[^.;]*$/u;
/**
 * "; không thực hiện báo cáo Thủ tướng Chính phủ xem xét, quyết định", "; không gửi Bộ Xây dựng thẩm định, báo cáo
 * Thủ tướng Chính phủ quyết định" (144 Điều 5 khoản 2, 4): the same removed step without "phải" — the task moved to the
 * clause's holder, nothing is abolished. Only when the step ends in someone's decision or appraisal.
 */
const MOVED_STEP_SRC = String.raw`không (?:thực hiện )?(?:việc )?(?:báo cáo|đề nghị|trình|gửi)\s[^.;]{0,120}?(?:quyết định|phê duyệt|chấp thuận|thẩm định)`;
const MOVED_STEP = new RegExp(`${MOVED_STEP_SRC}[^.;]*$`, 'u');

/** Whether the text just before a holder puts it inside a removed step. */
function inNegatedStep(pre: string, s: string): boolean {
  if (NEGATED_STEP.test(pre)) return true;
  // The moved step must end in a decision or appraisal somewhere after the holder, so test the whole step.
  const m = /không (?:thực hiện )?(?:việc )?(?:báo cáo|đề nghị|trình|gửi)\s[^.;]*$/u.exec(pre);
  return m !== null && MOVED_STEP.test(s.slice(m.index).split(/[.;]/u)[0] ?? '');
}

/** Bodies named in the removed steps of a provision, in order (the former holders of its powers). */
export function abolishedSteps(text: string): string[] {
  const out: string[] = [];
  const steps = new RegExp(String.raw`không phải (?:thực hiện )?(?:việc )?(?:báo cáo|đề nghị|trình|xin ý kiến)[^.;]*|${MOVED_STEP_SRC}[^.;]*`, 'gu');
  for (const m of text.matchAll(steps)) {
    for (const h of holderMentions(m[0])) {
      // Every body the removed step names ("báo cáo Thủ tướng …", "đề nghị Bộ trưởng Bộ Tài chính …"), district ones aside.
      const l = levelOf(h.holder);
      if (l === null || l === 'huyen' || out.includes(h.holder)) continue;
      out.push(h.holder);
    }
  }
  // "… do cơ quan đại diện chủ sở hữu nhà ở thực hiện; Thủ tướng Chính phủ không xem xét, quyết định …" (144 Điều 24
  // khoản 2): the body that no longer decides held the power.
  for (const m of text.matchAll(/\bdo [^;]{3,160}? thực hiện\s*;\s*([^;.]{3,80}?) không (?:xem xét, )?(?:quyết định|phê duyệt|chấp thuận)/gu)) {
    for (const h of holderMentions(m[1] ?? '')) {
      const l = levelOf(h.holder);
      if (l !== null && l !== 'huyen' && !out.includes(h.holder)) out.push(h.holder);
    }
  }
  return out;
}

/**
 * Role named by the task itself, at the head of "[task] … do X thực hiện":
 * "Trách nhiệm phối hợp …", "Nhiệm vụ, quyền hạn của Bộ … trong việc cho ý kiến …",
 * "Thẩm quyền tiếp nhận báo cáo …". "thực hiện" then keeps the task's role.
 */
/** A decision named inside a task ("ban hành quyết định", "phê duyệt phương án", "cấp giấy phép", "tổ chức cưỡng chế"). */
const TASK_DECIDES =
  /(?<![\p{L}])(?:(?<!(?:khẩn|cung|phân|đa) )cấp(?! xã| tỉnh| huyện| có| trên| dưới| trung ương| quản lý| bách| thiết| nước)|phê duyệt|xét duyệt|quyết định|ban hành|thu hồi|công nhận|chấp thuận|cho phép|bổ nhiệm|miễn nhiệm|thành lập|giải thể|cưỡng chế|xử phạt|đình chỉ|gia hạn|điều chỉnh|giải quyết|xác nhận(?! tiếp nhận))(?![\p{L}])/u;

export function taskRoleOf(task: string): Role | null {
  const t = task.replace(/^\s*(?:\d+\.|[a-zđ]\))\s*/u, '');
  // "Trách nhiệm phối hợp với Sở Xây dựng …" (but "phối hợp, thực hiện kiểm định …" is the task itself).
  if (/^Trách nhiệm phối hợp(?!,)\b/u.test(t)) return 'phoi-hop';
  // "Nhiệm vụ của Ủy ban nhân dân cấp huyện về phối hợp với cơ quan thuế …" (125 Điều 26): coordination.
  if (/^(?:Nhiệm vụ|Trách nhiệm)(?:, quyền hạn)?(?: của [^.;:]{1,80}?)? (?:về|trong việc) phối hợp(?!,)(?![\p{L}])/u.test(t)) return 'phoi-hop';
  // "Thẩm quyền lập, đề xuất phương án xử lý tài sản …" (125 Điều 20 khoản 4, sample H 13): preparing and proposing what
  // another approves is a duty, whatever the word.
  // A bundle that also decides ("Thẩm quyền đề xuất …; tiếp nhận, giải quyết …; thẩm quyền quyết định hỗ trợ …", 139 Điều 6) decides.
  const proposes = /^(?:Thẩm quyền|Nhiệm vụ|Trách nhiệm)(?:, (?:quyền hạn|nhiệm vụ))?(?: của [^.;:]{1,80}?)? (?:về )?(?:lập, đề xuất|lập và đề xuất|đề xuất)(?![\p{L}])/u.exec(t);
  if (proposes && !TASK_DECIDES.test(t.slice(proposes[0].length).replace(/\s(?:quy định tại|theo quy định|được quy định)\s.*$/u, ''))) return 'trach-nhiem';
  // "Nhiệm vụ của lãnh đạo Ủy ban nhân dân cấp huyện làm tổ trưởng tổ thẩm định, … làm thành viên tổ thẩm định" (125 Điều 5
  // khoản 2 điểm l, sample H 46): a seat on a team or council is a duty, as E 6.
  if (/^(?:Nhiệm vụ|Trách nhiệm)(?:, quyền hạn)?(?: của [^.;:]{1,80}?)? (?:làm|là) (?:tổ trưởng|tổ phó|thành viên|[Cc]hủ tịch [Hh]ội đồng|ủy viên|thư ký)(?![\p{L}])/u.test(t)) return 'trach-nhiem';
  // "Thẩm quyền thực hiện báo cáo tình hình quyết toán …" (125 Điều 6 khoản 3): reporting is a duty, whatever the word.
  if (/^(?:Thẩm quyền|Nhiệm vụ|Trách nhiệm) (?:thực hiện )?(?:việc |chế độ )?báo cáo(?![\p{L}])/u.test(t)) return 'trach-nhiem';
  // "Nhiệm vụ, quyền hạn của Bộ Công Thương trong việc cho ý kiến trước khi cấp …": an opinion, the decision is another's.
  if (/^(?:Nhiệm vụ, quyền hạn|Nhiệm vụ|Thẩm quyền)(?: của [^.;:]{1,80}?)? (?:trong việc|về) (?:cho|có|tham gia) ý kiến\b/u.test(t)) return 'phoi-hop';
  // "Nhiệm vụ, quyền hạn của Bộ … về tiếp nhận hồ sơ trình Thủ tướng Chính phủ cấp …": receiving the file another decides on.
  // "… về tiếp nhận hồ sơ, thẩm định, đánh giá điều kiện thực tế và báo cáo Thủ tướng Chính phủ cấp, cấp lại …" (146 Điều 9
  // khoản 1, sample G 2): the steps before the report are the receiver's, the grant is the Prime Minister's.
  if (/^(?:Nhiệm vụ, quyền hạn|Nhiệm vụ|Thẩm quyền)(?: của [^.;:]{1,80}?)? về tiếp nhận hồ sơ(?:,? (?:(?:thẩm định|kiểm tra|đánh giá)[^.;:]{0,60}?)? ?(?:và )?(?:trình|báo cáo) [^.;:]{3,60}?| (?:trình [^.;:]{3,60}? )?)cấp,/u.test(t)) return 'tiep-nhan';
  // "Nhiệm vụ, quyền hạn của Bộ Công Thương về tiếp nhận thủ tục thông báo website …" (146 Điều 49 khoản 2): receiving a notice.
  if (/^(?:Nhiệm vụ, quyền hạn|Nhiệm vụ|Thẩm quyền)(?: của [^.;:]{1,80}?)? về tiếp nhận (?:thủ tục )?(?:thông báo|báo cáo|hồ sơ thông báo)(?![\p{L}])/u.test(t) && !/(?:,| và) (?:giải quyết|cấp|xác nhận|xử lý)(?![\p{L}])/u.test(t.replace(/ quy định tại .*$/u, '')))
    return 'tiep-nhan';
  // "Thẩm quyền tiếp nhận báo cáo …" alone (not "tiếp nhận, giải quyết").
  if (/^(?:Thẩm quyền|Trách nhiệm|Nhiệm vụ) tiếp nhận /u.test(t) && !/;|, |\b(?:giải quyết|quyết định|xác nhận|công nhận|phê duyệt)\b/u.test(t.replace(/ quy định tại .*$/u, '')))
    return 'tiep-nhan';
  if (/^(?:Trách nhiệm|Nhiệm vụ)(?: của [^.;:]{1,80}?)? (?:về |trong việc )?chịu trách nhiệm\b/u.test(t)) return 'trach-nhiem';
  // "Nhiệm vụ của Ủy ban nhân dân cấp huyện về tổng hợp kế hoạch thực hiện của cấp xã …" (125 Điều 5 khoản 2 điểm d):
  // compiling, reporting, following up is a duty unless the task itself decides.
  // "Nhiệm vụ, quyền hạn của Bộ Công Thương về tổ chức hoạt động khảo sát, thử nghiệm; công bố kết quả …; thông tin, cảnh báo
  // cho người tiêu dùng …" (146 Điều 46 khoản 2, sample K 57): surveys, publishing and warnings are duties too.
  // "Nhiệm vụ, quyền hạn của Thủ tướng Chính phủ về trách nhiệm xử lý hóa chất độc tồn dư của chiến tranh …" (146 Điều 6 khoản 2,
  // sample O 81): what the text calls a responsibility is one.
  const duty = /^Nhiệm vụ(?:, quyền hạn)?(?: của [^.;:]{1,80}?)? (?:về|trong việc) (?:tổng hợp|báo cáo|theo dõi|hướng dẫn|kiểm tra|đôn đốc|lập|rà soát|cập nhật|tổ chức hoạt động khảo sát|tuyên truyền|thông tin, tuyên truyền|trách nhiệm)(?![\p{L}])([^;.]*)/u.exec(t);
  if (duty && !TASK_DECIDES.test((duty[1] ?? '').replace(/\s(?:quy định tại|theo quy định|được quy định)\s.*$/u, ''))) return 'trach-nhiem';
  // "Trách nhiệm tổ chức giao thông …", "Nhiệm vụ báo cáo về tình hình …", "Nhiệm vụ chủ trì, tổ chức kiểm tra …" (no
  // "của", no "quyền hạn"): a duty unless the task itself is a decision ("Trách nhiệm ban hành quyết định cưỡng chế").
  if (/^(?:Trách nhiệm|Nhiệm vụ)\s+(?!của\b|,|quyền hạn|và quyền hạn|thẩm quyền)\p{Ll}/u.test(t)) {
    // The reference ends the task: "Trách nhiệm khi xảy ra sự cố … tại khoản 3 Điều 27 Nghị định số 161/2024/NĐ-CP … quy định …
    // trình tự, thủ tục cấp giấy phép …" (140 Điều 23 khoản 9, sample I 48): the cited decree's title is no task.
    const task = t.replace(/\s(?:quy định tại|theo quy định|được quy định|tại(?= (?:điểm|khoản|Điều|Nghị định) ))\s.*$/u, '').replace(/(?:trình|báo cáo|đề nghị|gửi)\s[^,;.]*?(?:xem xét,? )?(?:phê duyệt|quyết định)\b/gu, '');
    if (!TASK_DECIDES.test(task)) return 'trach-nhiem';
  }
  // "Việc kiến nghị … xem xét lại quyết định hoàn trả … thuộc thẩm quyền của …" (121 Điều 21): a power to propose, not to decide.
  if (/^(?:Việc )?(?:kiến nghị|đề nghị|đề xuất|báo cáo)\s/u.test(t)) return 'trach-nhiem';
  // "Nhiệm vụ của Ủy ban nhân dân cấp huyện về chỉ đạo cơ quan chức năng có liên quan trên địa bàn phối hợp với cơ quan quản lý
  // thuế trong việc cấp, thu hồi giấy chứng nhận …" (125 Điều 25, sample O 4): directing others is a duty; the decisions named
  // are the directed bodies'.
  if (/^Nhiệm vụ(?:, quyền hạn)?(?: của [^.;:]{1,80}?)? (?:về|trong việc) chỉ đạo(?![\p{L}])[^;]*$/u.test(t.replace(/\s(?:được )?(?:quy định tại|theo quy định)\s.*$/u, '')))
    return 'trach-nhiem';
  // "Việc đăng tải thông tin của sàn giao dịch bất động sản sau khi được cấp giấy phép hoạt động … do Sở Xây dựng thực hiện"
  // (144 Điều 25 khoản 1, sample Q 27): publishing is a duty unless what is published is decided with it.
  // "Việc thống nhất quản lý nhà nước về hoạt động cấp nước trên lãnh thổ Việt Nam … do Bộ Xây dựng thực hiện" (144 Điều 28
  // khoản 2, sample U 98; khoản 5 with «trách nhiệm hướng dẫn …»): state management is a duty, as «X thực hiện (trách nhiệm)
  // quản lý nhà nước …» (O 55, O 65), unless the task names a decision.
  const manages = /^Việc (?:thống nhất )?quản lý nhà nước(?![\p{L}])/u.exec(t);
  if (manages && !TASK_DECIDES.test(t.slice(manages[0].length).replace(/\s(?:được )?(?:quy định tại|theo quy định)\s.*$/u, ''))) return 'trach-nhiem';
  const publishes = /^Việc (?:đăng tải|công khai|công bố|niêm yết)(?![\p{L}])/u.exec(t);
  if (publishes && !TASK_DECIDES.test(t.slice(publishes[0].length).replace(/\s(?:được )?(?:quy định tại|theo quy định)\s[^;]*/gu, '').replace(/sau khi được cấp\b/gu, ''))) return 'trach-nhiem';
  // "Việc chủ trì, phối hợp với doanh nghiệp kinh doanh kết cấu hạ tầng đường sắt, … để giải tỏa hành lang an toàn giao thông
  // tại đường ngang … do Ủy ban nhân dân cấp xã thực hiện" (140 Điều 24 khoản 5, sample N 67): leading work done with others is
  // a duty unless what is led decides ("chủ trì cưỡng chế …" does).
  const leads = /^(?:Việc |(?:Thẩm quyền|Nhiệm vụ)(?:, quyền hạn)?(?: của [^.;:]{1,80}?)? (?:về |trong việc )?)chủ trì(?![\p{L}])/u.exec(t);
  if (leads && !TASK_DECIDES.test(t.slice(leads[0].length).replace(/\s(?:quy định tại|theo quy định|được quy định)\s.*$/u, ''))) return 'trach-nhiem';
  // "Trách nhiệm báo cáo Thủ tướng Chính phủ …", "Nhiệm vụ … của Bộ Công Thương chủ trì, phối hợp … báo cáo Thủ tướng …":
  // reporting to the one who decides is a duty.
  if (/^(?:Trách nhiệm|Nhiệm vụ, quyền hạn|Nhiệm vụ)(?: của [^.;:,]{1,60}? chủ trì,? phối hợp với [^.;:]{1,60}?)? báo cáo (?:Thủ tướng|Bộ|Chủ tịch|Ủy ban|Sở)/u.test(t)) return 'trach-nhiem';
  return null;
}

export function isAbolition(sentence: string): boolean {
  return ABOLISH_RE.test(sentence);
}

const OWNED_TASK = /^(?:\d+\.\s*|[a-zđ]\)\s*)?(?:Việc|(?:Nhiệm vụ, quyền hạn|Nhiệm vụ|Quyền hạn|Trách nhiệm|Thẩm quyền)(?: [^.;:]{0,40}?)? của(?: các)?)\s+$/u;

/**
 * "[task] … được thực hiện đối với X": a task written for a district body now applies to X. Whose task it is comes
 * from its head: "Việc chỉ đạo, hướng dẫn … được thực hiện đối với Ủy ban nhân dân cấp xã" (140 Điều 24 khoản 1) is
 * now X's; "Nhiệm vụ, quyền hạn của Cơ quan đăng ký kinh doanh cấp tỉnh đối với cơ quan … cấp huyện … được thực hiện
 * đối với Cơ quan đăng ký kinh doanh cấp xã" (125 Điều 36 khoản 1) and "Việc Ủy ban nhân dân cấp tỉnh hướng dẫn …"
 * (140 Điều 24 khoản 4) stay with the body named at the head, X being whom it is exercised over.
 * Null when the sentence is not of this form.
 */
function appliedTo(s: string, mentions: HolderMention[]): Array<[HolderMention, Role]> | null {
  const tail = / được thực hiện đối với ([^.;]+?)\.?$/u.exec(s);
  if (!tail) return null;
  const levelled = (m: HolderMention): boolean => levelOf(m.holder) !== null && levelOf(m.holder) !== 'huyen';
  const head = mentions.find((m) => m.start < tail.index);
  if (head && OWNED_TASK.test(s.slice(0, head.start))) return levelled(head) ? [[head, 'trach-nhiem']] : [];
  if (!/^(?:\d+\.\s*|[a-zđ]\)\s*)?Việc\s/u.test(s)) return /^(?:\d+\.\s*|[a-zđ]\)\s*)?(?:Nhiệm vụ|Quyền hạn|Trách nhiệm|Thẩm quyền)\b/u.test(s) ? [] : null;
  // The bodies listed right after "đối với" ("Ủy ban nhân dân cấp xã, cơ quan quản lý …").
  const start = tail.index + tail[0].indexOf(tail[1] ?? '');
  const listed: HolderMention[] = [];
  for (const m of mentions.filter((x) => x.start >= start)) {
    const gap = s.slice(listed.length ? listed[listed.length - 1]!.end : start, m.start);
    if (listed.length ? !/^(?:,\s*|\s+và\s+|\s+hoặc\s+)$/u.test(gap) : gap !== '') break;
    listed.push(m);
  }
  return listed.filter(levelled).map((m) => [m, roleOfTask(s.slice(0, tail.index))]);
}

/** Assignments named in one sentence. District bodies are never holders (the level is abolished). */
export function assignmentsIn(s: string): Assignment[] {
  const mentions = holderMentions(s);
  const out: Assignment[] = [];
  const seen = new Set<string>();
  const push = (m: HolderMention, role: Role, verb: string): void => {
    const lvl = levelOf(m.holder);
    if (lvl === 'huyen' || lvl === null) return;
    const key = `${m.holder}|${role}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ holder: m.holder, role, formerHolder: formerOf(mentions, s, m), at: m.start, verb });
  };

  if (isAbolition(s)) {
    // The abolished task belongs to the first body named in it ("lấy ý kiến thống nhất của Bộ Xây dựng về … của Bộ Quốc phòng").
    const firstLevelled = mentions.findIndex((m) => {
      const l = levelOf(m.holder);
      return l !== null && l !== 'huyen';
    });
    const first = mentions[firstLevelled];
    if (first) {
      push(first, 'bai-bo', 'không thực hiện');
      let prev = first;
      for (const m of mentions.slice(firstLevelled + 1)) {
        if (!/^(?:,\s*|\s+và\s+|\s+hoặc\s+)$/u.test(s.slice(prev.end, m.start))) break;
        push(m, 'bai-bo', 'không thực hiện');
        prev = m;
      }
    }
    return out;
  }

  const applied = appliedTo(s, mentions);
  if (applied) {
    for (const [m, role] of applied) push(m, role, 'thực hiện đối với');
    return out;
  }

  // Coordinated holders ("Bộ trưởng Bộ Nội vụ và Chủ tịch Ủy ban nhân dân cấp tỉnh") share one verb.
  const groups: HolderMention[][] = [];
  for (const m of mentions) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && /^(?:,\s*|\s+và\s+|\s+hoặc\s+|,\s+và\s+)(?:[Cc]ơ quan\s+)?$/u.test(s.slice(prev.end, m.start))) last.push(m);
    else groups.push([m]);
  }
  const markIndirect = (from: number): void => {
    for (const a of out.slice(from)) a.indirect = true;
  };
  const tryGroup = (g: HolderMention[], whole: boolean): boolean => {
    const n0 = out.length;
    const first = g[0];
    const lastM = g[g.length - 1];
    if (!first || !lastM) return false;
    const before = s.slice(Math.max(0, first.start - 60), first.start);
    // "không phải báo cáo Thủ tướng Chính phủ xem xét, quyết định": a removed step names no holder.
    if (inNegatedStep(s.slice(0, first.start), s)) return false;
    const after = s.slice(lastM.end, lastM.end + 160);
    const pushAll = (role: Role, verb: string): void => g.forEach((m) => push(m, role, verb));
    if (/\bdo (?:[Cc]ơ quan )?$/u.test(before)) {
      // "X có trách nhiệm … đối với dự án do Y quyết định đầu tư": once a subject is assigned, a later "do Y …" only describes.
      if (out.some((a) => a.at < first.start && !a.verb.startsWith('do …'))) return false;
      // "dự án do Thủ tướng Chính phủ quyết định đầu tư", "văn bản … do Bộ trưởng … ban hành": a description, not an assignment.
      if (/^\s+(?:quyết định|phê duyệt|quyết định chủ trương|chấp thuận chủ trương) đầu tư/u.test(after)) return false;
      // "… theo mẫu do Bộ trưởng Bộ Công Thương ban hành" (a dossier item, 146 Phụ lục V): describes a form.
      if (/(?:văn bản|[Mm]ẫu|biểu mẫu)[^,;.]{0,60}\bdo (?:[Cc]ơ quan )?$/u.test(before) && /^\s+ban hành/u.test(after)) return false;
      const v = DO_THUC_HIEN.exec(after) ?? DO_VERB.exec(after);
      if (v?.[1]) {
        const byVerb: Role = v[1] === 'tiếp nhận' ? 'tiep-nhan' : v[1] === 'chịu trách nhiệm' ? 'trach-nhiem' : 'quyet-dinh';
        // "Trách nhiệm phối hợp … do X thực hiện": "thực hiện" carries the task, not a decision.
        const byTask = /thực hiện$/u.test(v[1]) ? taskRoleOf(s.slice(0, first.start)) : null;
        pushAll(byTask ?? byVerb, `do … ${v[1]}`);
      }
      return out.length > n0;
    }
    // "Trường hợp thuộc thẩm quyền của Ủy ban nhân dân cấp tỉnh … trước ngày 01 tháng 7 năm 2025 thì nay Chủ tịch … giải quyết":
    // a condition naming the old holder; the subject after "thì nay" is the one assigned.
    if (/thuộc (?:thẩm quyền|quyền)[^.;]{0,30}? của $/u.test(before) && (/\bTrường hợp\s+(?:[^,.;]{0,40}\s)?thuộc (?:thẩm quyền|quyền)[^.;]{0,30}? của $/u.test(before) || /^[^.;]{0,80}?\btrước ngày \d/u.test(after)) && /^[^.;]{0,160}?\bthì (?:nay )?(?:Chủ tịch|Ủy ban|Sở|Bộ|Hội đồng|[Cc]ơ quan)/u.test(after))
      return false;
    if (/thuộc (?:thẩm quyền|quyền)(?: quyết định| giải quyết| xem xét, quyết định)?(?: của)? $/u.test(before)) {
      // "Việc kiến nghị … thuộc thẩm quyền của Ủy ban nhân dân cấp tỉnh" (121 Điều 21): a power to propose is a duty.
      // "Việc hỗ trợ người bị thiệt hại thực hiện thủ tục yêu cầu bồi thường nhà nước … thuộc thẩm quyền của Ủy ban nhân dân cấp
      // tỉnh …" (121 Điều 18, sample N 85): helping or guiding someone through a procedure is a duty unless it decides.
      const helps =
        /^(?:\d+\.\s*|[a-zđ]\)\s*)?(?:Việc )?(?:hỗ trợ|hướng dẫn)\s/u.test(s) &&
        !TASK_DECIDES.test(s.slice(0, first.start).replace(/\s(?:được )?(?:quy định tại|theo quy định)\s[^;]*/gu, ''));
      pushAll(helps || /^(?:\d+\.\s*|[a-zđ]\)\s*)?(?:Việc )?(?:kiến nghị|đề nghị|đề xuất|báo cáo)\s/u.test(s) ? 'trach-nhiem' : 'quyet-dinh', 'thuộc thẩm quyền');
      markIndirect(n0);
      return out.length > n0;
    }
    if (/thuộc trách nhiệm(?: của)? $/u.test(before)) {
      pushAll('trach-nhiem', 'thuộc trách nhiệm');
      return out.length > n0;
    }
    // "… mà không thuộc trường hợp chuyển giao cho Sở Tài chính", "khi phân quyền, phân cấp cho …": an exception or a condition.
    if (/(?:không thuộc trường hợp|trừ trường hợp|\bkhi)\s[^.;:]{0,40}$/u.test(before) && /(?:chuyển giao|giao lại|phân quyền|phân cấp|ủy quyền|uỷ quyền)(?: tương ứng)? (?:cho|về|sang) $/u.test(before))
      return false;
    if (/(chuyển giao|giao lại)(?: tương ứng)? (?:cho|về|sang) $/u.test(before)) {
      pushAll('quyet-dinh', 'chuyển giao cho');
      // "… của A cấp huyện, B cấp huyện … chuyển giao tương ứng cho A cấp xã, B cấp xã": pair them in order.
      if (/tương ứng/u.test(before)) {
        const formers = mentions.filter((m) => m.start < first.start && levelOf(m.holder) === 'huyen');
        if (formers.length === g.length)
          g.forEach((m, i) => {
            const rec = out.find((a) => a.at === m.start);
            if (rec) rec.formerHolder = formers[i]?.holder ?? rec.formerHolder;
          });
      }
      return out.length > n0;
    }
    if (/(phân quyền|phân cấp|phân quyền, phân cấp|ủy quyền|uỷ quyền) cho $/u.test(before)) {
      // "… ủy quyền, phân cấp cho Ủy ban nhân dân cấp xã là chủ sở hữu đối với hệ thống thoát nước" (140 Điều 22 khoản 1,
      // sample L 43): what is delegated is being the owner, a duty (as 140 Điều 21 khoản 2).
      if (/^\s*là chủ sở hữu(?![\p{L}])/u.test(after)) {
        pushAll('trach-nhiem', 'phân quyền, phân cấp cho');
        return out.length > n0;
      }
      pushAll('quyet-dinh', 'phân quyền, phân cấp cho');
      return out.length > n0;
    }
    // "… trình Chủ tịch Ủy ban nhân dân cấp tỉnh xem xét, quyết định …": the one addressed decides.
    const addressed = /(?:trình|đề nghị) $/u.test(before) ? DECIDES_AFTER.exec(after) : null;
    if (addressed?.[1]) {
      // "Nhiệm vụ … về tiếp nhận hồ sơ trình Thủ tướng Chính phủ cấp … do Ủy ban nhân dân cấp tỉnh thực hiện":
      // the whole task, submission included, is the "do" agent's; the one addressed is no holder here.
      const agent = /\bdo (?:[Cc]ơ quan )?([^.;]{3,90}?) (?:chủ trì, )?(?:tổ chức )?thực hiện/u.exec(s.slice(lastM.end));
      if (agent?.[1] && holderMentions(agent[1]).some((m) => levelOf(m.holder) !== null && levelOf(m.holder) !== 'huyen')) return false;
      pushAll('quyet-dinh', addressed[1]);
      markIndirect(n0);
      return out.length > n0;
    }
    const pre = s.slice(0, first.start);
    // "dự án đã được Quốc hội, Thủ tướng Chính phủ chấp thuận": a past act described, not an assignment.
    if (/(?:đã được|(?<!nhận |tiếp nhận )được|đã do|bị)\s+(?:\p{Lu}[^,;.:]{0,30},\s*)?$/u.test(pre)) return out.length > n0;
    if (!SUBJECT_START.test(pre) || (OBJECT_BEFORE.test(before.replace(/[Cc]ơ quan\s+$/u, '')) && !/gọi (?:tắt |chung )?là\s*$/u.test(before))) return out.length > n0;
    const rest = after.replace(/^\)/u, '');
    // A holder split off a list ("các Bộ Công Thương, Bộ Công an …") must be followed by its verb at once.
    if (!whole && !IMMEDIATE_VERB.test(rest))
      return out.length > n0;
    if (/^\s*không (?:thực hiện|xem xét)/u.test(rest)) {
      // "… do cơ quan đại diện chủ sở hữu nhà ở thực hiện; Thủ tướng Chính phủ không xem xét, quyết định …" (144 Điều 24
      // khoản 2): the task moved to the body of the first half; X held it before, nothing is abolished.
      if (/\bdo [^;]{3,160}? thực hiện\s*;\s*$/u.test(s.slice(0, first.start))) return false;
      pushAll('bai-bo', 'không thực hiện');
      return out.length > n0;
    }
    const v = STRONG_VERB.exec(rest) ?? SUBJECT_VERB.exec(rest);
    if (!v?.[1]) return out.length > n0;
    let role = roleOfVerb(v[1]);
    const then = THEN_DECIDES.exec(rest.slice(v.index + v[0].length));
    // "thẩm định, trình Chủ tịch … quyết định": the decision belongs to the one addressed, not the subject.
    let verb = v[1];
    // "kiểm tra, xác nhận … gửi Sở Nội vụ": certifying for a higher body is a duty, the decision is that body's.
    const tail = then ? s.slice(lastM.end).replace(/^\)/u, '').slice(v.index + v[0].length + then.index + then[0].length) : '';
    const forward = /(?:^|[\s,])(?:gửi|trình|đề nghị|báo cáo)\s+(?:về\s+|lên\s+|đến\s+)?(?:Sở|Ủy ban|Chủ tịch|Bộ|Thủ tướng|Cục)\s/u.test(tail);
    if (role === 'trach-nhiem' && then && !(forward && then[1] === 'xác nhận') && !/(trình|đề nghị|báo cáo|gửi|cho|của|tham mưu|giúp)\s/u.test(then[0].split(';').pop() ?? '')) {
      role = 'quyet-dinh';
      verb = then[1] ?? verb;
    }
    // "có trách nhiệm cấp | cử | phê duyệt | ban hành …": a duty whose content is a decision decides (audit: role from meaning).
    // "Ủy ban nhân dân cấp tỉnh phải ban hành quyết định phê duyệt …" (140 Điều 10 khoản 2 điểm đ, sample I 69): the same after «phải».
    if (role === 'trach-nhiem' && /^(?:(?:có|chịu) trách nhiệm|phải)$/u.test(v[1]) && DUTY_DECIDES.test(rest.slice(v.index + v[0].length))) {
      role = 'quyet-dinh';
      verb = DUTY_DECIDES.exec(rest.slice(v.index + v[0].length))?.[1] ?? verb;
    }
    // "có trách nhiệm phối hợp …": a duty to coordinate is coordination (audit: role from meaning).
    if (role === 'trach-nhiem' && /^\s*phối hợp(?! thực hiện)\b/u.test(rest.slice(v.index + v[0].length))) {
      role = 'phoi-hop';
      verb = `${verb} phối hợp`;
    }
    // "X xác nhận tiếp nhận hồ sơ": confirming receipt is receiving.
    if (/^\s*(?:xác nhận )?tiếp nhận hồ sơ/u.test(rest.slice(v.index + v[0].length)) && role === 'trach-nhiem') role = 'tiep-nhan';
    // "X thực hiện việc tiếp nhận Quyết định …": receiving, not deciding.
    if (verb === 'thực hiện' && /^\s*việc tiếp nhận(?!,? (?:và )?(?:giải quyết|xử lý))/u.test(rest.slice(v.index + v[0].length))) role = 'tiep-nhan';
    // "cơ quan quản lý nhà ở cấp tỉnh phối hợp cùng đơn vị tư vấn (nếu có) hoàn thiện … dự thảo …, lập tờ trình …" (140 Điều 11
    // khoản 2 điểm đ, sample G 80): with a partner that may not exist, and no authority, the subject does the work itself.
    if (role === 'phoi-hop' && verb === 'phối hợp') {
      const partner = /^\s*(?:cùng|với)\s+([^,;.()]{2,60}?)\s*\(nếu có\)/u.exec(rest.slice(v.index + v[0].length));
      if (partner && holderMentions(partner[1] ?? '').length === 0) role = 'trach-nhiem';
    }
    // "X thực hiện thanh tra, kiểm tra, giám sát việc …" (26/2026 Điều 20 khoản 7, sample G 63); "Sở Nội vụ thực hiện trình
    // tự, thủ tục theo quy định tại điểm c khoản này" (128 Điều 5 khoản 9 điểm d, sample G 17): inspecting, or carrying out
    // a procedure's steps, is a duty unless what is carried out decides ("trình tự, thủ tục thu hồi"). "Sở Nội vụ nơi quản lý mộ
    // liệt sĩ thực hiện việc hoàn trả mẫu hài cốt liệt sĩ đã giám định ADN vào mộ liệt sĩ" (128 Điều 5 khoản 11 điểm b, sample
    // Q 98): a physical act on things (returning, handing over, taking or sending samples, moving remains) is a duty too, and so
    // is "Đảng ủy cấp xã thực hiện trách nhiệm báo cáo tài sản …" (125 Điều 15 khoản 5, sample R 87): a responsibility or a report.
    if (verb === 'thực hiện' && role === 'quyet-dinh') {
      const task = (rest.slice(v.index + v[0].length).split(/[;.]/u)[0] ?? '').replace(/\s(?:theo |được )?quy định tại\s.*$/u, '');
      if (
        /^\s*(?:việc )?(?:thanh tra|kiểm tra|giám sát|theo dõi|trình tự, thủ tục|các bước|trách nhiệm|báo cáo|hoàn trả mẫu|bàn giao|lấy mẫu|gửi mẫu|di chuyển hài cốt|quy tập|an táng)(?![\p{L}])/u.test(task) &&
        !TASK_DECIDES.test(task)
      )
        role = 'trach-nhiem';
    }
    // "Bộ Xây dựng giao đơn vị trực thuộc được giao quản lý nhà ở lập hồ sơ …, tổ chức thẩm định … và hoàn thiện hồ sơ để trình
    // Bộ trưởng Bộ Xây dựng xem xét, quyết định đầu tư" (144 Điều 16 khoản 3, sample S 10): handing one's own unit the file to
    // prepare is a step of the procedure, as after «có trách nhiệm» (DUTY_DECIDES); the decision is the one addressed.
    if (verb === 'giao' && role === 'quyet-dinh' && /^\s*(?:cho\s+)?[^,;.]{0,80}?\s(?:lập|chuẩn bị) (?:hồ sơ|tờ trình)(?![\p{L}])/u.test(rest.slice(v.index + v[0].length)))
      role = 'trach-nhiem';
    pushAll(role, verb);
    return out.length > n0;
  };
  for (const g of groups) {
    const lead = s.slice(Math.max(0, g[0]!.start - 40), g[0]!.start);
    if (/phối hợp với (?:các )?$/u.test(lead)) {
      // "do X chủ trì, phối hợp với A, B thực hiện": X leads, A and B coordinate; never the deciders.
      // "X có trách nhiệm chủ trì, phối hợp với Y …" (120 Điều 22 khoản 2): the same for a subject that leads.
      if (/chủ trì,? phối hợp với (?:các )?$/u.test(lead) && out.some((a) => a.at < g[0]!.start && a.role !== 'phoi-hop'))
        g.forEach((m) => {
          push(m, 'phoi-hop', 'phối hợp với');
          // A coordinator takes over no one's power.
          const rec = out.find((a) => a.at === m.start);
          if (rec) rec.formerHolder = null;
        });
      continue;
    }
    // "… tờ trình của Sở Xây dựng, Ủy ban nhân dân cấp tỉnh có trách nhiệm …": a comma does not always join holders.
    for (let i = 0; i < g.length; i++) {
      if (tryGroup(g.slice(i), i === 0)) break;
      // "do A, B … thực hiện" names agents: its members are never subjects of what follows.
      if (i === 0 && /\bdo (?:[Cc]ơ quan )?$/u.test(s.slice(Math.max(0, g[0]!.start - 20), g[0]!.start))) break;
    }
  }
  return out;
}
