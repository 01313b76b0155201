/**
 * Extraction of authority assignments from a parsed decree into the register
 * file for data/register/. One record per (provision, holder, role); ids come
 * from citation + holder + role so they survive rebuilds. Every clause with an
 * authority phrase either becomes a record or is listed in `excluded` with a reason.
 * Curated corrections are data (data/corrections), applied here by citation.
 */
import type { AuthorityRecord, Citation, Mechanism, Role } from '../model';
import { actName, formatCitation } from '../model';
import { type Assignment, abolishedSteps, assignmentsIn, holderOnlyLeadIn, roleOfTask } from './assign';
import type { CatalogueEntry } from './catalogue';
import { holderMentions, holderSlug, kindOf, levelOf } from './holders';
import { type LegalNode, type ParsedDecree, citationKey, contextOf, findProvision, fullText } from './structure';
import { refersTo, taskTitle, timeLimit, TITLE_MAX } from './titles';
import { capitalize, clip, matchForm, sentenceCase, sentences, sisterPointsNamed } from './text';
import { fold } from '../text/normalize';

export interface Correction {
  /** The provision, as formatCitation writes it: "Khoản 1 Điều 18 Nghị định 120/2025/NĐ-CP". */
  citation: string;
  action: 'title' | 'exclude' | 'drop' | 'add' | 'set';
  holder?: string;
  role?: Role;
  title?: string;
  reason?: string;
  formerHolder?: string | null;
  timeLimit?: string | null;
  mechanism?: Mechanism;
  /** A caution shown with the record (a scan misreading to check against the original …). */
  caution?: string;
}

export interface RegisterFile {
  document: string;
  source: { file: string; sha256: string };
  records: AuthorityRecord[];
  excluded: Array<{ citation: Citation; reason: string }>;
  unresolvedCitations: Array<{ citation: Citation; text: string }>;
}

/** A phrase that says someone holds a task; such a clause must become a record or be explained. */
export const AUTHORITY_RE =
  /thuộc thẩm quyền|có thẩm quyền|thực hiện thẩm quyền|được thực hiện đối với|thuộc trách nhiệm|có trách nhiệm|chuyển giao|không thực hiện|\bdo [^.;]{1,90}? thực hiện|thực hiện nhiệm vụ|là cơ quan giải quyết|phân quyền, phân cấp cho|phân quyền cho|phân cấp cho/u;

/** A general article is known by how its heading begins: "Thẩm quyền quản lý, tổ chức thực hiện …" assigns. */
const GENERAL_ARTICLE =
  /^(?:Về |Quy định |Điều khoản )?(?:phạm vi điều chỉnh|đối tượng áp dụng|nguyên tắc|giải thích từ ngữ|hiệu lực|trách nhiệm thi hành|tổ chức thực hiện|phí, lệ phí|điều khoản thi hành|chuyển tiếp|thi hành)/iu;
/** Transitional articles do assign (pending files go to the commune), so they are not "general". */
const TRANSITIONAL_ARTICLE = /chuyển tiếp/iu;

function docSlug(number: string): string {
  const m = /^(\d+)\/(\d{4})/u.exec(number);
  if (!m) return fold(number).replace(/[^a-z0-9]+/g, '-');
  return m[2] === '2025' ? String(m[1]) : `${m[1]}-${m[2]}`;
}

function citationSlug(c: Citation): string {
  const parts: string[] = [];
  if (c.annex) {
    const a = /(?:mục ([IVXLC]+) )?(?:phần ([A-H]) )?(?:Phần ([IVXLC]+) )?Phụ lục(?: ([IVXLC\d]+))?/u.exec(c.annex);
    parts.push(`pl${(a?.[4] ?? '').toLowerCase()}`);
    if (a?.[3]) parts.push(`phan${a[3].toLowerCase()}`);
    if (a?.[2]) parts.push(`p${a[2].toLowerCase()}`);
    if (a?.[1]) parts.push(`m${a[1].toLowerCase()}`);
  }
  if (c.article != null) parts.push(`d${c.article}`);
  if (c.clause != null) parts.push(`k${c.clause}`);
  if (c.point) parts.push(`p${c.point === 'đ' ? 'dd' : c.point}`);
  return parts.join('-');
}

