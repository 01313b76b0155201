/**
 * Record assembly: one assignment found in a unit becomes an AuthorityRecord (role adjusted by the point's own
 * words, title, former holder, mechanism, time limit). The extraction context every reader shares lives here.
 */
import type { AuthorityRecord, Citation } from '../model';
import { type Assignment, abolishedSteps, assignmentsIn, taskRoleOf } from './assign';
import type { CatalogueEntry } from './catalogue';
import { casesOf, holderMentions, kindOf, levelOf } from './holders';
import { fieldOf, mechanismInSentence, mechanismOf } from './mechanism';
import { recordId } from './record-ids';
import { type LegalNode, type ParsedDecree, citationKey, fullText } from './structure';
import { refersTo, taskTitle, timeLimit, TITLE_MAX } from './titles';
import { capitalize, clip, matchForm, sentences } from './text';

export interface Found {
  a: Assignment;
  sentence: string;
}

export interface Ctx {
  doc: CatalogueEntry;
  parsed: ParsedDecree;
  records: Map<string, AuthorityRecord>;
  /** Citation keys of units that became (or passed down) a record. */
  covered: Set<string>;
  excluded: Map<string, { citation: Citation; reason: string }>;
  /** Sentences behind each record, for refersTo and internal links. */
  sourceText: Map<string, string>;
  /** Heading of each procedure's annex section. */
  sourceHeading: Map<string, string>;
}

export function findAll(text: string): Found[] {
  return sentences(matchForm(text)).flatMap((s) => assignmentsIn(s).map((a) => ({ a, sentence: s })));
}

/** A point under "X thực hiện các nhiệm vụ sau:" that only reports, checks or joins is a duty, not a decision. */
// "a) Nhận thông báo của người lao động về nguy cơ mất an toàn lao động … để có biện pháp ngăn chặn kịp thời …" (128 Điều 9
// khoản 1, sample N 89): receiving a notice to act on is a duty; "Nhận báo cáo và trả lời bằng văn bản …" is not touched.
// "c) Nhận báo cáo sau khi doanh nghiệp hoàn thành hợp đồng …; yêu cầu doanh nghiệp … báo cáo đột xuất" (128 Điều 10 khoản 1,
// sample V 70): a report received with no answer to give is a duty too.
const DUTY_POINT = /^(?:[a-zđ]\)\s*|\d+\.\s*)?(?:Hằng năm, |Định kỳ[^,]*, )?(báo cáo|tổng hợp|kiểm tra|lập|hướng dẫn|theo dõi|tuyên truyền|cung cấp|cập nhật|đôn đốc|phổ biến|thống kê|rà soát|phối hợp|tham gia|cho ý kiến|có ý kiến|thông báo|kiến nghị|đề xuất|quản lý|gửi|lưu|nhận (?:thông báo|báo cáo)(?! và trả lời)(?![^.;]*(?:trả lời|chấp thuận|xác nhận|quyết định|phê duyệt)))\b/iu;

/** A point whose first words are a decision (the inverse of DUTY_POINT). */
const DECISION_POINT =
  /^(?:[a-zđ]\)\s*|\d+\.\s*)?(?:Xem xét,? )?(?:[Qq]uyết định|[Pp]hê duyệt|[Cc]ấp(?! xã| tỉnh| huyện)|[Bb]an hành|[Cc]ông nhận|[Cc]ho phép|[Cc]hấp thuận|[Tt]hu hồi|[Cc]ử|[Bb]ổ nhiệm|[Mm]iễn nhiệm|[Tt]hành lập|[Gg]iải quyết khiếu nại|[Kk]hen thưởng|[Xx]ử lý vi phạm|[Xx]ử phạt)(?![\p{L}])/u;

