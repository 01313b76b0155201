/**
 * Which power each annex procedure implements, and where it stands on the timeline.
 * First the register's own links (a power that already lists a procedure record of this section);
 * else the power of the same decree whose words the procedure's name carries, found by the
 * register's search on the day the decree took effect. Most of 151 Phụ lục I is repealed from
 * 31/01/2026: its procedures carry that, like any provision.
 */
import type { AuthorityRecord, RecordTimeline } from '../model';
import type { Change } from '../legal/changes';
import type { ProcedureRecord } from '../legal/procedures';
import { type ActDates, recordTimeline } from '../legal/timeline';
import { within } from '../legal/extract';
import type { SearchEngine } from '../search/engine';
import { runSearch } from '../search/run';

export interface LinkedAnnexProcedure extends ProcedureRecord {
  /** Power records (articles) it implements. */
  implements: string[];
  /** How: the texts link them (register links, an amending act's pointer), or only the procedure's name matched (check). */
  linkedBy: 'text' | 'name' | null;
  timeline: RecordTimeline;
}

/** "Trình tự, thủ tục giao đất …" → "giao đất …": the words that name the task. */
function taskWords(name: string): string {
  return name.replace(/^(?:Trình tự,?\s*(?:thủ tục)?|Thủ tục|Trình tự)\s*/iu, '').trim();
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

export function linkAnnexProcedures(
  engine: SearchEngine,
  procedures: ProcedureRecord[],
  records: AuthorityRecord[],
  changes: Change[],
  dates: ReadonlyMap<string, ActDates>,
): LinkedAnnexProcedure[] {
  const wasCache = engine.useCache;
  engine.useCache = false;
  const pointed = pointedBy(changes, records);
  try {
    return procedures.map((p) => {
      const inSection = new Set(records.filter((r) => r.citation.annex && within(r.citation, p.citation)).map((r) => r.id));
      let implementsIds = records.filter((r) => r.citation.annex === null && r.procedures.some((id) => inSection.has(id))).map((r) => r.id);
      const key = p.citation.annex ? keyOfCitation(p.citation.annex) : null;
      if (key) implementsIds.push(...(pointed.get(`${p.document}#${key}`) ?? []));
      let linkedBy: LinkedAnnexProcedure['linkedBy'] = implementsIds.length > 0 ? 'text' : null;
      if (implementsIds.length === 0) {
        const q = taskWords(p.name);
        const day = dates.get(p.document)?.from ?? '2025-07-01';
        const res = runSearch(engine, { q, filters: { document: [p.document] }, date: day, limit: 10 });
        const words = q.split(/\s+/u).length;
        const best = res.hits.find((h) => h.citation.annex === null);
        // A name matched on three quarters of its words, at least: a looser match would hang a procedure under the wrong power.
        if (best && res.missingWords.length * 4 <= words) {
          implementsIds = [best.id];
          linkedBy = 'name';
        }
      }
      const timeline = recordTimeline({ citation: p.citation } as AuthorityRecord, changes, dates);
      return { ...p, implements: [...new Set(implementsIds)].sort(), linkedBy, timeline };
    });
  } finally {
    engine.useCache = wasCache;
  }
}
