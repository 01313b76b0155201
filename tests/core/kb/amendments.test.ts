import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyAmendments, readAmendments } from '../../../electron/core/kb/amendments';
import { dataDir } from '../../../electron/core/paths';
import type { AuthorityRecord, DocumentInfo } from '../../../electron/core/model';
import { buildTempKb, HAS_SOURCES, ROOT } from './kb-fixture';

const rec = (document: string, article: number): AuthorityRecord =>
  ({ id: `${document}-${article}`, citation: { document, article, clause: null, point: null, annex: null } }) as AuthorityRecord;

describe('amendments', () => {
  it('reads the curated list and refuses a malformed one with a Vietnamese message', () => {
    expect(readAmendments(dataDir(ROOT)).length).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'amend-'));
    writeFileSync(join(dir, 'amendments.json'), JSON.stringify([{ document: '151/2025/NĐ-CP' }]));
    expect(() => readAmendments(dir)).toThrow(/thiếu document, note hoặc verified/);
  });

  it('cautions every record of a wholly amended decree, and only the article named otherwise', () => {
    const amendments = [
      { document: 'A', by: 'X', effective: null, article: null, verified: false, note: 'cả văn bản', source: 's' },
      { document: 'B', by: null, effective: null, article: 23, verified: false, note: 'điều 23', source: 's' },
    ];
    const docs = [{ number: 'A' }, { number: 'B' }, { number: 'C' }] as DocumentInfo[];
    const out = applyAmendments(amendments, [rec('A', 1), rec('B', 23), rec('B', 4), rec('C', 1)], docs);
    expect(out.records.map((r) => r.caution ?? null)).toEqual(['cả văn bản', 'điều 23', null, null]);
    expect(out.documents.map((d) => d.amendments?.length ?? 0)).toEqual([1, 1, 0]);
  });
});

describe.skipIf(!HAS_SOURCES)('amendments in the built KB', () => {
  it('a report whose act is loaded gives way to the act: 151/2025 answers carry their timeline, not the 226 caution', async () => {
    const { kb } = await buildTempKb();
    const land = kb.search({ q: 'lam so do lan dau', limit: 5, date: '2025-10-01' }).hits.find((h) => h.citation.document === '151/2025/NĐ-CP')!;
    expect(land.caution ?? '').not.toContain('226/2025/NĐ-CP');
    expect(kb.getRecord(land.id)!.document.amendments ?? []).toEqual([]);
    expect(kb.search({ q: 'dang ky khai sinh', limit: 1 }).hits[0]!.caution).toBeNull();
    // The report of 140 Điều 23 (its act not loaded) still cautions.
    expect(kb.allRecords().filter((r) => r.citation.document === '140/2025/NĐ-CP' && r.citation.article === 23).every((r) => r.caution)).toBe(true);
  });
});
