/**
 * The portal's procedures that no power carries out (search/portal.ts): their own labelled rows, second-hand,
 * at most 'medium', never above a power that holds the question's words as well; the powers' ranking is the
 * same with or without them. Real data: the register and data/national-procedures.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearchIndex, runSearch, type SearchEngine } from '../../../electron/core/search';
import { attachPortalRecords, isPortalHit, PORTAL_LABEL, type PortalRecord } from '../../../electron/core/search/portal';
import { citationKey } from '../../../electron/core/kb/citation-key';
import { gatherInputs } from '../../../electron/core/kb/inputs';
import { toSearchDocs } from '../../../electron/core/kb/search-docs';
import { linkProcedures } from '../../../electron/core/procedures/link';
import { REPO_ROOT, SOURCES_DIR } from './register-docs';

const DAY = '2026-03-15';
let withPortal: SearchEngine;
let without: SearchEngine;
let unlinked: PortalRecord[];

beforeAll(async () => {
  // The links as the KB build makes them (kb/build.ts): the register's own search names each portal record's power.
  const inputs = await gatherInputs({ dataDir: join(REPO_ROOT, 'data'), sources: existsSync(SOURCES_DIR) ? [SOURCES_DIR] : [] });
  const provisions = new Map(inputs.provisions.map((p) => [citationKey(p.citation), p]));
  const documents = new Map(inputs.documents.map((d) => [d.number, d]));
  const first = buildSearchIndex(toSearchDocs(inputs.records, provisions, documents));
  const withText = new Set(inputs.documents.filter((d) => d.textLoaded).map((d) => d.number));
  const report = linkProcedures(first, inputs.nationalProcedures, withText, new Set(inputs.documents.map((d) => d.number)));
  const byRecord = new Map<string, string[]>();
  for (const l of report.links) byRecord.set(l.recordId, [...(byRecord.get(l.recordId) ?? []), l.code]);
  for (const r of inputs.records) if (byRecord.has(r.id)) r.nationalProcedures = byRecord.get(r.id);
  const names = new Map(inputs.nationalProcedures.map((p) => [p.code, { code: p.code, name: p.name }]));
  const docs = toSearchDocs(inputs.records, provisions, documents, names);
  const portal = inputs.nationalProcedures as unknown as PortalRecord[];
  const linked = new Set(report.links.map((l) => l.code));
  unlinked = portal.filter((p) => !linked.has(p.code));
  withPortal = buildSearchIndex(docs);
  without = buildSearchIndex(docs);
  attachPortalRecords(withPortal, () => portal);
}, 120_000);

/** Every n-th unlinked record: a spread over ministries, bounded. */
const sample = (n: number) => unlinked.filter((_p, i) => i % n === 0);

describe('portal records linked to no power', () => {
  it('a portal name that only an unlinked record answers returns that row, labelled, at most medium', () => {
    let found = 0;
    for (const p of sample(7)) {
      const r = runSearch(withPortal, { q: p.name, date: DAY, limit: 10 });
      const powersSure = r.hits.filter((h) => !isPortalHit(h) && h.confidence !== 'low');
      if (powersSure.length > 0) continue; // a power answers as well: the portal row may come after it
      const row = r.hits.find((h) => h.id === `dvc:${p.code}`);
      if (!row) continue; // another portal name holds the words too and ranks first
      found++;
      expect(r.hits.indexOf(row), p.name).toBeLessThan(3);
      expect(row.kind).toBe('portal');
      expect(row.status.label).toBe(PORTAL_LABEL);
      expect(row.sourceStatus).toBe('second-hand');
      expect(row.confidence).not.toBe('high');
      expect(row.portal?.code).toBe(p.code);
      expect(row.portal?.basis).toEqual(p.basis ?? []);
      expect(row.timeLimit).toBe(p.timeLimit ?? null);
      // A basis decree without text is said so.
      if ((row.portal?.basisWithoutText.length ?? 0) > 0) expect(row.portal?.basisNote).toMatch(/chưa có văn bản/u);
    }
    expect(found).toBeGreaterThan(20);
  });

  it('never above a power that holds the question\'s words, never said high, and the powers rank as without them', () => {
    for (const p of sample(11)) {
      const q = p.name.split(/[\s,;()]+/u).slice(0, 4).join(' ');
      const r = runSearch(withPortal, { q, date: DAY, limit: 20 });
      const plain = runSearch(without, { q, date: DAY, limit: 20 });
      const powers = r.hits.filter((h) => !isPortalHit(h));
      expect(powers.map((h) => h.id), q).toEqual(plain.hits.slice(0, powers.length).map((h) => h.id));
      const firstPortal = r.hits.findIndex(isPortalHit);
      if (firstPortal < 0) continue;
      expect(r.hits.slice(firstPortal).some((h) => !isPortalHit(h) && h.confidence !== 'low'), q).toBe(false);
      for (const h of r.hits.filter(isPortalHit)) expect(h.confidence, q).toBe('medium');
    }
  });

  it('offered only on a day whose best answer is in force and whose cited texts have a provision in force', () => {
    let shownToday = 0;
    for (const p of unlinked.slice(0, 300)) {
      const today = runSearch(withPortal, { q: p.name, date: DAY, limit: 10 });
      if (today.hits.some(isPortalHit)) shownToday++;
      // After the batch's term (01/3/2027) and before the reform, no portal row: the portal is a snapshot of the reform's period.
      for (const day of ['2027-03-02', '2025-06-01']) {
        const r = runSearch(withPortal, { q: p.name, date: day, limit: 10 });
        const first = r.hits[0];
        if (first && first.status.code !== 'hieu-luc' && first.status.code !== 'da-sua-doi') expect(r.hits.some(isPortalHit), `${p.code} ${day}`).toBe(false);
      }
    }
    expect(shownToday).toBeGreaterThan(50);
  });

  it('a name linked to a power is not a row of its own: it shows under its power', () => {
    const byCode = new Map(JSON.parse(readFileSync(join(REPO_ROOT, 'data/national-procedures.json'), 'utf8')).map((p: PortalRecord) => [p.code, p]));
    const linkedCodes = [...new Set(withPortal.docs.flatMap((d) => d.record.nationalProcedures ?? []))].slice(0, 40);
    expect(linkedCodes.length).toBeGreaterThan(0);
    for (const code of linkedCodes) {
      const p = byCode.get(code) as PortalRecord | undefined;
      if (!p) continue;
      const r = runSearch(withPortal, { q: p.name, date: DAY, limit: 20 });
      expect(r.hits.some((h) => h.id === `dvc:${code}`), p.name).toBe(false);
    }
  });
});
