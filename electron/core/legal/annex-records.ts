/**
 * Annex procedures as records: each "Trình tự, thủ tục …" section becomes a record held by its decider, cited to
 * the deciding clause; body records and procedures are linked both ways.
 */
import type { AuthorityRecord } from '../model';
import { walkUnits } from './authority-units';
import { holderOnlyLeadIn } from './assign';
import { casesOf, holderMentions, kindOf, levelOf } from './holders';
import { type Ctx, type Found, findAll, withNote } from './record';
import { recordId } from './record-ids';
import { type LegalNode, citationKey, fullText } from './structure';
import { refersTo, timeLimit, TITLE_MAX } from './titles';
import { capitalize, clip, matchForm, sentenceCase } from './text';

const PROCEDURE_HEADING = /thủ tục|trình tự/iu;
/** Verbs of the final decision of a procedure. */
const DECISIVE_VERB =
  /(?:cấp|quyết định|phê duyệt|xác nhận|trả lời|chấp thuận|công nhận|giải quyết|thu hồi|ban hành|cho phép|bổ nhiệm|miễn nhiệm|thuộc thẩm quyền)$/u;
/** Verbs that make a body the one deciding (or receiving, or answering for) a procedure. */
const PROCEDURE_VERB =
  /^(?:do … )?(?:cấp|quyết định|xem xét, quyết định|xem xét quyết định|xem xét,? ban hành|ra quyết định|phê duyệt|xem xét, phê duyệt|xác nhận|trả lời|chấp thuận|công nhận|tiếp nhận|tiếp nhận, giải quyết|tiếp nhận và giải quyết|giải quyết|thu hồi|ban hành|cho phép|bổ nhiệm|miễn nhiệm|thuộc thẩm quyền|có trách nhiệm|cấp lại|cấp giấy|cấp phép|thẩm định)$/u;

/**
 * "c) Văn phòng đăng ký đất đai thực hiện đo đạc …; chỉnh lý …; xác nhận thay đổi vào Giấy chứng nhận" (151 Phụ lục I Phần V
 * C mục IX, sample J 72): a body that carries out steps and then, after a semicolon, certifies or issues, decides.
 */
function thenDecides(f: Found): Found {
  if (f.a.verb !== 'thực hiện' || f.a.role !== 'quyet-dinh') return f;
  const rest = f.a.at >= 0 ? f.sentence.slice(f.a.at + f.a.holder.length) : f.sentence;
  const m = /;\s*(?:thực hiện(?: việc)? )?(xác nhận|cấp|cấp lại|cấp đổi|quyết định|phê duyệt|ban hành)(?= (?:thay đổi|Giấy|giấy|quyết định|phương án))/u.exec(rest);
  return m?.[1] ? { ...f, a: { ...f.a, verb: m[1] } } : f;
}

/** A point that starts with the decision itself ("d) Cấp Giấy chứng nhận …"). */
// "d) Chỉnh lý, cập nhật biến động …; cấp mới Giấy chứng nhận … hoặc xác nhận thay đổi …" (151 Phụ lục I Phần V C mục VI, sample
// L 24): the decision may follow the bookkeeping steps after a semicolon.
const POINT_DECIDES = /^(?:[a-zđ]\)\s*)?(?:[^;.]{0,200};\s*)?(Cấp|Quyết định|Phê duyệt|Ban hành|Công nhận|Cho phép|Chấp thuận|Xác nhận|cấp mới|cấp|quyết định|phê duyệt|xác nhận thay đổi)(?= )/u;

/** "3. Văn phòng đăng ký đất đai có trách nhiệm:", "3. Sở Nội vụ:": the one body a lead-in gives its points to. */
function leadInHolder(parent: LegalNode | null): string | null {
  if (!parent) return null;
  const t = matchForm(parent.ownText).trim();
  if (!/:$/u.test(t)) return null;
  const only = holderOnlyLeadIn(t);
  if (only) return only;
  const m = /^(?:\d+\.\s*|[a-zđ]\)\s*)?(.+?) (?:có trách nhiệm|thực hiện)(?: như sau| các công việc sau(?: đây)?)?:$/u.exec(t);
  const mentions = m?.[1] ? holderMentions(m[1]) : [];
  return mentions.length === 1 && mentions[0]!.start === 0 && mentions[0]!.end === m![1]!.length ? mentions[0]!.holder : null;
}