export function addRecord(ctx: Ctx, node: LegalNode, f: Found, titleFrom: string | null, article: LegalNode | null, leadTask: string | null = null): void {
  let { a } = f;
  const duty = titleFrom && a.role === 'quyet-dinh' ? DUTY_POINT.exec(titleFrom) : null;
  if (duty?.[1]) a = { ...a, role: /phối hợp|tham gia|ý kiến/iu.test(duty[1]) ? 'phoi-hop' : 'trach-nhiem' };
  // "5. Xem xét, quyết định giao nhiệm vụ cho hội …" under "Trách nhiệm quản lý nhà nước … do Ủy ban nhân dân cấp xã thực hiện
  // như sau:" (129 Điều 57): a point that is a decision decides, whatever its lead-in's duty.
  else if (titleFrom && a.role === 'trach-nhiem' && DECISION_POINT.test(titleFrom)) a = { ...a, role: 'quyet-dinh' };
  // Under "Trách nhiệm của Ủy ban nhân dân cấp xã …", "X thực hiện nhiệm vụ …" is a duty, not a power to decide.
  if (a.role === 'quyet-dinh' && /^(?:thực hiện|thực hiện nhiệm vụ)$/u.test(a.verb) && /^Trách nhiệm của\s/u.test(article?.heading ?? '') && (article?.heading ?? '').includes(a.holder))
    a = { ...a, role: 'trach-nhiem' };
  // "1. Nhiệm vụ của Ủy ban nhân dân cấp huyện được quy định tại khoản 4 Điều 24 Nghị định số 58/2018/NĐ-CP do Ủy ban nhân dân
  // cấp xã thực hiện." under the heading "Nhiệm vụ tổng hợp và gửi danh sách …" (125 Điều 30 khoản 1, sample O 22): a sentence
  // that names no task takes its role from the heading when the heading is a duty.
  if (
    a.role === 'quyet-dinh' &&
    !titleFrom &&
    /^(?:\d+\.\s*)?(?:Nhiệm vụ|Nhiệm vụ, quyền hạn|Thẩm quyền)(?:, (?:quyền hạn|nhiệm vụ))? của [^.;:]{1,80}? (?:được )?quy định tại /u.test(f.sentence) &&
    article?.heading &&
    taskRoleOf(article.heading) === 'trach-nhiem'
  )
    a = { ...a, role: 'trach-nhiem' };
  const level = levelOf(a.holder);
  if (level === null || level === 'huyen') return;
  const titleSentence = titleFrom ?? f.sentence;
  let title = taskTitle(titleSentence, titleFrom ? null : a.holder, titleFrom ? -1 : a.at, titleFrom ? null : a.verb, article?.heading ?? node.heading);
  // "do X chủ trì, phối hợp với A, B thực hiện": A and B share X's task, as coordinators.
  if (a.verb === 'phối hợp với') {
    // "X có trách nhiệm chủ trì, phối hợp với A và B kiểm tra …": the task follows the coordinators.
    let after = a.at >= 0 && !titleFrom ? f.sentence.slice(a.at + a.holder.length) : '';
    for (let m = /^(?:,\s*|\s+và\s+|\s+hoặc\s+)/u.exec(after); m; m = /^(?:,\s*|\s+và\s+|\s+hoặc\s+)/u.exec(after)) {
      const next = holderMentions(after.slice(m[0].length))[0];
      if (next?.start !== 0) break;
      after = after.slice(m[0].length + next.holder.length);
    }
    const own = /^\s+(?!thực hiện\b)(\p{Ll}[^.;]{8,})/u.exec(after)?.[1];
    const task = own ? taskTitle(own, null, -1, null, null) : taskTitle(titleSentence, null, -1, null, article?.heading ?? node.heading);
    title = clip(own ? `Phối hợp ${task.charAt(0).toLowerCase()}${task.slice(1)}` : `Phối hợp thực hiện: ${task.charAt(0).toLowerCase()}${task.slice(1)}`, TITLE_MAX);
  }
  if (a.verb === 'thực hiện đối với' && !titleFrom) title = appliedTitle(f.sentence, a.holder);
  const text = matchForm(fullText(node));
  const refs = refersTo(`${titleFrom ?? ''} ${f.sentence}`);
  // "Thực hiện trách nhiệm quy định tại …" says nothing without its reference.
  // "a) Bộ trưởng … thực hiện đối với …" under "Thẩm quyền quyết định … như sau:": the task is in the lead-in.
  if (leadTask && !/^Trình tự/u.test(leadTask) && /^(?:Thực hiện|Tổ chức thực hiện|Đối với|Thuộc|Trường hợp|Các trường hợp|Khi|Nếu|Dự án|Công trình)\b/u.test(title)) {
    let scope = title.replace(/^(?:Thực hiện|Tổ chức thực hiện) /u, '');
    if (/trường hợp$/u.test(scope) && refs[0]) scope = `${scope} tại ${refs[0]}`;
    title = clip(`${leadTask}: ${scope.charAt(0).toLowerCase()}${scope.slice(1)}`, TITLE_MAX);
  }
  else if (/^(?:Thực hiện|Tổ chức thực hiện)(?: (?:trách nhiệm|nhiệm vụ|thủ tục))?$/u.test(title) && refs[0]) title = clip(`${title} theo ${refs[0]}`, TITLE_MAX);
  // "c) … trình cơ quan đại diện chủ sở hữu nhà ở xem xét, quyết định" under "Trình tự, thủ tục lập, phê duyệt Đề án …
  // như sau:" (144 Điều 24 khoản 4): a bare decision takes its object from the procedure's lead-in.
  else if (leadTask && /^Trình tự, thủ tục /u.test(leadTask) && /^(?:Xem xét, )?(?:quyết định|phê duyệt|chấp thuận|xem xét)$/iu.test(title))
    title = clip(`${title}: ${leadTask.replace(/^Trình tự, thủ tục /u, '')}`, TITLE_MAX);
  // "… không phải báo cáo Bộ trưởng Bộ Tài chính xem xét, quyết định": the removed step's body held the power before.
  const removed = abolishedSteps(text).filter((h) => h !== a.holder);
  const former =
    a.formerHolder ?? (removed.length > 0 ? removed.join(', ') : null) ?? giverOf(article?.heading ?? null, `${text} ${f.sentence}`, a.holder) ?? continuedFormer(text, f.sentence, a.holder);
  // A holder fixed by case is one record per case, the case said in the title.
  const targets = casesOf(a.holder)?.map((c) => ({ level: c.level, kind: c.kind, idHolder: c.idName, title: withNote(title, c.note) })) ?? [
    { level, kind: kindOf(a.holder), idHolder: a.holder, title },
  ];
  for (const t of targets) {
  const id = recordId(node.citation, t.idHolder, a.role);
  const prev = ctx.records.get(id);
  if (prev) {
    for (const r of refersTo(f.sentence)) if (!prev.refersTo.includes(r)) prev.refersTo.push(r);
    continue;
  }
  ctx.records.set(id, {
    id,
    title: t.title,
    holder: a.holder,
    level: t.level,
    holderKind: t.kind,
    role: a.role,
    formerHolder: former,
    mechanism: mechanismInSentence(ctx.doc, f.sentence) ?? mechanismOf(ctx.doc, article ?? node, former),
    refersTo: refs,
    citation: node.citation,
    sector: ctx.doc.sector,
    field: fieldOf(node.path),
    aliases: [],
    sourceStatus: 'verified',
    secondarySource: null,
    procedures: [],
    timeLimit: timeLimit(titleFrom ? text : f.sentence),
  });
  ctx.sourceText.set(id, `${ctx.sourceText.get(id) ?? ''} ${titleFrom ?? ''} ${f.sentence}`);
  ctx.covered.add(citationKey(node.citation));
  }
}

