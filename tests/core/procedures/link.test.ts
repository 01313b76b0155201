/**
 * The national procedure database linked to the register and cross-checked, in the real KB:
 * counts add up, every disagreement names both sides, the answer card gets the portal's time limit.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureKb } from '../../../electron/core/kb/ensure';
import { type KnowledgeBase, openKnowledgeBase } from '../../../electron/core/kb/open';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasSources, SOURCES } from '../legal/sources';
import { inForce, statusOn } from '../../../electron/core/legal/timeline';
import { PORTAL_DATE } from '../../../electron/core/procedures/link';
import { LEVEL_LABELS } from '../../../electron/core/model';

describe.skipIf(!hasSources)('national procedures in the KB', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    const { kbPath } = await ensureKb({});
    kb = openKnowledgeBase({ kbPath });
  }, 120_000);

  it('crosscheck: every link agrees or disagrees, each disagreement with both citations', () => {
    const c = kb.crosscheck();
    expect(c.loaded).toBe(2642);
    expect(c.linked).toBeGreaterThan(200);
    expect(c.agree + c.disagree).toBe(c.linked);
    expect(c.agree).toBeGreaterThan(c.disagree);
    for (const d of c.disagreements) {
      expect(d.code).toMatch(/^\d+\.\d+$/u);
      expect(d.citationText).toMatch(/(Nghị định|Quyết định) \d+\/\d{4}/u);
      expect(d.reason).toMatch(/Cổng|cổng/u);
    }
    // Each disagreement says what it means, and every link shows both sides.
    expect(Object.values(c.byKind).reduce((a, b) => a + b, 0)).toBe(c.disagree);
    for (const d of c.disagreements) expect(Object.keys(c.kindLabels)).toContain(d.kind);
    expect(c.links).toHaveLength(c.linked);
    for (const l of c.links) {
      expect(l.citationText).toMatch(/(Nghị định|Quyết định) \d+\/\d{4}/u);
      expect(l.portalBasis.length).toBeGreaterThan(0);
      // A "Không …" record is no power a procedure carries out.
      expect(kb.recordById(l.recordId)!.role).not.toBe('bai-bo');
    }
    // "Cổng dẫn quy định đã hết hiệu lực": the register's provision was repealed before the portal's date.
    for (const d of c.disagreements.filter((x) => x.kind === 'het-hieu-luc')) expect(d.reason).toMatch(/không còn hiệu lực|đã bãi bỏ từ/u);
    // The portal's commune-level registration is the commune chairman's point (49/2026 Điều 14 khoản 2 điểm b), not the province's sister point a.
    const commune = c.links.find((l) => l.code === '1.013978')!;
    expect(commune.agreement).toBe('agree');
    expect(commune.citationText).toMatch(/^Điểm b khoản 2 Điều 14 Nghị định 49\/2026/u);
    // "Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân cấp tỉnh" is not the commune chairman's
    // power: it goes to the province's case of 151 Phụ lục I Phần VIII's «Chủ tịch Ủy ban nhân dân cấp có thẩm quyền».
    const dispute = c.links.find((l) => l.code === '1.012805')!;
    expect(kb.recordById(dispute.recordId)!.level).toBe('tinh');
    expect(dispute.agreement).toBe('agree');
    // Decrees we have no text for are covered second-hand by the portal.
    expect(Object.keys(c.secondHand).sort()).toEqual(['122/2025/NĐ-CP', '131/2025/NĐ-CP', '136/2025/NĐ-CP', '145/2025/NĐ-CP']);
  });

  it('a portal procedure citing a repealed provision goes to the power in force that took it over, still reported with both citations', () => {
    const c = kb.crosscheck();
    const repealed = c.links.filter((l) => l.kind === 'het-hieu-luc');
    expect(repealed.length).toBeGreaterThan(0);
    for (const l of c.links) {
      const r = kb.recordById(l.recordId)!;
      const inForceThen = inForce(statusOn(r.timeline!, PORTAL_DATE));
      // A link to a record not in force on the portal's date is only ever the portal citing a repealed provision.
      if (!inForceThen) expect(l.kind).toBe('het-hieu-luc');
      // Never a step of a repealed annex procedure ("… có trách nhiệm …") when a power took its task over.
      if (!inForceThen) expect(r.citation.annex === null || r.role === 'quyet-dinh').toBe(true);
    }
    const taken = repealed.filter((l) => inForce(statusOn(kb.recordById(l.recordId)!.timeline!, PORTAL_DATE)));
    expect(taken.length).toBeGreaterThan(repealed.length / 2);
    for (const l of taken) {
      const r = kb.recordById(l.recordId)!;
      // Both citations: the repealed one the portal cites (with the act that repealed it) and the power in force.
      expect(l.reason).toMatch(/^Cổng dẫn .+(Nghị định|Quyết định) \d+\/\d{4}.+đã bãi bỏ từ \d\d\/\d\d\/\d{4} bởi .+; ngày 01\/03\/2026 thẩm quyền theo /u);
      expect(l.reason.toLowerCase()).toContain(l.citationText.toLowerCase());
      expect(r.act).not.toBe('batch');
      // The body the portal names as acting is the holder found, when the portal names one of the act's holders.
      if (l.portalBody && /văn phòng đăng ký đất đai/iu.test(l.portalBody)) expect(r.holder).toMatch(/Văn phòng đăng ký đất đai|cấp tỉnh/u);
    }
  });

  it('the body the portal names as competent holds the power found, where a sister point is its; a duty of another level is said to be one', () => {
    const c = kb.crosscheck();
    const all = kb.allRecords();
    const same = (a: { citation: { document: string; article: number | null; clause: number | null; point: string | null; annex: string | null } }, b: typeof a) =>
      a.citation.document === b.citation.document && a.citation.article === b.citation.article && a.citation.clause === b.citation.clause && a.citation.point === b.citation.point && a.citation.annex === b.citation.annex;
    let checked = 0;
    for (const l of c.links) {
      const r = kb.recordById(l.recordId)!;
      const body = (l.portalBody ?? '').toLowerCase();
      if (!body) continue;
      const sisters = all.filter((x) => same(x, r));
      if (sisters.some((x) => body.includes(x.holder.toLowerCase()))) {
        checked++;
        expect(body).toContain(r.holder.toLowerCase());
      }
    }
    expect(checked).toBeGreaterThan(0);
    // A deciding power of a body the portal does not name as competent, at a level the portal does not give, is another power.
    for (const l of c.links) {
      const r = kb.recordById(l.recordId)!;
      const body = (l.portalBody ?? '').toLowerCase();
      if (!body || r.role !== 'quyet-dinh' || r.delegable || l.kind === 'het-hieu-luc') continue;
      const levelNamed = l.portalLevels.some((x) => x.toLowerCase() === LEVEL_LABELS[r.level].toLowerCase());
      if (!body.includes(r.holder.toLowerCase()) && !levelNamed) expect(body).toMatch(r.level === 'xa' ? /cấp xã|xã, phường|ubnd xã|ủy ban nhân dân xã/iu : r.level === 'tinh' ? /cấp tỉnh|sở |tỉnh/iu : /bộ|thủ tướng|chính phủ|cục /iu);
    }
    // A level difference with a duty (not a decision) of the register says so: the decree gives the deciding power to no one.
    for (const d of c.disagreements.filter((x) => x.kind === 'khac-cap'))
      if (kb.recordById(d.recordId)!.role !== 'quyet-dinh') expect(d.reason).toMatch(/không phải thẩm quyền quyết định/u);
    // "… của cơ quan chuyên môn về xây dựng thuộc Bộ …": a ministry's variant is never linked to a province's or commune's power.
    for (const l of c.links) if (/\bcủa cơ quan [^,;]*thuộc Bộ/u.test(l.name)) expect(kb.recordById(l.recordId)!.level).toBe('trung-uong');
  });

  it('a long portal name listing its cases still finds the power whose title it holds, at the portal\'s level', () => {
    const c = kb.crosscheck();
    // "Cấp lại giấy phép xây dựng đối với công trình cấp III, cấp IV (… tín ngưỡng, tôn giáo …) và nhà ở riêng lẻ" (140/2025).
    const permits = c.links.filter((l) => /^Cấp .*giấy phép xây dựng .*cấp III, cấp IV/iu.test(l.name) && l.portalBasis.includes('140/2025/NĐ-CP'));
    expect(permits.length).toBeGreaterThan(0);
    for (const l of permits) {
      expect(kb.recordById(l.recordId)!.title).toMatch(/giấy phép xây dựng/iu);
      expect(l.agreement).toBe('agree');
    }
  });

  it('stats report procedures, national procedures loaded and linked', () => {
    const s = kb.stats();
    expect(s.nationalProcedures).toBe(2642);
    expect(s.nationalProceduresLinked).toBe(kb.crosscheck().linked);
    expect(s.procedures).toBeGreaterThan(40);
  });

  it('the answer card lists the linked procedures; "lam so do lan dau mat bao lau" answers with a time limit', () => {
    const hit = kb.search({ q: 'lam so do lan dau mat bao lau', limit: 5 }).hits.find((h) => h.timeLimit);
    // One time, or the range of the procedures it covers ("8–25 Ngày làm việc, tùy thủ tục").
    expect(hit?.timeLimit).toMatch(/^\d+(?:–\d+)? Ngày/u);
    const detail = kb.getRecord(hit!.id)!;
    expect(detail.nationalProcedures.length).toBeGreaterThan(0);
    for (const p of detail.nationalProcedures) expect(['agree', 'disagree']).toContain(p.agreement);
  });

  it('a building permit asked today gets the time limit of the act in force, not the portal snapshot of the repealed power', () => {
    // 217/2026 took 140 Điều 4 over from 01/7/2026 and set its own time limits (điểm b khoản 1 Điều 54); the
    // portal's records, collected in March 2026, still cite 140 and may give the earlier time.
    const text = readFileSync(join(SOURCES, 'amending', '217-2026-ND-CP.txt'), 'utf8');
    expect(text).toMatch(/nhà ở riêng lẻ trong thời hạn 07 ngày làm việc/u);
    const hit = kb.search({ q: 'xin phép xây nhà ở riêng lẻ mất bao lâu', limit: 5, date: '2026-12-02' }).hits[0]!;
    expect(hit.citation.document).toBe('217/2026/NĐ-CP');
    expect(hit.timeLimit).toMatch(/^07 ngày làm việc .*nhà ở riêng lẻ.*Điều 54/u);
    expect(hit.timeLimitSource).toBeNull();
  });
});
