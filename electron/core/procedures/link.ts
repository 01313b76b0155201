/**
 * Links national procedure records to the powers of the register, and cross-checks them.
 * A procedure is linked by what the portal itself says: its legal basis names a decree whose text we
 * have; within that decree, the register's own search finds the power its name describes, on the
 * portal's date (the law as it stood when the portal was collected). The link then says whether the
 * portal's level agrees with the register's holder on that day; a disagreement lists both citations.
 * A procedure citing a decree we have no text for is second-hand coverage of that decree.
 */
import type { AuthorityRecord, Level } from '../model';
import { LEVEL_LABELS, formatCitation } from '../model';
import { inForce, statusOn } from '../legal/timeline';
import type { SearchEngine } from '../search/engine';
import { runSearch } from '../search/run';
import { timelineOf } from '../search/on-day';
import type { NationalProcedure } from './portal';

/** The portal's procedure pages were collected around March 2026 (sources README). */
export const PORTAL_DATE = '2026-03-01';

export type Agreement = 'agree' | 'disagree';

export interface ProcedureLink {
  code: string;
  recordId: string;
  agreement: Agreement;
  /** Why, in Vietnamese (both sides named). */
  reason: string;
}

export interface LinkReport {
  date: string;
  links: ProcedureLink[];
  /** Procedures citing a decree we have no text for: second-hand coverage of it, by decree. */
  secondHand: Record<string, string[]>;
  /** Procedures citing a decree with text that no power of it matched. */
  unmatched: string[];
}

const LEVEL_NAMES: Record<Level, RegExp> = {
  xa: /cấp xã|xã, phường|ubnd xã|ủy ban nhân dân xã/iu,
  tinh: /cấp tỉnh|sở |tỉnh, thành phố|ubnd tỉnh|ủy ban nhân dân tỉnh/iu,
  'trung-uong': /^bộ |bộ trưởng|thủ tướng|chính phủ|cục /iu,
};

function agreement(p: NationalProcedure, r: AuthorityRecord): { agreement: Agreement; reason: string } {
  const cite = formatCitation(r.citation);
  const status = statusOn(timelineOf(r), PORTAL_DATE);
  if (!inForce(status))
    return { agreement: 'disagree', reason: `Ngày ${PORTAL_DATE.split('-').reverse().join('/')} quy định ${cite} không còn hiệu lực, cổng vẫn dẫn` };
  const levels = p.levels.length ? p.levels : (Object.keys(LEVEL_NAMES) as Level[]).filter((l) => LEVEL_NAMES[l].test(`${p.competentBody ?? ''} ${p.implementingBody ?? ''}`));
  const portal = levels.map((l) => LEVEL_LABELS[l]).join(', ') || 'không nêu cấp';
  if (levels.length === 0) return { agreement: 'disagree', reason: `Cổng không nêu cấp thực hiện; sổ đăng ký: ${r.holder} (${cite})` };
  if (levels.includes(r.level)) return { agreement: 'agree', reason: `Cổng: ${portal}; sổ đăng ký: ${r.holder} (${cite})` };
  return { agreement: 'disagree', reason: `Cổng: ${portal}${p.competentBody ? ` — ${p.competentBody}` : ''}; sổ đăng ký: ${r.holder}, ${LEVEL_LABELS[r.level].toLowerCase()} (${cite})` };
}

/**
 * Link every procedure. `withText` are the decrees (and later acts) whose text is loaded;
 * `known` every act of the catalogue.
 */
export function linkProcedures(engine: SearchEngine, procedures: NationalProcedure[], withText: ReadonlySet<string>, known: ReadonlySet<string>): LinkReport {
  const links: ProcedureLink[] = [];
  const secondHand: Record<string, string[]> = {};
  const unmatched: string[] = [];
  const wasCache = engine.useCache;
  engine.useCache = false; // thousands of one-off names must not evict the user's searches
  try {
    for (const p of procedures) {
      const cited = p.basis.filter((b) => known.has(b));
      if (cited.length === 0) continue;
      const loaded = cited.filter((b) => withText.has(b));
      for (const b of cited.filter((x) => !withText.has(x))) (secondHand[b] ??= []).push(p.code);
      if (loaded.length === 0) continue;
      const res = runSearch(engine, { q: p.name, filters: { document: loaded }, date: PORTAL_DATE, limit: 3 });
      const best = res.hits[0];
      const words = p.name.split(/\s+/u).length;
      // A match on fewer than half the name's words is a guess, not a link.
      if (!best || res.missingWords.length * 2 > words) {
        unmatched.push(p.code);
        continue;
      }
      const r = engine.docs.find((d) => d.record.id === best.id)!.record;
      links.push({ code: p.code, recordId: r.id, ...agreement(p, r) });
    }
  } finally {
    engine.useCache = wasCache;
  }
  return { date: PORTAL_DATE, links, secondHand, unmatched };
}