/**
 * "1. Trường hợp hồ sơ … mà Ủy ban nhân dân cấp huyện đã tiếp nhận … thì chuyển giao cho Ủy ban nhân dân cấp xã …
 * tiếp tục giải quyết. Trường hợp người yêu cầu đã thay đổi nơi cư trú … thì Ủy ban nhân dân cấp xã nơi cư trú trước đây
 * có trách nhiệm xử lý." (120 Điều 24 khoản 1, audit E 38): a later "Trường hợp …" sentence of the clause gives the same
 * body a sub-case of the files its first sentence took from the district; the district held those too.
 */
function continuedFormer(text: string, sentence: string, holder: string): string | null {
  const lead = /^(?:\d+\.|[a-zđ]\))\s*/u;
  const own = sentence.replace(lead, '').trim();
  if (!/^Trường hợp\s/u.test(own)) return null;
  const body = text.replace(lead, '').trim();
  const first = body.split(/(?<=[.;])\s+(?=\p{Lu})/u)[0] ?? '';
  if (!first || body.startsWith(own) || first.includes(own)) return null;
  const mentions = holderMentions(first);
  const district = mentions.find((m) => levelOf(m.holder) === 'huyen');
  if (!district || !mentions.some((m) => m.start > district.start && m.holder === holder)) return null;
  return district.holder;
}

