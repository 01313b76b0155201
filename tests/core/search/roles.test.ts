/**
 * One answer per provision (roles.ts): the holders of one clause by role are one row, the deciding one
 * first; versions over time stay apart (the repealed one right under the one in force, superseded).
 * On the real register; the provisions are found in the data, never named by id.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../electron/api/contract';
import { buildSearchIndex, runSearch, type SearchDoc, type SearchEngine } from '../../../electron/core/search';
import { formatCitation } from '../../../electron/core/model';
import { fixture, type Fixture } from './fixture';
import { registerCorpus } from './register-docs';

let f: Fixture;
beforeAll(async () => {
  f = await fixture();
});

const key = (d: SearchDoc) => `${formatCitation(d.record.citation)}|${d.record.province ?? ''}`;

function provisions(docs: SearchDoc[]): Map<string, SearchDoc[]> {
  const out = new Map<string, SearchDoc[]>();
  for (const d of docs) out.set(key(d), [...(out.get(key(d)) ?? []), d]);
  return out;
}

describe('the holders of one provision are one answer', () => {
  it('a clause naming who decides and who receives answers the receiving task in one row, the decider first', () => {
    const both = [...provisions(f.docs).values()].filter((ds) => ds.some((d) => d.record.role === 'quyet-dinh') && ds.some((d) => d.record.role === 'tiep-nhan'));
    expect(both.length).toBeGreaterThan(0);
    for (const ds of both) {
      const receiving = ds.find((d) => d.record.role === 'tiep-nhan') as SearchDoc;
      const hits = f.search(receiving.record.title, { limit: 20 }).hits;
      const rows = hits.filter((h) => ds.some((d) => d.record.id === h.id || h.roles?.some((r) => r.id === d.record.id)));
      expect(rows.length, receiving.record.title).toBe(1);
      const roles = (rows[0] as SearchHit).roles ?? [];
      expect(new Set(roles.map((r) => r.id))).toEqual(new Set(ds.map((d) => d.record.id)));
      expect(roles[0]?.role).toBe('quyet-dinh');
      expect(roles.filter((r) => r.main).map((r) => r.id)).toEqual([rows[0]?.id]);
    }
  });

  it('no two rows of an answer cite the same provision when both apply on the day', () => {
    for (const q of ['tiếp nhận hồ sơ', 'phê duyệt kế hoạch', 'cấp giấy phép', 'đăng ký hộ tịch', 'thẩm định dự án']) {
      const hits = f.search(q, { limit: 50 }).hits.filter((h) => h.status.code === 'hieu-luc');
      const cited = hits.map((h) => `${h.citationText}|${h.province ?? ''}`);
      expect(new Set(cited).size, q).toBe(cited.length);
      // A row's roles list holders in order: the deciding ones before those who receive, coordinate or are responsible.
      for (const h of hits) {
        const order = (h.roles ?? []).map((r) => ['quyet-dinh', 'tiep-nhan', 'phoi-hop', 'trach-nhiem', 'bai-bo'].indexOf(r.role));
        expect(order, h.id).toEqual([...order].sort((a, b) => a - b));
      }
    }
  });

  it('roles are grouped only in the one-per-power answer: the build\'s linking reads every record as its own row', () => {
    const q = 'tiếp nhận hồ sơ';
    const plain = runSearch(f.engine, { q, limit: 50, date: '2025-10-01' }, { onePerPower: false }).hits;
    expect(plain.every((h) => h.roles === undefined)).toBe(true);
  });
});

describe('versions over time stay apart', () => {
  let all: SearchEngine;
  let docs: SearchDoc[];
  beforeAll(async () => {
    docs = (await registerCorpus({ acts: 'all' })).docs;
    all = buildSearchIndex(docs);
  });

  it('a later act\'s provision with several holders is one row, and the version it repealed follows it, superseded', () => {
    const byId = new Map(docs.map((d) => [d.record.id, d]));
    const groups = provisions(docs);
    // Successors whose provision names several holders, and that took over a record of an earlier act.
    const cases = docs.filter((d) => (d.record.replaces ?? []).length > 0 && (groups.get(key(d))?.length ?? 0) > 1);
    expect(cases.length).toBeGreaterThan(0);
    let checked = 0;
    let followed = 0;
    for (const d of cases) {
      const old = byId.get(d.record.replaces?.[0] as string) as SearchDoc;
      const day = d.record.timeline?.from as string;
      const hits = runSearch(all, { q: old.record.title, limit: 20, date: day }).hits;
      const at = hits.findIndex((h) => h.id === d.record.id || h.roles?.some((r) => r.id === d.record.id));
      if (at < 0) continue;
      checked++;
      const row = hits[at] as SearchHit;
      // Every holder of the successor's provision that applies that day is in the row.
      expect(hits.filter((h) => groups.get(key(d))?.some((g) => g.record.id === h.id)).length).toBe(1);
      const oldAt = hits.findIndex((h) => h.id === old.record.id);
      if (oldAt >= 0) {
        followed++;
        expect(hits[oldAt]?.status.code).not.toBe('hieu-luc');
        expect(hits[oldAt]?.supersededBy.length).toBeGreaterThan(0);
        // Right under a row in force that took it over.
        const above = hits[oldAt - 1] as SearchHit;
        const ids = new Set([above.id, ...(above.roles ?? []).map((r) => r.id)]);
        expect(hits[oldAt]?.supersededBy.some((id) => ids.has(id)), old.record.id).toBe(true);
        expect(above.supersedes).toBe(old.record.id);
      }
      expect(row.status.code).toBe('hieu-luc');
    }
    expect(checked).toBeGreaterThan(0);
    expect(followed).toBeGreaterThan(0);
  });
});