function procedureTitle(heading: string): string {
  const t = sentenceCase(heading.replace(/\s*\(\s*ĐIỀU \d+ NGHỊ ĐỊNH\)\s*$/u, '').replace(/\s*\($/u, '')).replace(/^Trình tự,\s*(?:xem xét\s*)?/iu, '').replace(/\s+/g, ' ');
  return clip(capitalize(t.charAt(0) === t.charAt(0).toUpperCase() ? t : t), TITLE_MAX);
}

/** Each procedure in an annex (a "mục" titled "Trình tự, thủ tục …") becomes a record held by its decider. */
export function extractProcedures(ctx: Ctx): Map<string, string[]> {
  const bySection = new Map<string, string[]>();
  const sections: LegalNode[] = [];
  for (const annex of ctx.parsed.annexes) {
    const secs = annex.children.filter((c) => c.kind === 'section');
    if (secs.length > 0) sections.push(...secs.filter((s) => PROCEDURE_HEADING.test(s.heading ?? '')));
    else if (PROCEDURE_HEADING.test(annex.heading ?? '') && annex.children.some((c) => c.kind === 'item')) sections.push(annex);
  }
  for (const sec of sections) {
    const units: Array<{ n: LegalNode; parent: LegalNode | null }> = [];
    walkUnits(sec.children, null, (n, _a, parent) => units.push({ n, parent }));
    // The decider is the last decisive step (file → appraisal → decision); else who receives; else who answers for it.
    const steps = units.flatMap(({ n, parent }) => {
      const found = findAll(n.ownText)
        .map((f) => thenDecides(f))
        .filter((x) => levelOf(x.a.holder) !== 'huyen' && PROCEDURE_VERB.test(x.a.verb))
        .map((f) => ({ node: n, f }));
      if (found.length > 0) return found;
      // "3. Văn phòng đăng ký đất đai có trách nhiệm: … d) Cấp Giấy chứng nhận …" (151 Phụ lục I Phần V C mục X, sample
      // I 62): a point without a subject under a lead-in naming one body decides for that body when it starts with a decision.
      const holder = leadInHolder(parent);
      const verb = holder ? POINT_DECIDES.exec(matchForm(n.ownText))?.[1]?.toLowerCase() : undefined;
      if (!holder || !verb || levelOf(holder) === null || levelOf(holder) === 'huyen') return [];
      return [{ node: n, f: { a: { holder, role: 'quyet-dinh' as const, formerHolder: null, at: -1, verb }, sentence: matchForm(n.ownText) } }];
    });
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
    const all = [chosen, ...decisive.filter((x) => x.node === chosen.node && x.f.a.holder !== chosen.f.a.holder && x.f.a.indirect === chosen.f.a.indirect)];
    // "… Chủ tịch Ủy ban nhân dân cấp có thẩm quyền … phê duyệt …; do Chủ tịch Ủy ban nhân dân cấp xã phê duyệt đối với …; do
    // Chủ tịch Ủy ban nhân dân cấp tỉnh phê duyệt đối với …" (151 Phụ lục I Phần VII mục VI khoản 3): where the clause names
    // the levels itself, the holder fixed by case adds nothing.
    const named = all.filter((x) => !casesOf(x.f.a.holder));
    const deciders = named.length > 0 ? named : all;
    for (const { node, f } of deciders) {
    const level = levelOf(f.a.holder);
    if (level === null || level === 'huyen') continue;
    const limit = timeLimit(matchForm(fullText(node))) ?? timeLimit(matchForm(fullText(sec)));
    const title = procedureTitle(sec.heading ?? sec.citation.annex ?? 'Thủ tục');
    // A decider fixed by case ("Chủ tịch Ủy ban nhân dân cấp có thẩm quyền") is one record per case, titled with it.
    const targets = casesOf(f.a.holder)?.map((c) => ({ level: c.level, kind: c.kind, idHolder: c.idName, title: withNote(title, c.note) })) ?? [
      { level, kind: kindOf(f.a.holder), idHolder: f.a.holder, title },
    ];
    for (const t of targets) {
    const id = recordId(node.citation, t.idHolder, f.a.role);
    ctx.records.set(id, {
      id,
      title: t.title,
      holder: f.a.holder,
      level: t.level,
      holderKind: t.kind,
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
  }
  return bySection;
}

/** Body records point to the annex procedures that implement them, and back. */
export function linkProcedures(ctx: Ctx, bySection: Map<string, string[]>): void {
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
      for (const m of text.matchAll(/((?:khoản \d+ )?Điều (\d+)) (?:của )?Nghị định này/gu)) {
        // A drafting slip: the same address the procedure cites of another decree ("khoản 1 Điều 16 Nghị định
        // số 63/2011/NĐ-CP" … "khoản 1 Điều 16 Nghị định này", 121 Phụ lục II mục X) is that decree's.
        if (text.includes(`${m[1]} Nghị định số `) || text.includes(`${m[1]} của Nghị định số `)) continue;
        link(Number(m[2]), [id]);
      }
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