/** "Phê duyệt Đề án … (nhà ở do … làm đại diện chủ sở hữu)": the case is never clipped away. */
export function withNote(title: string, note: string): string {
  const suffix = ` (${note})`;
  return `${clip(title, TITLE_MAX - suffix.length)}${suffix}`;
}

/**
 * Title of "[task] … được thực hiện đối với X" (see appliedTo): the task without its old holder, the body it now
 * concerns, the provision it points to. "Nhiệm vụ, quyền hạn đối với Cơ quan đăng ký kinh doanh cấp xã (khoản 1 …)".
 */
function appliedTitle(sentence: string, holder: string): string {
  const m = / được thực hiện đối với ([^.;]+?)\.?$/u.exec(sentence);
  if (!m?.[1]) return clip(sentence, TITLE_MAX);
  const target = m[1];
  let head = sentence
    .slice(0, m.index)
    .replace(/^(?:\d+\.\s*|[a-zđ]\)\s*)?(?:Việc\s+)?/u, '')
    .replace(` của ${holder}`, '');
  if (head.startsWith(`${holder} `)) head = head.slice(holder.length + 1);
  const ref = /\s(?:theo )?quy định tại (.+?)(?: ngày \d|$)/u.exec(head);
  if (ref) head = head.slice(0, ref.index);
  // Whom it now concerns is never clipped away.
  let suffix = '';
  if (target !== holder) {
    if (/đối với [^,;]*?cấp huyện/u.test(head)) head = head.replace(/đối với [^,;]*?cấp huyện/u, `đối với ${target}`);
    else suffix = ` (đối với ${target})`;
  }
  const full = `${capitalize(head)}${ref?.[1] ? ` (${ref[1]})` : ''}`;
  return `${clip(full, TITLE_MAX - suffix.length)}${suffix}`;
}

/**
 * "Điều 9. Thẩm quyền của Ủy ban nhân dân cấp tỉnh phân quyền, phân cấp cho Chủ tịch …": the heading names who gave
 * the power. With several givers ("của Chính phủ, Thủ tướng Chính phủ"), the one the provision itself names.
 */
function giverOf(heading: string | null, text: string, holder: string): string | null {
  const m = /^(?:Thẩm quyền|Nhiệm vụ, quyền hạn|Nhiệm vụ|Quyền hạn) của (.+?) (?:phân quyền, phân cấp|phân quyền|phân cấp|chuyển giao|ủy quyền)(?: tương ứng)? cho /u.exec(matchForm(heading ?? ''));
  if (!m?.[1]) return null;
  const givers = [...new Set(holderMentions(m[1]).map((x) => x.holder))].filter((h) => h !== holder);
  if (givers.length === 1) return givers[0] ?? null;
  // "Chính phủ" inside "Thủ tướng Chính phủ" is not the Government.
  const at = (g: string): number => text.search(new RegExp(`(?<!Thủ tướng )${g.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'u'));
  const named = givers.map((g) => ({ g, i: at(g) })).filter((x) => x.i >= 0).sort((x, y) => x.i - y.i);
  return named[0]?.g ?? null;
}
