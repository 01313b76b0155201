/**
 * Every procedure of 151 Phụ lục I is linked to the power it implements, on real data: a power of 151 where
 * the texts (or the name) give one, else the power of the later act that repealed the section and now holds
 * the acting body's task (49/2026); each with its status on the day, a repeal's spared items in force.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureKb } from '../../../electron/core/kb/ensure';
import { type KnowledgeBase, openKnowledgeBase } from '../../../electron/core/kb/open';
import { formatCitation } from '../../../electron/core/model';
import { inForce, statusOn } from '../../../electron/core/legal/timeline';
import { hasSources } from '../legal/sources';

const DAY = '2026-12-02';

describe.skipIf(!hasSources)('151 Phụ lục I procedures linked to their powers', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    const { kbPath } = await ensureKb({});
    kb = openKnowledgeBase({ kbPath });
  }, 120_000);

  const annexI = () => kb.annexProceduresOn(DAY, '151/2025/NĐ-CP').filter((p) => / Phụ lục I$/u.test(p.citation.annex ?? ''));

  it('every procedure of 151 Phụ lục I implements a power record of the KB', () => {
    const procs = annexI();
    expect(procs.length).toBeGreaterThanOrEqual(44);
    const unlinked = procs.filter((p) => p.implements.length === 0 || p.implements.some((id) => !kb.recordById(id)));
    expect(unlinked.map((p) => p.citationText)).toEqual([]);
    for (const p of procs) expect(p.linkedBy).not.toBeNull();
  });

  it('a later act\'s power is the acting body\'s own, in force on the day, and the note cites it and the repeal', () => {
    const later = annexI().filter((p) => p.linkedBy === 'later-act');
    expect(later.length).toBeGreaterThan(0);
    for (const p of later) {
      // The section ended by a repeal; the power starts no later than that and is the later act's.
      expect(p.status.code).toBe('bai-bo');
      for (const id of p.implements) {
        const r = kb.recordById(id)!;
        expect(r.citation.document).not.toBe(p.document);
        expect(r.act).not.toBe('batch');
        expect(statusOn(r.timeline!, DAY)).toMatch(/hieu-luc|da-sua-doi/u);
        expect(r.timeline!.from <= p.status.to!).toBe(true);
        // The holder carries it out: named in every step, and receives the file when a receiver is said.
        for (const s of p.steps) expect(s.bodies.map((b) => b.toLowerCase())).toContain(r.holder.toLowerCase());
        if (p.receiver) expect(p.receiver.toLowerCase()).toBe(r.holder.toLowerCase());
        expect(p.linkNote!.toLowerCase()).toContain(formatCitation(r.citation).toLowerCase());
        expect(p.linkNote!.toLowerCase()).toContain(p.status.endedBy!.toLowerCase());
      }
    }
  });

  it('each step has its own place on the timeline: a repeal\'s spared item stays in force (khoản 1 Mục XVI nội dung C Phần V)', () => {
    const steps = annexI().flatMap((p) => p.steps.map((s) => ({ p, s })));
    for (const { s } of steps) expect(s.timeline).toBeDefined();
    const xvi = steps.filter(({ s }) => s.citation.annex === 'mục XVI phần C Phần V Phụ lục I');
    expect(xvi.length).toBeGreaterThan(1);
    for (const { s } of xvi) expect(inForce(statusOn(s.timeline!, DAY))).toBe(s.n === 1);
    // A step outlives its section only where the repeal spares it: never the other way round.
    for (const { p, s } of steps) if (inForce(p.status.code)) expect(inForce(statusOn(s.timeline!, DAY))).toBe(true);
  });
});

describe.skipIf(!hasSources)('an annex the body sends whole to one article (146 Điều 37 khoản 6 → Phụ lục XI)', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    const { kbPath } = await ensureKb({});
    kb = openKnowledgeBase({ kbPath });
  }, 120_000);

  it('mục V, VI (renewing, changing the scope of a designated verification laboratory) implement khoản 3, the designation power', () => {
    const procs = kb.annexProceduresOn(DAY, '146/2025/NĐ-CP');
    for (const annex of ['mục V Phụ lục XI', 'mục VI Phụ lục XI']) {
      const p = procs.find((x) => x.citation.annex === annex)!;
      expect(p.name).toMatch(/CƠ SỞ KIỂM NGHIỆM KIỂM CHỨNG/u);
      expect(p.linkedBy).toBe('text');
      expect(p.implements).toEqual(['146-d37-k3-ubnd-tinh-quyet-dinh']);
      expect(kb.recordById(p.implements[0]!)!.holder).toBe('Ủy ban nhân dân cấp tỉnh');
    }
  });
});
