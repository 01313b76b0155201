/**
 * Short facts derived from a provision's wording: the task title a commune
 * officer recognises, the base-act provisions it points to, the time limit.
 * Titles are short (≤ 120 characters) so data/ never copies the law.
 */
import { capitalize, clip } from './text';

export const TITLE_MAX = 120;

/** Where the task description stops: citations, "thuộc thẩm quyền", "do X thực hiện". */
const TASK_END =
  /\s(?:được |đã được |như )?quy định (?:tại|trong)\b|\stheo quy định\b|\s\(sau đây|\sthuộc (?:thẩm quyền|trách nhiệm)|,?\sdo (?:Ủy ban|Chủ tịch|Sở|Bộ|Thủ tướng|cơ quan|Hội đồng|Công an)|\schuyển giao cho|\stại (?:điểm|khoản|Điều) |\s(?:và|;)\s*$/u;
const LEADING_LABEL = /^(?:[a-zđ]\)|\d+\.|[IVXLC]+\.)\s*/u;
const LEADING_FILLER =
  /^(?:Việc|Các nhiệm vụ|Nhiệm vụ, quyền hạn, thẩm quyền|Thẩm quyền, nhiệm vụ, quyền hạn|Thẩm quyền, nhiệm vụ|Nhiệm vụ, thẩm quyền|Nhiệm vụ,? quyền hạn|Trách nhiệm|Nhiệm vụ|Quyền hạn|Thẩm quyền)(?: của (?:(?:Ủy ban nhân dân|Chủ tịch Ủy ban nhân dân|Hội đồng nhân dân)(?:, Chủ tịch Ủy ban nhân dân)? cấp (?:huyện|xã|tỉnh)(?:, (?:Chủ tịch )?Ủy ban nhân dân cấp (?:huyện|xã|tỉnh))*|Thủ tướng Chính phủ|Bộ, cơ quan ngang bộ(?: có thẩm quyền quản lý)?|Bộ trưởng Bộ [^,;]{2,40}?|Bộ [^,;]{2,40}?|[^,;]{3,60}?)(?= (?:về|trong|quyết định|thực hiện|đối với|phê duyệt|cấp(?! huyện| xã| tỉnh)|giao|cho|ban hành|xem xét|tổ chức|quy định|thẩm định|theo|chủ trì|chấp thuận))(?: về| trong việc| trong| đối với)?)?\s+/u;

function tidy(task: string): string {
  return task
    .replace(LEADING_LABEL, '')
    .replace(/\s*\((?:sau đây|gọi tắt)[^)]*\)/gu, '')
    .replace(/[\s,;:.]+$/u, '')
    .trim();
}

/** The task described by a sentence, given the holder, where it stands and the verb that assigned it. */
export function taskTitle(sentence: string, holder: string | null, at: number, verb: string | null, heading: string | null): string {
  let s = sentence.replace(LEADING_LABEL, '');
  const shift = sentence.length - s.length;
  let task = '';
  const pos = at - shift;
  const subjectVerb = verb != null && !/^(?:do …|thuộc|chuyển giao|phân quyền|không thực hiện|thực hiện đối với)/u.test(verb);
  if (/^(?:Không thực hiện|Bãi bỏ)/u.test(s)) {
    task = s;
  } else if (verb === 'không thực hiện' && / không (?:thực hiện|xem xét)/u.test(s)) {
    // "Bộ Xây dựng, Cục … không thực hiện việc …" → "Không thực hiện việc …".
    task = `Không ${s.slice(s.search(/ không (?:thực hiện|xem xét)/u) + ' không '.length)}`;
  } else if (holder && verb && subjectVerb && pos >= 0) {
    // "Ủy ban nhân dân cấp xã thực hiện thẩm quyền đăng ký hộ tịch …": the task follows the holder and verb.
    const rest = s.slice(pos + holder.length);
    const v = rest.indexOf(verb);
    task = v >= 0 ? rest.slice(v) : rest;
    task = task
      .replace(/^(?:có trách nhiệm|chịu trách nhiệm|là cơ quan|có thẩm quyền)\s*/u, '')
      .replace(/^thực hiện(?: các)? (?=nhiệm vụ|thẩm quyền|việc|quản lý|chức năng)/u, '')
      .replace(/^(?:thẩm quyền|nhiệm vụ)\s+(?=\p{Ll})/u, '')
      // "có trách nhiệm thực hiện việc cập nhật …", "được thực hiện các nhiệm vụ của …": the task is what follows.
      .replace(/^việc\s+(?=\p{Ll})/u, '')
      .replace(/^được thực hiện (?:các )?(?=nhiệm vụ)/u, '');
    if (/^(?:thẩm quyền|nhiệm vụ)/u.test(task) === false && /^thực hiện thẩm quyền/u.test(task)) task = task.slice(10);
  } else {
    // A task written without its subject: "…, trong thời gian 20 ngày, có trách nhiệm kiểm tra …".
    const duty = holder === null ? /(?:có|chịu) trách nhiệm (.{8,})$/u.exec(s) : null;
    if (duty?.[1]) s = duty[1];
    s = s.replace(/^(?:Trường hợp|Khi|Đối với) [^,]{3,120}, (?:thì )?/u, '');
    s = s.replace(LEADING_FILLER, '').replace(/^việc /u, '');
    // "của Bộ, cơ quan ngang Bộ có thẩm quyền quản lý thực hiện cấp …": drop the former holder, keep the task.
    const of = /^của .{2,140}? (?=(?:về|trong việc|thực hiện|quyết định|cấp(?! huyện| xã| tỉnh)|xem xét|chủ trì|tổ chức|phê duyệt|ban hành|chấp thuận|cho phép)(?=\s))/u.exec(s);
    if (of) s = s.slice(of[0].length).replace(/^(?:về|trong việc) /u, '');
    task = s;
    // "… do Chủ tịch Ủy ban nhân dân cấp xã cấp giấy chứng nhận": the verb after the holder is the task.
    const own = verb ? /^do … (.+)$/u.exec(verb)?.[1] : undefined;
    if (own && holder && pos >= 0 && !/^(?:thực hiện|tổ chức thực hiện|chủ trì|chịu trách nhiệm|đảm nhận)$/u.test(own)) {
      const tail = s.slice(Math.max(0, pos + holder.length - (sentence.length - s.length)));
      const v = tail.indexOf(own.replace(/, $/u, ''));
      if (v >= 0) {
        const act = tidy(tail.slice(v).split(/[.;]/u)[0] ?? '');
        const subj = tidy(task.slice(0, TASK_END.exec(task)?.index ?? task.length));
        if (act.length >= 8) task = `${act} (${subj})`;
      }
    }
  }
  const end = TASK_END.exec(task);
  if (end && end.index > 8) task = task.slice(0, end.index);
  task = tidy(task);
  if (/^(?:trong|về|đối với|của) /u.test(task)) task = `Nhiệm vụ ${task}`;
  if ((task.length < 10 || /^(?:quy định tại|được quy định)/iu.test(task)) && heading) task = heading;
  return clip(capitalize(task), TITLE_MAX);
}

