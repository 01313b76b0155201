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
import type { AuthorityRecord, Provision, RecordTimeline } from '../model';
import type { Change } from '../legal/changes';
import type { ProcedureRecord } from '../legal/procedures';
import { type ActDates, recordTimeline } from '../legal/timeline';
import { within } from '../legal/extract';
import { bestByName, nameOverlap } from './name-match';
import { pointedByBody, romanSection } from './section-pointer';

export interface LinkedAnnexProcedure extends ProcedureRecord {
  /** Power records (articles) it implements. */
  implements: string[];
  /** How: the texts link them (register links, an amending act's pointer), or only the procedure's name matched (check). */
  linkedBy: 'text' | 'name' | null;
  timeline: RecordTimeline;
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

export function linkAnnexProcedures(
  procedures: ProcedureRecord[],
  records: AuthorityRecord[],
  changes: Change[],
  dates: ReadonlyMap<string, ActDates>,
  provisions: Provision[] = [],
): LinkedAnnexProcedure[] {
  const pointed = pointedBy(changes, records);
  const fromBody = pointedByBody(provisions, records);
  const powersOf = new Map<string, AuthorityRecord[]>();
  // Powers a procedure can implement: the body's records (a "Không …" abolition implements nothing).
  for (const r of records) if (r.citation.annex === null && r.role !== 'bai-bo') powersOf.set(r.citation.document, [...(powersOf.get(r.citation.document) ?? []), r]);
  return procedures.map((p) => {
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
    if (implementsIds.length === 0) {
      // Last, by the law both cite: the section applies "khoản 6 Điều 141 Luật Đất đai", a power of the body is given under it.
      const ids = sharedReference(p, provisions, powersOf.get(p.document) ?? []);
      implementsIds.push(...ids);
      if (ids.length) linkedBy = 'text';
    }
    const timeline = recordTimeline({ citation: p.citation } as AuthorityRecord, changes, dates);
    return { ...p, implements: [...new Set(implementsIds)].sort(), linkedBy, timeline };
  });
}
