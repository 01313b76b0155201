import { cpSync, existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiHandlers } from '../../../electron/api/handlers';
import type { KnowledgeBase } from '../../../electron/core/kb/open';
import { openKnowledgeBase } from '../../../electron/core/kb/open';
import { buildKb } from '../../../electron/core/kb/build';
import { readCatalogue } from '../../../electron/core/legal/catalogue';
import { dataDir } from '../../../electron/core/paths';
import { UserDb } from '../../../electron/core/user/user-db';
import { fold } from '../../../electron/core/text/normalize';
import { namesHolder } from '../../../electron/core/legal/text';
import { buildTempKb, HAS_SOURCES, ROOT, SOURCES } from './kb-fixture';

describe.skipIf(!HAS_SOURCES)('knowledge base built from data/ and the real texts', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    ({ kb } = await buildTempKb());
  });

  it('knows every decree of the catalogue and which texts are loaded', () => {
    const catalogue = readCatalogue(dataDir(ROOT));
    const docs = kb.listDocuments();
    expect(docs.map((d) => d.number).sort()).toEqual(catalogue.map((c) => c.number).sort());
    const texts = ['decrees', 'amending', 'provincial']
      .map((d) => (existsSync(join(SOURCES!, d)) ? readdirSync(join(SOURCES!, d)).filter((f) => f.endsWith('.txt')).length : 0))
      .reduce((a, b) => a + b, 0);
    expect(docs.filter((d) => d.textLoaded)).toHaveLength(texts);
    expect(docs.filter((d) => d.actKind && d.actKind !== 'batch').map((d) => d.number).sort()).toEqual(
      ['207/2026/NĐ-CP', '217/2026/NĐ-CP', '226/2025/NĐ-CP', '26/2026/NĐ-CP', '40/2026/QĐ-UBND', '49/2026/NĐ-CP'],
    );
    // A decree without text is still there, honestly marked.
    expect(docs.some((d) => !d.textLoaded)).toBe(true);
  });

  it('answers "dang ky khai sinh" with the commune People\'s Committee under Điều 4 of 120/2025', () => {
    const res = kb.search({ q: 'dang ky khai sinh', limit: 10 });
    const top = res.hits.slice(0, 5);
    const hit = top.find((h) => h.citation.document === '120/2025/NĐ-CP' && h.citation.article === 4);
    expect(hit).toBeDefined();
    expect(hit!.holder).toBe('Ủy ban nhân dân cấp xã');
    expect(hit!.citationText).toBe('Điều 4 Nghị định 120/2025/NĐ-CP');
  });

  it('opens a record with its clause text, which names the holder', () => {
    const hit = kb.search({ q: 'đăng ký khai sinh', limit: 1 }).hits[0]!;
    const detail = kb.getRecord(hit.id)!;
    expect(detail.provision).not.toBeNull();
    expect(fold(detail.provision!.text)).toContain(fold(detail.record.holder));
    expect(detail.document.number).toBe(detail.record.citation.document);
    expect(detail.document.validity.from).toBe('2025-07-01');
  });

  it('every record of a decree with text resolves to a provision containing its holder', () => {
    const loaded = new Set(kb.listDocuments().filter((d) => d.textLoaded).map((d) => d.number));
    const bad = kb
      .allRecords()
      .filter((r) => loaded.has(r.citation.document) && r.sourceStatus === 'verified')
      .filter((r) => {
        const p = kb.provisionFor(r);
        const readableOf = (x: typeof p) => (x ? [x.heading ?? '', ...(x.leadIn ?? []), x.text].join(' ') : '');
        // matchForm repairs glued words and elliptic levels ("cấp tỉnh, cấp xã") for matching only; a point naming
        // "the bodies of points a, b and c" names its holder there.
        return !namesHolder(r.holder, readableOf(p), r.citation.point, (point) => readableOf(kb.provisionFor({ ...r, citation: { ...r.citation, point } })));
      })
      .map((r) => r.id);
    expect(bad).toEqual([]);
  });

  it('counts records by sector and level consistently', () => {
    const s = kb.stats();
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(s.bySector)).toBe(s.records);
    expect(sum(s.byLevel)).toBe(s.records);
    expect(Object.keys(s.byLevel).every((l) => ['xa', 'tinh', 'trung-uong'].includes(l))).toBe(true);
  });
});

describe('knowledge base without the texts', () => {
  it('still answers from data/ and says the clause text is not loaded', async () => {
    const { kb } = await buildTempKb([]);
    expect(kb.listDocuments().every((d) => !d.textLoaded)).toBe(true);
    const hit = kb.search({ q: 'đăng ký khai sinh', limit: 5 }).hits[0];
    expect(hit).toBeDefined();
    expect(kb.getRecord(hit!.id)!.provision).toBeNull();
  });
});

describe.skipIf(!HAS_SOURCES)('new texts need no code change', () => {
  it('extracts a decree whose register is not in data/ yet, straight from its text', async () => {
    const data = mkdtempSync(join(tmpdir(), 'data-'));
    cpSync(dataDir(ROOT), data, { recursive: true });
    const registerFile = readdirSync(join(data, 'register')).find((f) => f.startsWith('139-'))!;
    rmSync(join(data, 'register', registerFile));
    const texts = mkdtempSync(join(tmpdir(), 'texts-'));
    mkdirSync(join(texts, 'nested'));
    cpSync(join(SOURCES!, 'decrees', '139-2025-ND-CP.txt'), join(texts, 'nested', 'any-name.txt'));
    const { kb } = await buildTempKb([texts], data);
    const records = kb.allRecords().filter((r) => r.citation.document === '139/2025/NĐ-CP');
    expect(records.length).toBeGreaterThan(0);
    expect(kb.listDocuments().find((d) => d.number === '139/2025/NĐ-CP')!.textLoaded).toBe(true);
  });
});

describe.skipIf(!HAS_SOURCES)('user data survives a knowledge-base update', () => {
  it('keeps bookmarks and notes when the KB file is rebuilt', async () => {
    const { kb, kbPath } = await buildTempKb();
    const user = UserDb.open(join(mkdtempSync(join(tmpdir(), 'user-')), 'user.sqlite'));
    const id = kb.search({ q: 'khai sinh', limit: 1 }).hits[0]!.id;
    await createApiHandlers(kb, user).saveBookmark({ recordId: id, note: 'ghi chú' });
    await buildKb({ kbPath, dataDir: dataDir(ROOT), sources: [SOURCES!] });
    const marks = await createApiHandlers(openKnowledgeBase({ kbPath }), user).listBookmarks({});
    expect(marks).toEqual([expect.objectContaining({ recordId: id, note: 'ghi chú', hit: expect.objectContaining({ id }) })]);
    user.close();
  });
});