export function recordId(c: Citation, holder: string, role: Role): string {
  return `${docSlug(c.document)}-${citationSlug(c)}-${holderSlug(holder)}-${role}`;
}

function sameCitation(a: Citation, b: Citation): boolean {
  return citationKey(a) === citationKey(b);
}

/** Whether `inner` is `outer` or a unit inside it. */
export function within(inner: Citation, outer: Citation): boolean {
  if (inner.document !== outer.document) return false;
  if (outer.annex === null ? inner.annex !== null : inner.annex !== outer.annex && !(inner.annex ?? '').endsWith(` ${outer.annex}`))
    return false;
  if (outer.article !== null && inner.article !== outer.article) return false;
  if (outer.clause !== null && inner.clause !== outer.clause) return false;
  if (outer.point !== null && inner.point !== outer.point) return false;
  return true;
}

/** "Chương II. … LĨNH VỰC HỘ TỊCH" → "Hộ tịch": the field a record belongs to. */
export function fieldOf(path: string[]): string | null {
  for (const el of [...path].reverse()) {
    const t = el.replace(/^(?:Chương [IVXLC]+|Mục \d+|Phụ lục(?: [IVXLC]+)?)\.?\s*/u, '').trim();
    const m = /lĩnh vực (.+)$/iu.exec(t);
    if (m?.[1]) return capitalize(sentenceCase(m[1].trim()).toLowerCase());
    if (/^Mục/u.test(el) && t) {
      const u = t.replace(/^(?:PHÂN QUYỀN, PHÂN CẤP|PHÂN ĐỊNH THẨM QUYỀN|PHÂN QUYỀN|PHÂN CẤP|PHÂN ĐỊNH)\s*/iu, '').trim();
      if (u) return capitalize(sentenceCase(u).toLowerCase());
    }
  }
  return null;
}

/**
 * The clause's own words name the mechanism when the decree does both (151 Điều 5 khoản 4: "Thẩm quyền của
 * Ủy ban nhân dân cấp huyện … phân cấp cho Chủ tịch Ủy ban nhân dân cấp xã thực hiện" under a heading that says
 * "chuyển giao"): the nearest words win over the heading.
 */
export function mechanismInSentence(doc: CatalogueEntry, sentence: string): Mechanism | null {
  if (doc.kind !== 'both') return null;
  if (/phân cấp cho/u.test(sentence) && !/chuyển giao cho|phân quyền/u.test(sentence)) return 'phan-cap';
  if (/chuyển giao cho/u.test(sentence) && !/phân cấp cho/u.test(sentence)) return 'phan-dinh';
  return null;
}

/** Mechanism from the decree's kind and the headings above the provision. */
export function mechanismOf(doc: CatalogueEntry, node: LegalNode, formerHolder: string | null): Mechanism {
  if (doc.kind === 'phan-dinh') return 'phan-dinh';
  // The nearest heading decides: article title, then Mục, then Chương.
  for (const h of [node.heading ?? '', ...[...node.path].reverse()].map((x) => fold(x))) {
    if (/chuyen giao|phan dinh/u.test(h) && !/phan quyen|phan cap/u.test(h)) return 'phan-dinh';
    const quyen = /phan quyen/u.test(h);
    const cap = /phan cap/u.test(h);
    if (quyen && !cap) return 'phan-quyen';
    if (cap && !quyen) return 'phan-cap';
    if (quyen && cap) return 'phan-cap';
    if (/uy quyen/u.test(h)) return 'uy-quyen';
  }
  if (formerHolder && levelOf(formerHolder) === 'huyen') return 'phan-dinh';
  return 'phan-cap';
}

interface Found {
  a: Assignment;
  sentence: string;
}

interface Ctx {
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

function findAll(text: string): Found[] {
  return sentences(matchForm(text)).flatMap((s) => assignmentsIn(s).map((a) => ({ a, sentence: s })));
}

/** A point under "X thực hiện các nhiệm vụ sau:" that only reports, checks or joins is a duty, not a decision. */
const DUTY_POINT = /^(?:[a-zđ]\)\s*|\d+\.\s*)?(?:Hằng năm, |Định kỳ[^,]*, )?(báo cáo|tổng hợp|kiểm tra|lập|hướng dẫn|theo dõi|tuyên truyền|cung cấp|cập nhật|đôn đốc|phổ biến|thống kê|rà soát|phối hợp|tham gia|cho ý kiến|có ý kiến|thông báo|kiến nghị|đề xuất|quản lý|gửi|lưu)\b/iu;

