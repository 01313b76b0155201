/**
 * Annex procedures as data: every "Trình tự, thủ tục …" section of a decree's annexes becomes a
 * procedure record — its name, its steps (each numbered item, with the bodies that act in it), who
 * receives the file, who decides, its time limit — cited to annex, part, section. Which power it
 * implements is decided at KB build (the register's own links, else the power its name describes).
 */
import type { Citation, ProcedureRecord, ProcedureStep } from '../model';

export type { ProcedureRecord, ProcedureStep };
import { formatCitation } from '../model';
import { holderMentions, levelOf } from './holders';
import { type LegalNode, type ParsedDecree, fullText } from './structure';
import { clip, matchForm, sentenceCase } from './text';
import { timeLimit } from './titles';

/** Sections that set out a procedure; dossier lists, reception rules and time tables are not procedures. */
const PROCEDURE_HEADING = /trình tự|thủ tục|^(?:đăng ký|giải quyết|hủy|cấp|điều chỉnh)/iu;
const NOT_PROCEDURE = /^(?:hồ sơ|tiếp nhận hồ sơ|thời gian|mẫu|danh mục)/iu;
// "nộp đơn … tại Ủy ban nhân dân cấp xã" (151 Phụ lục I Phần III mục V); "gửi 01 bộ hồ sơ gồm … đến Ủy ban nhân dân cấp tỉnh" (144 Phụ lục I Mục 1).
const RECEIVES = /nộp (?:\S+ ){0,4}(?:hồ sơ|đơn)|gửi (?:\S+ ){0,3}hồ sơ (?:gồm [^.;]{0,300}? )?(?:đến|tới|cho)|gửi kiến nghị [^.;]{0,80}?(?:đến|tới)|tiếp nhận(?:, kiểm tra)? hồ sơ/giu;
/** "Tiếp nhận hồ sơ và trả kết quả" (151 Phụ lục I Phần V nội dung A): who receives for every procedure of the part. */
const RECEPTION_HEADING = /^tiếp nhận hồ sơ/iu;
// "ban hành kèm theo" names a form and "cấp Giấy tiếp nhận hồ sơ" a receipt, never a decision; "cấp sửa đổi, bổ
// sung giấy phép", "cấp lại", "cấp xác nhận" decide.
const DECIDES =
  /(?:ký |ban hành )?(?:quyết định|phê duyệt|cấp (?:sửa đổi, bổ sung |sửa đổi |bổ sung |lại |mới )?(?:giấy|Giấy|xác nhận)(?! tiếp nhận)|chấp thuận|công nhận|ban hành(?! kèm theo))/u;
/**
 * A body's decision the step only dates itself from is not the step's own: "Trong thời gian … kể từ ngày Chủ tịch …
 * quyết định giá đất cụ thể, cơ quan … gửi kết quả … về Bộ …" (151 Phụ lục I Phần IV mục III khoản 12). Only
 * when a body (a capital) follows: "kể từ ngày nhận đủ hồ sơ, Ủy ban nhân dân … cấp …" dates the step's own decision.
 */
const DATED_FROM = /(?:kể từ ngày|kể từ khi|sau khi)\s+(?:có\s+)?\p{Lu}[^,;.]{0,120}?(?:quyết định|phê duyệt|ban hành|chấp thuận|công nhận)/gu;

function slug(c: Citation): string {
  const a = c.annex ?? '';
  const parts = [/Phụ lục ([IVXLC\d]+)/u.exec(a)?.[1], /Phần ([IVXLC]+)/u.exec(a)?.[1], /phần ([A-H])/u.exec(a)?.[1], /mục ([IVXLC]+|\d+)/u.exec(a)?.[1]];
  return ['pl', ...parts.map((p) => (p ?? '').toLowerCase())].filter((p, i) => i === 0 || p).join('-');
}

function docSlug(number: string): string {
  const m = /^(\d+)\/(\d{4})/u.exec(number);
  return m ? (m[2] === '2025' ? m[1]! : `${m[1]}-${m[2]}`) : number;
}

