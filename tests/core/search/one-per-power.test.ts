/**
 * One answer per power (issue 9, class 3 "Procedures outrank the power"), on the real register and the
 * real national procedure database: an annex procedure record and the article that assigns its power are
 * one row — the power, its procedures under it — and the national procedure records linked to the power
 * show under it without ever being scored. Expected records come from the data (`procedures` links).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../electron/api/contract';
import { citationKey } from '../../../electron/core/kb/citation-key';
import { gatherInputs } from '../../../electron/core/kb/inputs';
import { toSearchDocs } from '../../../electron/core/kb/search-docs';
import { linkProcedures } from '../../../electron/core/procedures/link';
import { buildSearchIndex, runSearch, type SearchDoc, type SearchEngine } from '../../../electron/core/search';
import { foldProcedures, powersOf } from '../../../electron/core/search/group';
import { BATCH_DAY } from './fixture';
import { REPO_ROOT, SOURCES_DIR } from './register-docs';

let engine: SearchEngine;
let docs: SearchDoc[];
/** The build's way: the register searched, national procedures linked to its powers, their names attached. */
let linked: SearchEngine;
let links: Array<{ code: string; recordId: string; name: string }>;

beforeAll(async () => {
  const inputs = await gatherInputs({ dataDir: join(REPO_ROOT, 'data'), sources: existsSync(SOURCES_DIR) ? [SOURCES_DIR] : [] });
  const provisions = new Map(inputs.provisions.map((p) => [citationKey(p.citation), p]));
  const documents = new Map(inputs.documents.map((d) => [d.number, d]));
  const batch = inputs.records.filter((r) => (r.act ?? 'batch') === 'batch');
  docs = toSearchDocs(batch, provisions, documents);
  engine = buildSearchIndex(docs);
  engine.useCache = false;
  const withText = new Set(inputs.documents.filter((d) => d.textLoaded).map((d) => d.number));
  const report = linkProcedures(engine, inputs.nationalProcedures, withText, new Set(inputs.documents.map((d) => d.number)));
  const byCode = new Map(inputs.nationalProcedures.map((p) => [p.code, p]));
  const records = batch.map((r) => ({ ...r, nationalProcedures: report.links.filter((l) => l.recordId === r.id).map((l) => l.code) }));
  linked = buildSearchIndex(toSearchDocs(records, provisions, documents, byCode));
  linked.useCache = false;
  links = report.links.map((l) => ({ code: l.code, recordId: l.recordId, name: byCode.get(l.code)?.name ?? '' }));
}, 240_000);

const isAnnex = (id: string) => docs.find((d) => d.record.id === id)?.record.citation.article == null;

/** Annex procedure records some article lists, with those articles. */
function listedProcedures(): Array<{ proc: SearchDoc; powers: Set<string> }> {
  const out = new Map<string, { proc: SearchDoc; powers: Set<string> }>();
  for (const d of docs) {
    if (d.record.citation.article == null) continue;
    for (const pid of d.record.procedures ?? []) {
      const proc = docs.find((x) => x.record.id === pid);
      if (!proc || proc.record.citation.article != null) continue;
      const e = out.get(pid) ?? { proc, powers: new Set<string>() };
      e.powers.add(d.record.id);
      out.set(pid, e);
    }
  }
  return [...out.values()];
}

describe('one answer per power', () => {
  it('the register links annex procedures to the articles assigning their power (what the grouping rests on)', () => {
    expect(listedProcedures().length).toBeGreaterThanOrEqual(30);
    expect(powersOf(engine).size).toBe(listedProcedures().length);
  });

  it("asked by its own name, a procedure is never a row beside its power: its power's row carries it, matched, as high and as sure", () => {
    let asked = 0;
    for (const { proc, powers } of listedProcedures()) {
      const r = runSearch(engine, { q: proc.record.title, date: BATCH_DAY, limit: 20 });
      expect(r.hits.map((h) => h.id), proc.record.title).not.toContain(proc.record.id);
      // Where the procedure ranks when every record is its own row (a long title may not find it at all).
      const alone = runSearch(engine, { q: proc.record.title, date: BATCH_DAY, limit: 20 }, { onePerPower: false });
      const own = alone.hits.find((h) => h.id === proc.record.id);
      if (!own) continue;
      asked++;
      const row = r.hits.find((h) => (h.procedures ?? []).some((p) => p.kind === 'annex' && p.id === proc.record.id && p.matched));
      expect(row, proc.record.title).toBeDefined();
      expect(powers.has((row as SearchHit).id), `${proc.record.title}: ${row?.id}`).toBe(true);
      const sure = { high: 2, medium: 1, low: 0 };
      expect(sure[(row as SearchHit).confidence], proc.record.title).toBeGreaterThanOrEqual(sure[own.confidence]);
      expect(r.hits.indexOf(row as SearchHit), proc.record.title).toBeLessThanOrEqual(alone.hits.indexOf(own));
    }
    expect(asked / listedProcedures().length).toBeGreaterThan(0.7);
  });

  it('no record is listed twice in one answer, as a row or under one', () => {
    for (const { proc } of listedProcedures()) {
      for (const q of [proc.record.title, proc.record.title.split(' ').slice(1, 4).join(' ')]) {
        const r = runSearch(engine, { q, date: BATCH_DAY, limit: 50 });
        const rows = r.hits.map((h) => h.id);
        const under = r.hits.flatMap((h) => (h.procedures ?? []).filter((p) => p.kind === 'annex' && p.matched).map((p) => p.id));
        expect(new Set(rows).size, q).toBe(rows.length);
        expect(new Set(under).size, q).toBe(under.length);
        expect(rows.filter((id) => under.includes(id)), q).toEqual([]);
      }
    }
  });

  it('a procedure whose power cannot answer on the day stays its own row (nothing folds into an ended power)', () => {
    const ids = docs.map((_d, i) => i).filter((i) => powersOf(engine).has(i));
    const none = foldProcedures(engine, ids, ids.map(() => 1), () => false);
    expect(none.ids).toEqual(ids);
    expect(none.folded.size).toBe(0);
    const all = foldProcedures(engine, ids, ids.map(() => 1), () => true);
    expect(all.ids.some((i) => isAnnex((docs[i] as SearchDoc).record.id))).toBe(false);
  });
});

describe('national procedure records under their power', () => {
  it('asked by its name, a linked national procedure shows under its power, marked as the one asked', () => {
    expect(links.length).toBeGreaterThan(100);
    let found = 0;
    for (const l of links) {
      const r = runSearch(linked, { q: l.name, date: BATCH_DAY, limit: 5 });
      const row = r.hits.find((h) => h.id === l.recordId || (h.procedures ?? []).some((p) => p.kind === 'annex' && p.id === l.recordId));
      if (!row) continue;
      found++;
      const p = (row.procedures ?? []).find((x) => x.kind === 'national' && x.id === l.code);
      expect(p, `${l.code} ${l.name} under ${row.id}`).toBeDefined();
      expect(p?.matched, l.name).toBe(true);
    }
    expect(found / links.length).toBeGreaterThan(0.8);
  });

  it('their names are never scored: the ranking is the same with or without them (the procedure-name test cannot leak)', () => {
    for (const l of links.slice(0, 150)) {
      const a = runSearch(engine, { q: l.name, date: BATCH_DAY, limit: 10 }).hits.map((h) => [h.id, h.score]);
      const b = runSearch(linked, { q: l.name, date: BATCH_DAY, limit: 10 }).hits.map((h) => [h.id, h.score]);
      expect(b, l.name).toEqual(a);
    }
  });
});