/** A point whose first words are a decision (the inverse of DUTY_POINT). */
const DECISION_POINT =
  /^(?:[a-zđ]\)\s*|\d+\.\s*)?(?:Xem xét,? )?(?:[Qq]uyết định|[Pp]hê duyệt|[Cc]ấp(?! xã| tỉnh| huyện)|[Bb]an hành|[Cc]ông nhận|[Cc]ho phép|[Cc]hấp thuận|[Tt]hu hồi|[Cc]ử|[Bb]ổ nhiệm|[Mm]iễn nhiệm|[Tt]hành lập|[Gg]iải quyết khiếu nại|[Kk]hen thưởng|[Xx]ử lý vi phạm|[Xx]ử phạt)(?![\p{L}])/u;

function addRecord(ctx: Ctx, node: LegalNode, f: Found, titleFrom: string | null, article: LegalNode | null, leadTask: string | null = null): void {
  let { a } = f;
  const duty = titleFrom && a.role === 'quyet-dinh' ? DUTY_POINT.exec(titleFrom) : null;
  if (duty?.[1]) a = { ...a, role: /phối hợp|tham gia|ý kiến/iu.test(duty[1]) ? 'phoi-hop' : 'trach-nhiem' };
  // "5. Xem xét, quyết định giao nhiệm vụ cho hội …" under "Trách nhiệm quản lý nhà nước … do Ủy ban nhân dân cấp xã thực hiện
  // như sau:" (129 Điều 57): a point that is a decision decides, whatever its lead-in's duty.
  else if (titleFrom && a.role === 'trach-nhiem' && DECISION_POINT.test(titleFrom)) a = { ...a, role: 'quyet-dinh' };
  // Under "Trách nhiệm của Ủy ban nhân dân cấp xã …", "X thực hiện nhiệm vụ …" is a duty, not a power to decide.
  if (a.role === 'quyet-dinh' && /^(?:thực hiện|thực hiện nhiệm vụ)$/u.test(a.verb) && /^Trách nhiệm của\s/u.test(article?.heading ?? '') && (article?.heading ?? '').includes(a.holder))
    a = { ...a, role: 'trach-nhiem' };
  const level = levelOf(a.holder);
  if (level === null || level === 'huyen') return;
  const id = recordId(node.citation, a.holder, a.role);
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
  const prev = ctx.records.get(id);
  if (prev) {
    for (const r of refersTo(f.sentence)) if (!prev.refersTo.includes(r)) prev.refersTo.push(r);
    return;
  }
  // "… không phải báo cáo Bộ trưởng Bộ Tài chính xem xét, quyết định": the removed step's body held the power before.
  const removed = abolishedSteps(text).filter((h) => h !== a.holder);
  const former = a.formerHolder ?? (removed.length > 0 ? removed.join(', ') : null) ?? giverOf(article?.heading ?? null, `${text} ${f.sentence}`, a.holder);
  ctx.records.set(id, {
    id,
    title,
    holder: a.holder,
    level,
    holderKind: kindOf(a.holder),
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

/** Heading like "Thẩm quyền của … chuyển giao cho Chủ tịch Ủy ban nhân dân cấp xã": a lead-in for the article. */
function headingAssignments(article: LegalNode): Found[] {
  const h = article.heading ?? '';
  if (!/chuyển giao cho|phân quyền, phân cấp cho|phân quyền cho|phân cấp cho/u.test(h)) return [];
  return findAll(h);
}

const LEAD_IN_END = /:\s*$/u;
const EXCEPTION_LEAD_IN = /\btrừ (?:các )?trường hợp(?: sau| sau đây| quy định sau)?\s*:$/u;
const OWN_SUBJECT =
  /^(?:[a-zđ]\)\s*|\d+\.\s*)?(?:(?:Khi|Trong thời hạn|Trường hợp|Sau khi|Trước khi)[^,]{0,160},\s*(?:kể từ [^,]{0,80},\s*)?)?(?:[Cc]hủ đầu tư|[Tt]ổ chức, cá nhân|[Cc]á nhân|[Nn]gười đề nghị|[Nn]gười sử dụng đất|[Dd]oanh nghiệp|[Nn]hà đầu tư|[Tt]hương nhân|[Hh]ộ gia đình|[Cc]ơ quan, tổ chức (?:có thẩm quyền|có liên quan|liên quan))(?: [^,.;:]{0,60}?)? (?:có trách nhiệm|nộp|gửi|phải|đề nghị)\s/u;
const CATCH_ALL = /^(?:[a-zđ]\)|\d+\.)?\s*(?:Thực hiện|Các) (?:các )?(?:nhiệm vụ|trách nhiệm|quyền hạn)(?:, quyền hạn)? khác/u;

/**
 * "d) Cơ quan có thẩm quyền cấp Giấy chứng nhận … quy định tại các điểm a, b và c khoản này có thẩm quyền đính chính …"
 * (49/2026 Điều 14 khoản 2): a point whose subject is the bodies of its sister points gives each of them this task too.
 */
const SISTER_SUBJECT = /^(?:[a-zđ]\)\s*)?(?:Cơ quan|Người|Cơ quan, người)[^.;:]{0,200}? quy định tại [^.;:]{1,40}? khoản này (?:có thẩm quyền|có trách nhiệm|thực hiện) (\p{Ll}[^]{8,})$/u;

