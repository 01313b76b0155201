/**
 * Which power each annex procedure implements, and where it stands on the timeline.
 * By the texts first: the register's own links (a power that already lists a procedure record of this
 * section), an amending act pointing a power's clause at the section (226/2025 Điều 7), the body sending
 * a procedure to the section ("… thực hiện theo quy định tại mục I Phụ lục I …"). Else the power of the
 * same decree whose words the procedure's name carries, its decider weighing in (name-match.ts, marked
 * for checking). Else the deciding clause of the section itself, a power of the register too ("Bộ trưởng
 * … ban hành quyết định giải quyết tranh chấp", 151 Phụ lục I Phần VIII mục II khoản 5).
 * Most of 151 Phụ lục I is repealed from 31/01/2026: its procedures carry that, like any provision.
 */
import type { AuthorityRecord, ProcedureStep, Provision, RecordTimeline } from '../model';
import type { Change } from '../legal/changes';
import type { ProcedureRecord } from '../legal/procedures';
import { type ActDates, recordTimeline, viDate } from '../legal/timeline';
import { formatCitation } from '../model';
import { within } from '../legal/extract';
import { bestByName, nameOverlap } from './name-match';
import { pointedByBody, romanSection } from './section-pointer';

export interface LinkedAnnexProcedure extends ProcedureRecord {
  /** Power records (articles) it implements. */
  implements: string[];
  /**
   * How: the texts link them (register links, an amending act's pointer), only the procedure's name matched
   * (check), or the decree gives the acting body no power and the act that repealed the section now does
   * ('later-act': the power is the later act's, from its date).
   */
  linkedBy: 'text' | 'name' | 'later-act' | null;
  /** Why a 'later-act' link, in Vietnamese, with the later act's citation and its date. */
  linkNote?: string;
  timeline: RecordTimeline;
  /** Each step on the timeline: a repeal may spare some items of a section (151 Phụ lục I: khoản 1 Mục XVI nội dung C Phần V). */
  steps: Array<ProcedureStep & { timeline: RecordTimeline }>;
}

/** "Mục V Phần III Phụ lục I", "mục I phần III Phụ lục I", "khoản 1 Mục VII nội dung C Phần V Phụ lục I" → a section's units. */
const SECTION_MENTION = /(?:khoản \d+ )?[Mm]ục ([IVXLC]+) (?:(?:nội dung|phần) ([A-H]) )?[Pp]hần ([IVXLC]+) Phụ lục ([IVXLC]+)/gu;

function sectionKey(muc: string, noiDung: string | undefined, phan: string, annex: string): string {
  return [annex, phan.toUpperCase(), (noiDung ?? '').toLowerCase(), muc.toUpperCase()].join('|');
}

function keyOfCitation(annex: string): string | null {
  const m = /mục ([IVXLC]+) (?:phần ([A-H]) )?Phần ([IVXLC]+) Phụ lục ([IVXLC]+)/u.exec(annex);
  return m ? sectionKey(m[1]!, m[2], m[3]!, m[4]!) : null;
}

/**
 * Where an amending act rewrote a power's clause to point at an annex section ("… theo Mục V Phần III
 * Phụ lục I Nghị định số 151/2025/NĐ-CP", 226/2025 Điều 7 khoản 6), that power implements that procedure.
 */
function pointedBy(changes: Change[], records: AuthorityRecord[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of changes) {
    if (c.op !== 'phrase' || !c.text || c.address.annex !== undefined) continue;
    for (const m of c.text.matchAll(SECTION_MENTION)) {
      const key = `${c.document}#${sectionKey(m[1]!, m[2], m[3]!, m[4]!)}`;
      const at = records.filter(
        (r) =>
          r.citation.document === c.document &&
          r.citation.annex === null &&
          String(r.citation.article) === c.address.article &&
          (c.address.clause === undefined || String(r.citation.clause) === c.address.clause) &&
          (c.address.point === undefined || r.citation.point === c.address.point),
      );
      out.set(key, [...(out.get(key) ?? []), ...at.map((r) => r.id)]);
    }
  }
  return out;
}

/**
 * Several articles sending their procedures to one section ("… theo quy định tại mục 1 Phụ lục VI", 144 Điều
 * 34–37, a section holding four procedures): the article whose power's title holds this procedure's name best.
 */
function narrowed(p: ProcedureRecord, ids: string[], records: AuthorityRecord[]): string[] {
  const recs = ids.map((id) => records.find((r) => r.id === id)!).filter(Boolean);
  if (new Set(recs.map((r) => r.citation.article)).size <= 1) return ids;
  const score = new Map<number | null, number>();
  for (const r of recs) score.set(r.citation.article, Math.max(score.get(r.citation.article) ?? 0, nameOverlap(p.name, r).recall));
  const top = Math.max(...score.values());
  return recs.filter((r) => score.get(r.citation.article) === top).map((r) => r.id);
}

