/**
 * The decree reader's API on the real knowledge base: every provision in text order, the
 * records beside the provision they cite, the wording and its status on the day.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { citationKeyFallbacks } from '../../../electron/core/kb/citation-key';
import { ensureKb } from '../../../electron/core/kb/ensure';
import { type KnowledgeBase, openKnowledgeBase } from '../../../electron/core/kb/open';
import { anchorOf } from '../../../renderer/src/lib/anchor';
import { HAS_SOURCES } from './kb-fixture';

describe.skipIf(!HAS_SOURCES)('getDocument', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    const { kbPath } = await ensureKb({});
    kb = openKnowledgeBase({ kbPath });
  }, 120_000);

  it('lists each record of a decree with text once, beside a provision of that decree that it cites', () => {
    for (const doc of kb.listDocuments().filter((d) => d.textLoaded)) {
      const d = kb.getDocument(doc.number)!;
      expect(d.nodes.length).toBeGreaterThan(0);
      const placed = d.nodes.flatMap((n) => n.records.map((h) => ({ id: h.id, node: n })));
      expect(new Set(placed.map((p) => p.id)).size).toBe(placed.length);
      for (const { id, node } of placed) {
        const r = kb.recordById(id)!;
        expect(r.citation.document).toBe(doc.number);
        expect(citationKeyFallbacks(r.citation)).toContain(citationKeyFallbacks(node.citation)[0]);
      }
      // Every record whose provision is loaded is placed.
      const withProvision = kb.allRecords().filter((r) => r.citation.document === doc.number && kb.provisionFor(r));
      expect(placed.length).toBe(withProvision.length);
    }
  });

  it('gives every provision its own anchor for a URL', () => {
    for (const doc of kb.listDocuments().filter((d) => d.textLoaded)) {
      const anchors = kb.getDocument(doc.number)!.nodes.map((n) => anchorOf(n.citation));
      expect(new Set(anchors).size, doc.number).toBe(anchors.length);
    }
  });

  it('keeps a clause to its own words when its points follow as provisions', () => {
    const nodes = kb.getDocument('151/2025/NĐ-CP')!.nodes;
    const clause = nodes.find((n) => n.citation.article === 10 && n.citation.clause === 3 && !n.citation.point)!;
    const pointA = nodes.find((n) => n.citation.article === 10 && n.citation.clause === 3 && n.citation.point === 'a')!;
    expect(clause.text).toMatch(/^3\. /u);
    expect(clause.text).not.toContain(pointA.text.slice(0, 30));
    expect(kb.provisionFor(kb.recordById('151-d10-k1-ubnd-xa-quyet-dinh')!)!.text.length).toBeGreaterThan(0);
  });

  it('reads the wording on the day: 151 Điều 10 in force in October 2025, repealed by 49/2026 in 2026', () => {
    const at = (date: string) => kb.getDocument('151/2025/NĐ-CP', date)!.nodes.find((n) => n.citation.article === 10 && n.citation.clause === 1)!;
    expect(at('2025-10-01').statusNote).toBeNull();
    expect(at('2025-10-01').records.every((h) => h.status.code === 'hieu-luc')).toBe(true);
    expect(at('2026-06-01').statusNote).toMatch(/bãi bỏ.*49\/2026\/NĐ-CP/u);
    expect(at('2026-06-01').records.every((h) => h.status.code === 'bai-bo')).toBe(true);
    expect(at('2026-06-01').text).toBe(at('2025-10-01').text);
  });

  it('answers null for an unknown number and an empty outline for a decree without its text', () => {
    expect(kb.getDocument('999/2099/NĐ-CP')).toBeNull();
    const missing = kb.listDocuments().find((d) => !d.textLoaded);
    if (missing) expect(kb.getDocument(missing.number)!.nodes).toEqual([]);
  });
});