/** Bodies named in a text, kept once, district bodies left out (abolished). */
function bodiesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of holderMentions(matchForm(text))) if (levelOf(m.holder) !== 'huyen' && !out.includes(m.holder)) out.push(m.holder);
  return out;
}

/** The first body named after where the step says the file is filed or received. */
function receiverOf(steps: Array<ProcedureStep & { text: string }>): string | null {
  for (const s of steps) {
    // A step that files without saying where ("nộp hồ sơ theo quy định") is received by the one body it names; one that
    // names a place outside the vocabulary ("đến cơ quan có chức năng quản lý đất đai cấp có thẩm quyền") is not.
    let unplaced = false;
    for (const m of s.text.matchAll(RECEIVES)) {
      // Only the sentence or point that says where the file goes: in 151 Phụ lục I Phần III the file goes "cho cơ quan
      // tiếp nhận hồ sơ và trả kết quả quy định tại … Nghị định số 102/2024/NĐ-CP;", and the chairman who decides, or the
      // land registry that updates the records, named points later, receives nothing.
      const rest = s.text.slice(m.index);
      // A sentence ends at ";" or ". ", not at a part's letter ("… Mục 2 Phần I của “B. HỒ SƠ …” đến Văn phòng …").
      const end = rest.search(/;|(?<![\s“"(]\p{Lu})\.(?:\s|$)/u);
      const sentence = end >= 0 ? rest.slice(0, end) : rest;
      const body = holderMentions(sentence).map((x) => x.holder).find((h) => levelOf(h) !== 'huyen');
      if (body) return body;
      if (!/\s(?:đến|tới|tại|cho)\s/u.test(sentence)) unplaced = true;
    }
    if (unplaced && s.bodies.length === 1) return s.bodies[0]!;
  }
  return null;
}

/** How far a decision verb may stand from the body it belongs to ("Chủ tịch … cấp tỉnh xem xét, ban hành quyết định"). */
const SUBJECT_GAP = 80;

/**
 * Words that name a decision without deciding anything in the step: a passive "đã được cấp Giấy chứng nhận" (146 Phụ lục XI
 * mục VIII, the facilities that hold one), a filing "về việc làm thủ tục cấp Giấy chứng nhận" (151 Phụ lục I Phần V C mục VI,
 * XI: the commune posts the notice), a dossier's copy in brackets "(… quyết định miễn nhiệm … do Bộ trưởng Bộ Tư pháp ban
 * hành)" (121 Phụ lục VI mục III), the unit named by what it issues "cơ quan, đơn vị cấp giấy chứng nhận hy sinh" (129 Phụ lục I mục I).
 */
const NOT_A_DECISION = /\([^()]*\)|(?:đã được|đã|được) (?=quyết định|phê duyệt|cấp|chấp thuận|công nhận|ban hành)\S+|về việc làm thủ tục (?=cấp|công nhận)\S+|(?<=đơn vị |cơ quan )cấp(?= giấy chứng nhận hy sinh)/gu;

/**
 * The body that decides, in the last step with a decision verb: the subject of its last decision verb ("X … cấp Giấy
 * phép", "trình X phê duyệt"). In 151 Phụ lục I Phần III the land registry that updates the records is named last, after
 * "Chủ tịch … cấp có thẩm quyền … ban hành quyết định": it decides nothing. A body after "của" is no subject ("theo đề nghị
 * của Sở Tư pháp … hoặc tự mình quyết định", 121 Phụ lục VI mục II: the chairman decides). Otherwise null: "who decides"
 * unknown is said as such, never guessed.
 */
function deciderOf(steps: Array<{ text: string; bodies: string[] }>): string | null {
  const blank = (t: string) => t.replace(DATED_FROM, (m) => ' '.repeat(m.length)).replace(NOT_A_DECISION, (m) => ' '.repeat(m.length));
  const verbs = (text: string) => [...blank(text).matchAll(new RegExp(DECIDES.source, 'gu'))].map((v) => v.index ?? 0);
  const subjects = (text: string) => {
    const mentions = holderMentions(text).filter((m) => levelOf(m.holder) !== 'huyen' && !/đề nghị của $/u.test(text.slice(Math.max(0, m.start - 14), m.start)));
    return verbs(text)
      .map((at) => mentions.filter((m) => m.end <= at && at - m.end <= SUBJECT_GAP && !/[.;:]/u.test(text.slice(m.end, at))).pop()?.holder)
      .filter((h): h is string => !!h);
  };
  const deciding = [...steps].reverse().find((s) => DECIDES.test(blank(s.text)) && s.bodies.length > 0);
  const last = deciding?.bodies[deciding.bodies.length - 1];
  return deciding && last && subjects(deciding.text).includes(last) ? last : null;
}

function procedureOf(parsed: ParsedDecree, sec: LegalNode, reception: Citation | null): ProcedureRecord {
  const items = sec.children.filter((c) => c.kind === 'item');
  // The wording is read here to find who receives and decides, then left out: data/ holds facts, not the text.
  const read = (items.length ? items : [sec]).map((it, i) => {
    const text = matchForm(fullText(it)).replace(/\s+/gu, ' ').trim();
    return { n: it.citation.clause ?? i + 1, citation: it.citation, bodies: bodiesIn(text), text };
  });
  const steps: ProcedureStep[] = read.map(({ n, citation, bodies }) => ({ n, citation, bodies }));

  return {
    id: `tt-${docSlug(parsed.number ?? '')}-${slug(sec.citation)}`,
    document: parsed.number ?? '',
    citation: sec.citation,
    name: clip(sentenceCase((sec.heading ?? formatCitation(sec.citation)).replace(/\s+/gu, ' ')), 200),
    steps,
    receiver: receiverOf(read),
    reception,
    receptionNote: null,
    decider: deciderOf(read),
    timeLimit: timeLimit(matchForm(fullText(sec))),
  };
}

/** Every procedure section of every annex of a decree. */
export function annexProcedures(parsed: ParsedDecree): ProcedureRecord[] {
  const out: ProcedureRecord[] = [];
  for (const annex of parsed.annexes) {
    const sections = annex.children.filter((c) => c.kind === 'section');
    // A reception rule written once for a part ("Phần V") applies to that part's procedures.
    const reception = new Map<string, Citation>();
    for (const sec of sections.filter((s) => RECEPTION_HEADING.test((s.heading ?? '').trim()))) {
      const first = sec.children.find((c) => c.kind === 'item');
      const part = /Phần [IVXLC]+/u.exec(sec.citation.annex ?? '')?.[0] ?? '';
      if (first) reception.set(part, first.citation);
    }
    for (const sec of sections) {
      const h = (sec.heading ?? '').trim();
      if (!PROCEDURE_HEADING.test(h) || NOT_PROCEDURE.test(h)) continue;
      const part = /Phần [IVXLC]+/u.exec(sec.citation.annex ?? '')?.[0] ?? '';
      out.push(procedureOf(parsed, sec, reception.get(part) ?? null));
    }
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The wording of the steps and of the reception rule, from the provisions of the text (KB build; absent without it). */
export function withProcedureTexts(p: ProcedureRecord, textOf: (c: Citation) => string | null): ProcedureRecord {
  const flat = (c: Citation) => {
    const t = textOf(c);
    return t ? matchForm(t).replace(/\s+/gu, ' ').trim() : null;
  };
  const reception = p.reception ? flat(p.reception) : null;
  const texts = p.steps.map((s) => flat(s.citation));
  // The first time a section states is often one step's ("trong thời hạn 15 ngày … các thành viên gửi ý kiến"): say whose.
  const stepAt = p.timeLimit && p.steps.length > 1 ? texts.findIndex((t) => t !== null && timeLimit(t) === p.timeLimit) : -1;
  return {
    ...p,
    steps: p.steps.map((s, i) => {
      const t = texts[i];
      return t ? { ...s, text: clip(t, 240) } : s;
    }),
    timeLimitStep: stepAt >= 0 ? p.steps[stepAt]!.n : null,
    receptionNote: reception && p.reception ? `${clip(reception, 220)} (${formatCitation(p.reception)})` : null,
  };
}