function sisterHolders(ctx: Ctx, node: LegalNode, article: LegalNode): boolean {
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

function visit(ctx: Ctx, node: LegalNode, article: LegalNode, inherited: Found[], leadTask: string | null = null): void {
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
      for (const f of inherited) addRecord(ctx, node, f, text, article, isCase ? leadTask : null);
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

/** Why a clause with an authority phrase became no record, when a rule can tell. */
function autoReason(node: LegalNode, article: LegalNode | null, parent: LegalNode | null): string | null {
  const text = matchForm(node.ownText);
  const parentText = parent ? matchForm(parent.ownText) : '';
  const heading = article?.heading ?? node.heading ?? '';
  if (article && GENERAL_ARTICLE.test(heading) && !TRANSITIONAL_ARTICLE.test(heading))
    return 'Quy định chung hoặc điều khoản thi hành, không giao một thẩm quyền cụ thể';
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
  const doX = /\bdo ([^.;]{3,90}?) (?:chủ trì, )?(?:tổ chức )?thực hiện/u.exec(text);
  if (levelled.length === 0 && doX?.[1])
    return `Chưa xác định cấp: chủ thể "${clip(doX[1], 80)}" không gắn với một cấp chính quyền (xã/tỉnh/trung ương)`;
  if (parent && EXCEPTION_LEAD_IN.test(parentText.trim()))
    return 'Trường hợp ngoại lệ của lời dẫn ("trừ các trường hợp sau"); không giao thẩm quyền cho cơ quan được nêu';
  if (OWN_SUBJECT.test(text)) return 'Bước thủ tục của chủ đầu tư, tổ chức, cá nhân; không giao thẩm quyền cho cơ quan nhà nước';
  return null;
}

function walkUnits(
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
    if (AUTHORITY_RE.test(matchForm(n.ownText))) out.push({ node: n, article, parent });
  });
  // Annex items only count when they transfer tasks ("chuyển giao tương ứng cho …").
  walkUnits(parsed.annexes, null, (n, article, parent) => {
    if (n.kind !== 'annex' && n.kind !== 'section' && /chuyển giao/u.test(matchForm(n.ownText))) out.push({ node: n, article, parent });
  });
  return out;
}

const PROCEDURE_HEADING = /THỦ TỤC|TRÌNH TỰ|thủ tục|trình tự/u;
/** Verbs of the final decision of a procedure. */
const DECISIVE_VERB =
  /(?:cấp|quyết định|phê duyệt|xác nhận|trả lời|chấp thuận|công nhận|giải quyết|thu hồi|ban hành|cho phép|bổ nhiệm|miễn nhiệm|thuộc thẩm quyền)$/u;
/** Verbs that make a body the one deciding (or receiving, or answering for) a procedure. */
const PROCEDURE_VERB =
  /^(?:do … )?(?:cấp|quyết định|xem xét, quyết định|xem xét quyết định|ra quyết định|phê duyệt|xem xét, phê duyệt|xác nhận|trả lời|chấp thuận|công nhận|tiếp nhận|tiếp nhận, giải quyết|tiếp nhận và giải quyết|giải quyết|thu hồi|ban hành|cho phép|bổ nhiệm|miễn nhiệm|thuộc thẩm quyền|có trách nhiệm|cấp lại|cấp giấy|cấp phép|thẩm định)$/u;