const LAW_REF = /khoản \d+ Điều \d+ (?:Luật [A-ZĐ][^\s,;.]*(?: [a-zđ][^\s,;.]*)?|Nghị định số \d+\/\d{4}\/NĐ-CP)/gu;

function sharedReference(p: ProcedureRecord, provisions: Provision[], powers: AuthorityRecord[]): string[] {
  const refs = new Set<string>();
  for (const pr of provisions) if (pr.citation.annex && within(pr.citation, p.citation)) for (const m of pr.text.matchAll(LAW_REF)) refs.add(m[0]);
  const hits = powers.filter((r) => (r.refersTo ?? []).some((ref) => [...refs].some((x) => ref.startsWith(x))));
  const deciding = hits.filter((r) => r.role === 'quyet-dinh');
  return (deciding.length ? deciding : hits).map((r) => r.id);
}

/**
 * The body that carries the procedure out: named in every step, and the one that receives the file when a
 * receiver is said (151 Phần V C mục IV, XVI: the land registry; "Chủ tịch Ủy ban nhân dân các cấp chỉ đạo …"
 * in one step of mục IV is a side case, not the actor). None when no single body runs through all steps.
 */
function actingBody(p: ProcedureRecord): string | null {
  if (p.steps.length === 0) return null;
  const named = p.steps.map((s) => new Set(s.bodies.map((b) => b.toLowerCase())));
  const inAll = [...named[0]!].filter((b) => named.every((n) => n.has(b)));
  const receiver = p.receiver?.toLowerCase();
  if (receiver) return inAll.includes(receiver) ? receiver : null;
  return inAll.length === 1 ? inAll[0]! : null;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** A later act's power picked by name among the one body's powers: the holder is fixed by the text, so less of the name need match. */
const LATER_ACT_NAME_MIN = 0.4;

/**
 * A procedure no power of its decree covers, carried out by one body (actingBody), whose section a later act
 * repealed: the power of that act held by that body whose title holds the name (151 Phần V C mục IV
 * "đăng ký đất đai lần đầu … được giao để quản lý" → điểm c khoản 2 Điều 14 Nghị định 49/2026, the
 * Văn phòng đăng ký đất đai). Before that act the body acted under the Land Law, which is no text here.
 */
function laterActPower(p: ProcedureRecord, timeline: RecordTimeline, changes: Change[], records: AuthorityRecord[]): { ids: string[]; note: string } | null {
  const body = actingBody(p);
  if (!body || timeline.endKind !== 'repealed' || !timeline.endedBy) return null;
  const repeal = changes.find((c) => c.op === 'repeal' && formatCitation(c.by) === timeline.endedBy);
  if (!repeal) return null;
  const powers = records.filter((r) => r.citation.document === repeal.by.document && r.citation.annex === null && r.role !== 'bai-bo' && r.holder.toLowerCase() === body);
  const best = bestByName(p.name, null, powers, LATER_ACT_NAME_MIN);
  if (!best) return null;
  const r = records.find((x) => x.id === best.id)!;
  const note = `Nghị định ${p.document} không giao thẩm quyền này cho ${r.holder} (cơ quan thực hiện thủ tục); từ ${viDate(timeline.to!)} thẩm quyền theo ${lowerFirst(formatCitation(r.citation))}, văn bản đã bãi bỏ mục này (${lowerFirst(timeline.endedBy)})`;
  return { ids: [r.id], note };
}

/** "Trình tự, thủ tục thực hiện quy định tại Phụ lục XI ban hành kèm theo Nghị định này" (146 Điều 37 khoản 6): a whole annex sent to one article. */
const WHOLE_ANNEX = /Trình tự, thủ tục[^.;]*?(?:theo|tại) (?:quy định tại )?Phụ lục ([IVXLC]+) (?:ban hành )?kèm theo Nghị định này/gu;

/** A clause of the article the body sends the annex to holds less of the name than a free match needs: the article is the text's. */
const SENT_ARTICLE_NAME_MIN = 0.4;

/** document#"Phụ lục XI" → the powers of the article whose provision sends the whole annex there. */
function wholeAnnexSentBy(provisions: Provision[], records: AuthorityRecord[]): Map<string, AuthorityRecord[]> {
  const out = new Map<string, AuthorityRecord[]>();
  for (const pr of provisions) {
    if (pr.citation.annex !== null || pr.citation.article == null || !pr.text.includes('Phụ lục')) continue;
    for (const m of pr.text.matchAll(WHOLE_ANNEX)) {
      const powers = records.filter((r) => r.citation.document === pr.citation.document && r.citation.annex === null && r.citation.article === pr.citation.article && r.role !== 'bai-bo');
      const key = `${pr.citation.document}#Phụ lục ${m[1]}`;
      out.set(key, [...new Set([...(out.get(key) ?? []), ...powers])]);
    }
  }
  return out;
}

export function linkAnnexProcedures(
  procedures: ProcedureRecord[],
  records: AuthorityRecord[],
  changes: Change[],
  dates: ReadonlyMap<string, ActDates>,
  provisions: Provision[] = [],
): LinkedAnnexProcedure[] {
  const pointed = pointedBy(changes, records);
  const fromBody = pointedByBody(provisions, records);
  const sentWhole = wholeAnnexSentBy(provisions, records);
  const powersOf = new Map<string, AuthorityRecord[]>();
  // Powers a procedure can implement: the body's records (a "Không …" abolition implements nothing).
  for (const r of records) if (r.citation.annex === null && r.role !== 'bai-bo') powersOf.set(r.citation.document, [...(powersOf.get(r.citation.document) ?? []), r]);
  return procedures.map((p) => {
    const timeline = recordTimeline({ citation: p.citation } as AuthorityRecord, changes, dates);
    const steps = p.steps.map((st) => ({ ...st, timeline: recordTimeline({ citation: st.citation } as AuthorityRecord, changes, dates) }));
    const inSection = records.filter((r) => r.citation.annex && within(r.citation, p.citation));
    const inSectionIds = new Set(inSection.map((r) => r.id));
    // The body's own sentence sending this procedure to its section is the most precise link; the register's
    // links of an article may span several sections (144 Điều 6 and 21 both list Phụ lục I mục 1 and 2).
    const sent = narrowed(p, p.citation.annex ? (fromBody.get(`${p.document}#${romanSection(p.citation.annex)}`) ?? []) : [], records);
    const implementsIds = sent.length ? [...sent] : records.filter((r) => r.citation.annex === null && r.procedures.some((id) => inSectionIds.has(id))).map((r) => r.id);
    const key = p.citation.annex ? keyOfCitation(p.citation.annex) : null;
    if (key) implementsIds.push(...(pointed.get(`${p.document}#${key}`) ?? []));
    let linkedBy: LinkedAnnexProcedure['linkedBy'] = implementsIds.length > 0 ? 'text' : null;
    // The section's own deciding clause names who decides; a name match under another holder is not taken over it.
    const deciding = inSection.filter((r) => r.role === 'quyet-dinh');
    if (implementsIds.length === 0) {
      const best = bestByName(p.name, p.decider, powersOf.get(p.document) ?? []);
      const holder = best ? records.find((r) => r.id === best.id)!.holder.toLowerCase() : null;
      if (best && (deciding.length === 0 || deciding.some((r) => r.holder.toLowerCase() === holder))) {
        implementsIds.push(best.id, ...deciding.map((r) => r.id));
        linkedBy = 'name';
      } else if (deciding.length) {
        implementsIds.push(...deciding.map((r) => r.id));
        linkedBy = 'text';
      } else if (inSection.length) {
        // No deciding clause, no power by name: the bodies the section itself charges (a step of the register).
        implementsIds.push(...inSection.map((r) => r.id));
        linkedBy = 'text';
      }
    }
    if (implementsIds.length === 0 && p.citation.annex) {
      // The body sends the whole annex to one article (146 Điều 37 khoản 6 → Phụ lục XI): of that article's powers,
      // the one whose task the procedure's name holds (mục V, VI "gia hạn", "thay đổi, bổ sung phạm vi chỉ định
      // cơ sở kiểm nghiệm kiểm chứng" → khoản 3 "chỉ định … cơ sở kiểm nghiệm kiểm chứng").
      const annex = /Phụ lục [IVXLC]+$/u.exec(p.citation.annex)?.[0];
      const best = annex ? bestByName(p.name, p.decider, sentWhole.get(`${p.document}#${annex}`) ?? [], SENT_ARTICLE_NAME_MIN) : null;
      if (best) {
        implementsIds.push(best.id);
        linkedBy = 'text';
      }
    }
    if (implementsIds.length === 0) {
      // Last, by the law both cite: the section applies "khoản 6 Điều 141 Luật Đất đai", a power of the body is given under it.
      const ids = sharedReference(p, provisions, powersOf.get(p.document) ?? []);
      implementsIds.push(...ids);
      if (ids.length) linkedBy = 'text';
    }
    let linkNote: string | undefined;
    if (implementsIds.length === 0) {
      const later = laterActPower(p, timeline, changes, records);
      if (later) {
        implementsIds.push(...later.ids);
        linkedBy = 'later-act';
        linkNote = later.note;
      }
    }
    return { ...p, steps, implements: [...new Set(implementsIds)].sort(), linkedBy, ...(linkNote ? { linkNote } : {}), timeline };
  });
}