const ACT =
  String.raw`(?:Luật [\p{Lu}][^,;.()]{2,60}? năm \d{4}|Bộ luật [\p{Lu}][^,;.()]{2,40}? năm \d{4}|Nghị định số \d+\/\d{4}\/NĐ-CP|Nghị quyết số \d+\/\d{4}\/[\p{Lu}\d-]+|Pháp lệnh [\p{Lu}][^,;.()]{2,60}?(?= năm| được|[,;.()]|$)(?: năm \d{4})?|Luật [\p{Lu}][\p{L}]*(?: [\p{L}]+){0,6}?(?=[,;.()]| (?:quy định|thuộc|do|và|được|thì|để|cho|trừ|về|có|năm|đã|đến|là|sau|nay|này|tại|như|theo|khi|hoặc)(?=\s|$)|$))`;
const REF_RE = new RegExp(
  String.raw`((?:các )?(?:điểm|khoản|Điều|Chương) [^;:]{0,90}?)(?:,)?(?: của)? (${ACT})`,
  'gu',
);

/** Base-act provisions a sentence points to ("khoản 2 Điều 7 Luật Hộ tịch năm 2014"). */
export function refersTo(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(REF_RE)) {
    let loc = (m[1] ?? '').trim();
    // Keep the last run of citation words: "… quy định tại khoản 2 Điều 7" → "khoản 2 Điều 7".
    const start = loc.search(/(?:các )?(?:điểm|khoản|Điều|Chương) [\dA-Za-zđIVX]/u);
    if (start > 0) loc = loc.slice(start);
    const inner = loc.lastIndexOf(' quy định tại ');
    if (inner >= 0) loc = loc.slice(inner + ' quy định tại '.length);
    const act = (m[2] ?? '').trim();
    if (/Nghị định này/u.test(act)) continue;
    // "khoản 1 Điều 14. Điều 43" (a full stop typed for a comma) cites both.
    const ref = clip(`${loc} ${act}`.replace(/\s+/g, ' ').replace(/(Điều \d{1,3})\. (?=Điều \d)/gu, '$1, '), 110);
    if (!out.includes(ref)) out.push(ref);
  }
  return out;
}

const TIME_RE = /(\d{1,3}) (ngày làm việc|ngày|tháng)(?= kể từ|,| sau|\.|;| trước)/u;

/** Time limit as written, when the text gives one ("05 ngày làm việc"). */
export function timeLimit(text: string): string | null {
  const i = text.search(/(?:thời hạn|trong thời gian|trong vòng|trong thời hạn)/iu);
  const m = i >= 0 ? TIME_RE.exec(text.slice(i, i + 200)) : null;
  if (m) return `${m[1]} ${m[2]}`;
  // "Chậm nhất vào ngày 30 tháng 12 hàng năm", "Chậm nhất sau 10 ngày kể từ khi nhận hồ sơ": a deadline without "thời hạn".
  const d = /(?:Chậm nhất|chậm nhất)(?: là| vào)? (?:ngày \d{1,2} tháng \d{1,2}(?: hằng năm| hàng năm| năm \d{4})?|sau \d+ ngày(?: làm việc)? kể từ (?:ngày|khi) [^,.;]{3,50})/u.exec(text);
  return d ? capitalize(d[0]) : null;
}