function procedureTitle(heading: string): string {
  const t = sentenceCase(heading.replace(/\s*\(\s*ĐIỀU \d+ NGHỊ ĐỊNH\)\s*$/u, '').replace(/\s*\($/u, '')).replace(/^Trình tự,\s*(?:xem xét\s*)?/iu, '').replace(/\s+/g, ' ');
  return clip(capitalize(t.charAt(0) === t.charAt(0).toUpperCase() ? t : t), TITLE_MAX);
}

/** Each procedure in an annex (a "mục" titled "Trình tự, thủ tục …") becomes a record held by its decider. */
function extractProcedures(ctx: Ctx): Map<string, string[]> {
  const bySection = new Map<string, string[]>();
  const sections: LegalNode[] = [];
  for (const annex of ctx.parsed.annexes) {
    const secs = annex.children.filter((c) => c.kind === 'section');
    if (secs.length > 0) sections.push(...secs.filter((s) => PROCEDURE_HEADING.test(s.heading ?? '')));
    else if (PROCEDURE_HEADING.test(annex.heading ?? '') && annex.children.some((c) => c.kind === 'item')) sections.push(annex);
  }
  for (const sec of sections) {
    const units: LegalNode[] = [];
    walkUnits(sec.children, null, (n) => units.push(n));
    // The decider is the last decisive step (file → appraisal → decision); else who receives; else who answers for it.
    const steps = units.flatMap((n) =>
      findAll(n.ownText)
        .filter((x) => levelOf(x.a.holder) !== 'huyen' && PROCEDURE_VERB.test(x.a.verb))
        .map((f) => ({ node: n, f })),
    );
    const decisive = steps.filter((x) => x.f.a.role === 'quyet-dinh' && DECISIVE_VERB.test(x.f.a.verb));
    // A body that decides as the subject wins over one named in a file's address ("nộp hồ sơ đề nghị Ủy ban nhân dân
    // cấp xã cấp …" in a fee clause, 139 Phụ lục V): the record cites the deciding clause.
    const own = decisive.filter((x) => !x.f.a.indirect);
    const chosen =
      own[own.length - 1] ??
      decisive[decisive.length - 1] ??
      steps.find((x) => x.f.a.role === 'quyet-dinh') ??
      steps.find((x) => x.f.a.role === 'tiep-nhan') ??
      steps.find((x) => x.f.a.role === 'trach-nhiem') ??
      null;
    if (!chosen) {
      ctx.excluded.set(citationKey(sec.citation), {
        citation: sec.citation,
        reason: 'Mục Phụ lục (thủ tục, biểu mẫu) không có câu nêu cơ quan quyết định mà bộ trích xuất đọc được; chưa thành bản ghi thủ tục',
      });
      continue;
    }
    // "… do Chủ tịch Ủy ban nhân dân cấp xã phê duyệt đối với …; do Chủ tịch Ủy ban nhân dân cấp tỉnh phê duyệt đối với …"
    // (151 Phụ lục I Phần VII mục VI khoản 3): every body deciding in the chosen clause, each for its cases.
    const deciders = [chosen, ...decisive.filter((x) => x.node === chosen.node && x.f.a.holder !== chosen.f.a.holder && x.f.a.indirect === chosen.f.a.indirect)];
    for (const { node, f } of deciders) {
    const level = levelOf(f.a.holder);
    if (level === null || level === 'huyen') continue;
    const id = recordId(node.citation, f.a.holder, f.a.role);
    const limit = timeLimit(matchForm(fullText(node))) ?? timeLimit(matchForm(fullText(sec)));
    ctx.records.set(id, {
      id,
      title: procedureTitle(sec.heading ?? sec.citation.annex ?? 'Thủ tục'),
      holder: f.a.holder,
      level,
      holderKind: kindOf(f.a.holder),
      role: f.a.role,
      formerHolder: null,
      mechanism: ctx.doc.kind === 'phan-dinh' ? 'phan-dinh' : 'phan-cap',
      refersTo: refersTo(matchForm(fullText(sec))).slice(0, 6),
      citation: node.citation,
      sector: ctx.doc.sector,
      field: null,
      aliases: [],
      sourceStatus: 'verified',
      secondarySource: null,
      procedures: [],
      timeLimit: limit,
    });
    ctx.covered.add(citationKey(node.citation));
    const key = sec.citation.annex ?? '';
    bySection.set(key, [...(bySection.get(key) ?? []), id]);
    ctx.sourceText.set(id, matchForm(fullText(sec)));
    ctx.sourceHeading.set(id, sec.heading ?? '');
    }
  }
  return bySection;
}

/** Body records point to the annex procedures that implement them, and back. */
function linkProcedures(ctx: Ctx, bySection: Map<string, string[]>): void {
  const procIds = new Set([...bySection.values()].flat());
  const byArticle = new Map<number, AuthorityRecord[]>();
  for (const r of ctx.records.values()) {
    if (r.citation.article == null || procIds.has(r.id)) continue;
    byArticle.set(r.citation.article, [...(byArticle.get(r.citation.article) ?? []), r]);
  }
  const link = (article: number, ids: string[]): void => {
    for (const r of byArticle.get(article) ?? []) for (const id of ids) if (!r.procedures.includes(id)) r.procedures.push(id);
  };
  // "Trình tự, thủ tục … thực hiện theo quy định tại mục I Phụ lục …" in the body.
  for (const art of ctx.parsed.articles) {
    const text = matchForm(fullText(art));
    // "mục I, mục II Phụ lục II", "các mục I và II Phụ lục", "Phụ lục III ban hành kèm theo Nghị định này".
    for (const m of text.matchAll(/((?:(?:các )?mục [IVXLC]+(?:,\s*| và | hoặc )?)*)\s*(Phụ lục(?: [IVXLC]+)?)(?![\p{L}])/gu)) {
      const rest = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 60);
      if (/^[^.;]{0,40}Nghị định số/u.test(rest)) continue; // an annex of another act
      const annex = m[2] ?? 'Phụ lục';
      const secs = [...(m[1] ?? '').matchAll(/[IVXLC]+/gu)].map((x) => `mục ${x[0]} ${annex}`);
      const keys = secs.length > 0 ? secs : [...bySection.keys()].filter((k) => k === annex || k.endsWith(` ${annex}`));
      for (const key of keys) {
        const ids = bySection.get(key);
        if (ids && art.citation.article != null) link(art.citation.article, ids);
      }
    }
  }
  // "… quy định tại Điều 4 Nghị định này" inside a procedure.
  for (const [, ids] of bySection) {
    for (const id of ids) {
      const text = ctx.sourceText.get(id) ?? '';
      for (const m of text.matchAll(/Điều (\d+) (?:của )?Nghị định này/gu)) link(Number(m[1]), [id]);
      // 129: "(ĐIỀU 5 NGHỊ ĐỊNH)" in a procedure's heading names the article it implements.
      const heading = ctx.records.get(id)?.citation.annex ? ctx.sourceHeading.get(id) ?? '' : '';
      for (const m of heading.matchAll(/\(\s*ĐIỀU (\d+) NGHỊ ĐỊNH\)/gu)) link(Number(m[1]), [id]);
    }
  }
  for (const r of ctx.records.values()) r.procedures.sort();
  // A procedure takes the field and mechanism of the power it implements.
  const seen = new Set<string>();
  for (const r of [...ctx.records.values()].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    for (const id of r.procedures) {
      const p = ctx.records.get(id);
      if (!p || seen.has(id)) continue;
      seen.add(id);
      if (!p.field) p.field = r.field;
      p.mechanism = r.mechanism;
    }
  }
}

