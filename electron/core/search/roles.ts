/**
 * One answer per provision: the records of one provision (same decree, article, clause, point, annex item)
 * are its holders by role — who decides, who receives the file, who coordinates, who is responsible — and
 * one answer, not rows competing. The row keeps the record that ranked first (its title, highlights,
 * confidence); `SearchHit.roles` lists every holder of the provision, the deciding one first. Only records
 * that answer on the day are grouped: a repealed version stays its own row, right under the row in force
 * that took it over (labelled superseded), and another province's records stay out.
 */
import { ROLE_LABELS, type Role } from '../model';
import type { HitRole } from '../results';
import type { SearchEngine } from './engine';
import type { SearchDoc } from './fields';

/** Decides first, then receives, coordinates, is responsible, no longer does it. */
const ROLE_ORDER: Record<Role, number> = { 'quyet-dinh': 0, 'tiep-nhan': 1, 'phoi-hop': 2, 'trach-nhiem': 3, 'bai-bo': 4 };

const provisionIndexes = new WeakMap<SearchEngine, Map<number, number[]>>();

/** Record position → positions of every record of its provision (only provisions with ≥ 2 records). */
export function provisionsOf(engine: SearchEngine): Map<number, number[]> {
  let ix = provisionIndexes.get(engine);
  if (!ix) {
    const byKey = new Map<string, number[]>();
    engine.docs.forEach((d, i) => {
      const c = d.record.citation;
      // The act and province too: a province's act citing the same numbers is another provision.
      const key = [c.document, c.article, c.clause, c.point, c.annex, d.record.province ?? ''].join('\u0000');
      const list = byKey.get(key);
      if (list) list.push(i);
      else byKey.set(key, [i]);
    });
    ix = new Map();
    for (const list of byKey.values()) if (list.length > 1) for (const i of list) ix.set(i, list);
    provisionIndexes.set(engine, ix);
  }
  return ix;
}

export interface RoleGrouped {
  ids: number[];
  scores: number[];
  /** Row → the other records of its provision folded into it (any order). */
  members: Map<number, number[]>;
}

/**
 * Folds the records of one provision into the first of them in the list. Records the question did not find
 * come in too (the clerk asks who receives, the answer also says who decides). An ended record that a folded
 * member took over moves right under the row, so the version it replaced still follows the one in force.
 */
export function foldRoles(engine: SearchEngine, ids: number[], scores: number[], eligible: (i: number) => boolean): RoleGrouped {
  const provisions = provisionsOf(engine);
  const inList = new Map<number, number>();
  ids.forEach((id, k) => inList.set(id, k));
  const out: number[] = [];
  const outScores: number[] = [];
  const placed = new Set<number>();
  const members = new Map<number, number[]>();
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k] as number;
    if (placed.has(id)) continue;
    out.push(id);
    outScores.push(scores[k] as number);
    placed.add(id);
    const all = provisions.get(id);
    if (!all || !eligible(id)) continue;
    const others = all.filter((j) => j !== id && !placed.has(j) && eligible(j));
    if (others.length === 0) continue;
    members.set(id, others);
    for (const j of others) placed.add(j);
    // The versions the members took over (ended, in the list) follow the row.
    for (const j of others) {
      for (const pid of (engine.docs[j] as SearchDoc).record.replaces ?? []) {
        const p = engine.positionOf.get(pid);
        if (p === undefined || placed.has(p) || eligible(p)) continue;
        const at = inList.get(p);
        if (at === undefined) continue;
        out.push(p);
        outScores.push(scores[at] as number);
        placed.add(p);
      }
    }
  }
  return { ids: out, scores: outScores, members };
}

/** The holders of a provision by role, the deciding one first; `main` is the row's own record. */
export function rolesOf(engine: SearchEngine, row: number, members: number[]): HitRole[] {
  const list = [row, ...members].map((i) => ({ i, r: (engine.docs[i] as SearchDoc).record }));
  list.sort((a, b) => ROLE_ORDER[a.r.role] - ROLE_ORDER[b.r.role] || (engine.idRank[a.i] as number) - (engine.idRank[b.i] as number));
  return list.map(({ i, r }) => ({
    id: r.id,
    role: r.role,
    roleLabel: ROLE_LABELS[r.role],
    holder: r.holder,
    level: r.level,
    title: r.title,
    main: i === row,
  }));
}