function applyCorrections(ctx: Ctx, corrections: Correction[]): string[] {
  const problems: string[] = [];
  // "… Nghị định 120/2025/NĐ-CP", "… Quyết định 40/2026/QĐ-UBND": the act's own name and number.
  const docCorr = corrections.filter((c) => c.citation.toLowerCase().endsWith(`${actName(ctx.doc.number)} ${ctx.doc.number}`.toLowerCase()));
  const match = (r: AuthorityRecord, c: Correction): boolean =>
    formatCitation(r.citation).toLowerCase() === c.citation.toLowerCase() &&
    (c.holder === undefined || r.holder === c.holder) &&
    (c.role === undefined || r.role === c.role);
  for (const c of docCorr) {
    const hits = [...ctx.records.values()].filter((r) => match(r, c));
    const provision = ctx.parsed.provisions.find((p) => formatCitation(p.citation).toLowerCase() === c.citation.toLowerCase());
    if (!provision) {
      problems.push(`Hiệu chỉnh trỏ tới điều khoản không có trong văn bản: ${c.citation}`);
      continue;
    }
    if (c.action === 'title' || c.action === 'set') {
      if (hits.length === 0) problems.push(`Hiệu chỉnh không khớp bản ghi nào: ${c.citation} ${c.holder ?? ''}`);
      for (const r of hits) {
        if (c.title) r.title = clip(c.title, TITLE_MAX);
        if (c.formerHolder !== undefined) r.formerHolder = c.formerHolder;
        if (c.timeLimit !== undefined) r.timeLimit = c.timeLimit;
        if (c.mechanism) r.mechanism = c.mechanism;
        if (c.caution) r.caution = c.caution;
      }
    } else if (c.action === 'drop') {
      if (hits.length === 0) problems.push(`Hiệu chỉnh "drop" không khớp bản ghi nào: ${c.citation} ${c.holder ?? ''}`);
      for (const r of hits) {
        ctx.records.delete(r.id);
        // A dropped annex procedure leaves no dangling link in the powers it implemented.
        for (const o of ctx.records.values()) o.procedures = o.procedures.filter((id) => id !== r.id);
      }
      ctx.excluded.set(`${citationKey(provision.citation)}|drop|${c.holder ?? ''}`, {
        citation: provision.citation,
        reason: c.reason ?? 'Loại theo hiệu chỉnh',
      });
    } else if (c.action === 'exclude') {
      ctx.excluded.set(citationKey(provision.citation), { citation: provision.citation, reason: c.reason ?? 'Loại theo hiệu chỉnh' });
    } else if (c.action === 'add' && c.holder && c.role) {
      const level = levelOf(c.holder);
      if (level === null || level === 'huyen') {
        problems.push(`Hiệu chỉnh "add" có chủ thể không xác định cấp: ${c.holder}`);
        continue;
      }
      // The holder may stand in the provision or in its lead-ins ("3. Sở Nội vụ có trách nhiệm:" above a point).
      const context = matchForm(contextOf(ctx.parsed, provision.citation) ?? `${provision.heading ?? ''}\n${provision.text}`);
      if (!context.includes(c.holder)) {
        problems.push(`Hiệu chỉnh "add": "${c.holder}" không có trong ${c.citation}`);
        continue;
      }
      const id = recordId(provision.citation, c.holder, c.role);
      const article = ctx.parsed.articles.find((a) => a.citation.article === provision.citation.article) ?? null;
      ctx.records.set(id, {
        id,
        title: clip(c.title ?? provision.heading ?? '', TITLE_MAX),
        holder: c.holder,
        level,
        holderKind: kindOf(c.holder),
        role: c.role,
        formerHolder: c.formerHolder ?? null,
        mechanism: c.mechanism ?? (article ? mechanismOf(ctx.doc, article, c.formerHolder ?? null) : 'phan-cap'),
        refersTo: refersTo(matchForm(provision.text)),
        citation: provision.citation,
        sector: ctx.doc.sector,
        field: fieldOf(provision.path),
        aliases: [],
        sourceStatus: 'verified',
        secondarySource: null,
        ...(c.caution ? { caution: c.caution } : {}),
        procedures: [],
        timeLimit: c.timeLimit ?? timeLimit(matchForm(provision.text)),
      });
      ctx.covered.add(citationKey(provision.citation));
    }
  }
  return problems;
}

/**
 * "…, trình Ủy ban nhân dân cấp tỉnh phê duyệt …; không thực hiện việc thẩm định Kế hoạch …" (140 Điều 22 khoản 3):
 * a tail naming no body drops a step of the same task, so the decision's title says so (after corrections, which
 * may have rewritten the title).
 */
function noteRemovedTails(ctx: Ctx): void {
  for (const r of ctx.records.values()) {
    if (r.role !== 'quyet-dinh' || /\bkhông\b/u.test(r.title)) continue;
    const tail = /; không thực hiện (?:việc )?([^.;]+)/u.exec(ctx.sourceText.get(r.id) ?? '');
    if (!tail?.[1] || holderMentions(tail[1]).length > 0) continue;
    const words = tail[1].split(/\s+/u).slice(0, 4).join(' ').replace(/[,:]$/u, '');
    const note = `; không ${words.charAt(0).toLowerCase()}${words.slice(1)}`;
    if (r.title.length + note.length <= TITLE_MAX) r.title = `${r.title.replace(/…$/u, '')}${note}`;
  }
}

/** Problems found while applying corrections (a stale correction must not pass silently). */
export let lastCorrectionProblems: string[] = [];

/** For acts outside the batch: which articles re-assign powers (the rest is read past, with a reason). */
export interface ExtractScope {
  inScope: (article: LegalNode) => boolean;
  reason: string;
  /** Annex procedures and blanket transfers are read only for decrees of the batch. */
  annexes: boolean;
}

export function extractRegister(parsed: ParsedDecree, doc: CatalogueEntry, corrections: Correction[], scope?: ExtractScope): RegisterFile {
  const ctx: Ctx = {
    doc,
    parsed,
    records: new Map(),
    covered: new Set(),
    excluded: new Map(),
    sourceText: new Map(),
    sourceHeading: new Map(),
  };
  for (const art of parsed.articles) {
    if (GENERAL_ARTICLE.test(art.heading ?? '') && !TRANSITIONAL_ARTICLE.test(art.heading ?? '')) continue;
    if (scope && !scope.inScope(art)) continue;
    visit(ctx, art, art, []);
  }
  if (!scope || scope.annexes) {
    // Blanket transfers written in an annex ("… chuyển giao tương ứng cho Ủy ban nhân dân cấp xã …").
    walkUnits(parsed.annexes, null, (n) => {
      if (n.kind === 'annex' || n.kind === 'section') return;
      for (const f of findAll(n.ownText)) if (f.a.verb === 'chuyển giao cho') addRecord(ctx, n, f, null, null);
    });
    const bySection = extractProcedures(ctx);
    linkProcedures(ctx, bySection);
  }
  lastCorrectionProblems = applyCorrections(ctx, corrections);
  noteRemovedTails(ctx);

  // Every unit with an authority phrase: a record, a record below it, or a reason.
  const recordCitations = [...ctx.records.values()].map((r) => r.citation);
  for (const { node, article, parent } of authorityUnits(parsed)) {
    const key = citationKey(node.citation);
    if (ctx.covered.has(key) || ctx.excluded.has(key)) continue;
    if (recordCitations.some((c) => within(c, node.citation))) continue;
    if (scope && (node.citation.annex !== null ? !scope.annexes : article !== null && !scope.inScope(article))) {
      ctx.excluded.set(key, { citation: node.citation, reason: scope.reason });
      continue;
    }
    const reason = autoReason(node, article, parent);
    if (reason) ctx.excluded.set(key, { citation: node.citation, reason });
  }

  const records = [...ctx.records.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const unresolved: Array<{ citation: Citation; text: string }> = [];
  for (const r of records) {
    if (!findProvision(parsed, r.citation)) unresolved.push({ citation: r.citation, text: `Bản ghi ${r.id}` });
    const src = ctx.sourceText.get(r.id) ?? '';
    for (const m of src.matchAll(/(?:khoản (\d+) )?Điều (\d+) (?:của )?Nghị định này/gu)) {
      const cit: Citation = { ...r.citation, annex: null, article: Number(m[2]), clause: m[1] ? Number(m[1]) : null, point: null };
      if (!findProvision(parsed, cit)) unresolved.push({ citation: cit, text: `Dẫn chiếu trong ${r.id}: ${m[0]}` });
    }
  }
  const excluded = [...ctx.excluded.values()].sort((a, b) =>
    citationKey(a.citation) < citationKey(b.citation) ? -1 : citationKey(a.citation) > citationKey(b.citation) ? 1 : a.reason.localeCompare(b.reason),
  );
  return {
    document: doc.number,
    source: { file: doc.file ?? '', sha256: parsed.sha256 },
    records,
    excluded,
    unresolvedCitations: unresolved,
  };
}

export { sameCitation };
