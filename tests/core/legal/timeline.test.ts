/**
 * The law on a timeline, on the real texts: changes read from the amending acts' own words,
 * answers on fixed days (2025-08-01, 2026-02-01, 2026-07-15, 2027-03-02), provincial delegation,
 * and a walk of every record: nothing that has ended is shown as in force.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { formatAddress, parseTargets } from '../../../electron/core/legal/addresses';
import { readActSet } from '../../../electron/core/legal/act-set';
import { readCatalogue } from '../../../electron/core/legal/catalogue';
import { inForce, statusOn } from '../../../electron/core/legal/timeline';
import { parseDecree } from '../../../electron/core/legal/structure';
import { type KnowledgeBase, openKnowledgeBase } from '../../../electron/core/kb/open';
import { ensureKb } from '../../../electron/core/kb/ensure';
import { timelineOf } from '../../../electron/core/search/on-day';

const SOURCES = path.resolve(__dirname, '../../../../shared/sources');
const DATA = path.resolve(__dirname, '../../../data');
const read = (f: string) => readFileSync(path.join(SOURCES, f), 'utf8');

describe('address lists of amending acts', () => {
  it('reads 49/2026 Điều 16 khoản 3 đ1–đ3 with exceptions', () => {
    const t = parseTargets('Điều 5, trừ các điểm i khoản 1, điểm g khoản 2 và điểm d khoản 5');
    expect(t.map((x) => formatAddress(x.address))).toEqual(['Điều 5']);
    expect(t[0]!.except.map(formatAddress)).toEqual(['điểm i khoản 1 Điều 5', 'điểm g khoản 2 Điều 5', 'điểm d khoản 5 Điều 5']);
    const u = parseTargets('các điểm b, c, d và e khoản 1, điểm đ khoản 2 Điều 14');
    expect(u.map((x) => formatAddress(x.address))).toEqual([
      'điểm b khoản 1 Điều 14',
      'điểm c khoản 1 Điều 14',
      'điểm d khoản 1 Điều 14',
      'điểm e khoản 1 Điều 14',
      'điểm đ khoản 2 Điều 14',
    ]);
  });
  it('keeps body and annex units apart ("khoản 2 Điều 8, điểm a khoản 6 Mục III Phần IV Phụ lục I")', () => {
    const t = parseTargets('khoản 2 Điều 8, điểm a khoản 6 Mục III Phần IV Phụ lục I');
    expect(t.map((x) => formatAddress(x.address))).toEqual(['khoản 2 Điều 8', 'điểm a khoản 6 Mục III Phần IV Phụ lục I']);
  });
});

describe('acts read together from their text', () => {
  const batch = new Set(readCatalogue(DATA).filter((e) => e.inBatch).map((e) => e.number));
  const files = [
    'decrees/151-2025-ND-CP.txt',
    'decrees/140-2025-ND-CP.txt',
    'amending/226-2025-ND-CP.txt',
    'amending/49-2026-ND-CP.txt',
    'amending/217-2026-ND-CP.txt',
    'provincial/lao-cai-40-2026-QD-UBND.txt',
  ];
  const texts = files.map((f) => ({ parsed: parseDecree(read(f)), text: read(f) }));
  const set = readActSet(texts, batch);

  it('classifies by the words of the text, not the folder', () => {
    expect(set.classes.get('151/2025/NĐ-CP')?.kind).toBe('batch');
    expect(set.classes.get('226/2025/NĐ-CP')?.kind).toBe('amending');
    expect(set.classes.get('49/2026/NĐ-CP')?.kind).toBe('later');
    expect(set.classes.get('217/2026/NĐ-CP')?.kind).toBe('later');
    expect(set.classes.get('40/2026/QĐ-UBND')).toMatchObject({ kind: 'provincial', province: 'Lào Cai' });
  });

  it('reads 226 Điều 6 khoản 1 as adding point o to khoản 1 Điều 5 of 151, with its quoted wording', () => {
    const add = set.changes.get('226/2025/NĐ-CP')!.changes.find((c) => c.op === 'add' && formatAddress(c.address) === 'điểm o khoản 1 Điều 5')!;
    expect(add.document).toBe('151/2025/NĐ-CP');
    expect(add.effective).toBe('2025-08-15');
    expect(add.text).toMatch(/^o\) Quyết định đấu giá quyền sử dụng đất/u);
    // The added point joins the text of 151, so it is extracted like any other point.
    const art5 = set.texts.get('151/2025/NĐ-CP')!.articles.find((a) => a.citation.article === 5)!;
    expect(art5.children[0]!.children.map((p) => p.citation.point)).toContain('o');
  });

  it('an act in force "kể từ ngày ký ban hành" takes effect when signed, whatever later date some of its articles carry (26/2026)', () => {
    const t = read('amending/26-2026-ND-CP.txt');
    const p = parseDecree(t);
    expect(p.issued).toBe('2026-01-17');
    expect(p.validity.from).toBe('2026-01-17');
  });

  it('reads every phrase replacement of 226 Điều 7, each for the act its lead-in or its own "tại … của" names', () => {
    const ch = set.changes.get('226/2025/NĐ-CP')!;
    expect(ch.unparsed).toEqual([]);
    const phrases = ch.changes.filter((c) => c.op === 'phrase');
    // Khoản 1–5 replace phrases of 71, 88, 101, 102 and 112/2024 (their new wording may quote 151): none touches 151.
    expect(phrases.filter((c) => c.by.clause !== 6).map((c) => c.document)).toEqual([]);
    // Khoản 6 is 151's: "Cụm từ “Điều 53 Nghị định số 102/2024/NĐ-CP …” bằng cụm từ “Mục V Phần III Phụ lục I …” tại điểm d khoản 4 Điều 5".
    const d54 = phrases.find((c) => formatAddress(c.address) === 'điểm d khoản 4 Điều 5')!;
    expect(d54).toMatchObject({ document: '151/2025/NĐ-CP', effective: '2025-08-15' });
    expect(d54.text).toBe('Mục V Phần III Phụ lục I Nghị định số 151/2025/NĐ-CP');
  });

  it('reads the repeals of 217/2026 Điều 75 khoản 3 for 140 and 144, and nothing from its other decrees', () => {
    const ch = set.changes.get('217/2026/NĐ-CP')!;
    const to140 = ch.changes.filter((c) => c.document === '140/2025/NĐ-CP').map((c) => formatAddress(c.address));
    expect(to140).toEqual(['Điều 4', 'Điều 5', 'Điều 6', 'Điều 7', 'khoản 3 Điều 29']);
    expect(ch.changes.every((c) => c.op === 'repeal' && c.effective === '2026-07-01')).toBe(true);
    expect(ch.unparsed).toEqual([]);
  });
});

describe('answers on a day (real KB)', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    const { kbPath } = await ensureKb({});
    kb = openKnowledgeBase({ kbPath });
  }, 120_000);

  const top = (q: string, date: string, province?: string) => kb.search({ q, date, ...(province ? { province } : {}), limit: 5 }).hits;

  it('lam so do lan dau: 151 as it stood in 2025, 49/2026 Điều 14 after 31/01/2026', () => {
    const before = top('lam so do lan dau', '2025-08-01')[0]!;
    expect(before.citationText).toBe('Điểm h khoản 1 Điều 5 Nghị định 151/2025/NĐ-CP');
    expect(before.status.code).toBe('hieu-luc');
    const after = top('lam so do lan dau', '2026-02-01');
    expect(after[0]!.citation.document).toBe('49/2026/NĐ-CP');
    expect(after[0]!.citation.article).toBe(14);
    expect(after[0]!.delegation?.note).toMatch(/phân cấp, ủy quyền/u);
    const old = after.find((h) => h.citationText === 'Điểm h khoản 1 Điều 5 Nghị định 151/2025/NĐ-CP')!;
    expect(old.status.code).toBe('bai-bo');
    expect(old.status.label).toBe('Đã bãi bỏ từ 31/01/2026 bởi điểm đ khoản 3 Điều 16 Nghị định 49/2026/NĐ-CP');
  });

  it('the point added by 226/2025 shows both acts: added 15/8/2025, repealed 31/01/2026', () => {
    const o = kb.allRecords().find((r) => r.citation.document === '151/2025/NĐ-CP' && r.citation.article === 5 && r.citation.point === 'o')!;
    expect(o.timeline).toMatchObject({ from: '2025-08-15', to: '2026-01-31', madeBy: 'Khoản 1 Điều 6 Nghị định 226/2025/NĐ-CP', endKind: 'repealed' });
    expect(statusOn(o.timeline!, '2025-08-01')).toBe('chua-hieu-luc');
    expect(statusOn(o.timeline!, '2025-10-01')).toBe('hieu-luc');
    expect(statusOn(o.timeline!, '2026-02-01')).toBe('bai-bo');
    expect(kb.hitOf(o, '2026-02-01').status.label).toBe(
      'Được bổ sung bởi khoản 1 Điều 6 Nghị định 226/2025/NĐ-CP từ 15/08/2025; đã bãi bỏ từ 31/01/2026 bởi điểm g khoản 3 Điều 16 Nghị định 49/2026/NĐ-CP',
    );
  });

  it('with no day asked, the answer is for today by the clock (fixed here at 02/3/2027 and 01/8/2025)', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2027-03-02T10:00:00'));
      const late = kb.search({ q: 'lam so do lan dau' });
      expect(late.date).toBe('2027-03-02');
      expect(late.notice).toMatch(/đã kết thúc/u);
      expect(late.hits.every((h) => h.status.code !== 'hieu-luc')).toBe(true);
      vi.setSystemTime(new Date('2025-08-01T10:00:00'));
      const early = kb.search({ q: 'lam so do lan dau' });
      expect(early.date).toBe('2025-08-01');
      expect(early.notice).toBeNull();
      expect(early.hits[0]!.citation.document).toBe('151/2025/NĐ-CP');
    } finally {
      vi.useRealTimers();
    }
  });

  it('the wording of a provision over time: 226 Điều 7 khoản 6 replaces a phrase of 151 điểm d khoản 4 Điều 5 from 15/8/2025', () => {
    const r = kb.allRecords().find((x) => x.citation.document === '151/2025/NĐ-CP' && x.citation.article === 5 && x.citation.clause === 4 && x.citation.point === 'd')!;
    const d = kb.getRecord(r.id, '2025-10-01')!;
    expect(d.status.code).toBe('da-sua-doi');
    expect(d.timeline.map((e) => e.kind)).toEqual(['amended', 'repealed']);
    expect(d.versions).toHaveLength(2);
    expect(d.versions[0]!.text).toContain('Điều 53 Nghị định số 102/2024/NĐ-CP');
    expect(d.versions[1]).toMatchObject({ from: '2025-08-15', madeBy: 'Điểm a khoản 6 Điều 7 Nghị định 226/2025/NĐ-CP', to: '2026-01-31' });
    expect(d.versions[1]!.text).toContain('Mục V Phần III Phụ lục I Nghị định số 151/2025/NĐ-CP');
    expect(d.versions[1]!.text).not.toContain('Điều 53 Nghị định số 102/2024/NĐ-CP');
  });

  it('building permits: 140 Điều 4 until 01/7/2026, then 217/2026 Điều 53', () => {
    expect(top('cấp giấy phép xây dựng nhà ở riêng lẻ', '2026-03-01')[0]!.citationText).toBe('Khoản 1 Điều 4 Nghị định 140/2025/NĐ-CP');
    const now = top('cấp giấy phép xây dựng nhà ở riêng lẻ', '2026-07-15');
    expect(now[0]).toMatchObject({ holder: 'Ủy ban nhân dân cấp xã', citationText: 'Khoản 1 Điều 53 Nghị định 217/2026/NĐ-CP' });
    const old = now.find((h) => h.citationText === 'Khoản 1 Điều 4 Nghị định 140/2025/NĐ-CP')!;
    expect(old.status.label).toMatch(/^Đã bãi bỏ từ 01\/07\/2026 bởi điểm b khoản 3 Điều 75 Nghị định 217\/2026\/NĐ-CP/u);
  });

  it('Lào Cai: thu hồi đất by the commune chairman under QĐ 40/2026 Điều 3, resting on 49/2026 Điều 14', () => {
    const lc = top('quyết định thu hồi đất', '2026-07-15', 'Lào Cai')[0]!;
    expect(lc).toMatchObject({ holder: 'Chủ tịch Ủy ban nhân dân cấp xã', province: 'Lào Cai' });
    expect(lc.citation).toMatchObject({ document: '40/2026/QĐ-UBND', article: 3 });
    expect(lc.delegation?.note).toMatch(/Điều 14 Nghị định 49\/2026\/NĐ-CP/u);
    const national = top('quyết định thu hồi đất', '2026-07-15')[0]!;
    expect(national).toMatchObject({ holder: 'Ủy ban nhân dân cấp tỉnh', province: null });
    expect(national.delegation?.note).toMatch(/có thể phân cấp, ủy quyền/u);
    // Before the provincial act took effect (01/6/2026) it is not the answer.
    expect(top('quyết định thu hồi đất', '2026-05-01', 'Lào Cai')[0]!.citation.document).not.toBe('40/2026/QĐ-UBND');
  });

  it('49/2026 Điều 14 khoản 2: who issues the certificate depends on who decided under khoản 1 (the delegable clause), and says so', () => {
    const k2 = kb.allRecords().filter((r) => r.citation.document === '49/2026/NĐ-CP' && r.citation.article === 14 && r.citation.clause === 2);
    expect(k2.length).toBeGreaterThanOrEqual(6); // a, b, c and d's three holders
    expect(k2.every((r) => r.delegable && r.delegableBy?.clause === 1)).toBe(true);
    const issue = top('sang tên sổ đỏ', '2026-07-15')[0]!;
    expect(issue.citation).toMatchObject({ document: '49/2026/NĐ-CP', article: 14, clause: 2, point: 'c' });
    expect(issue.delegation?.note).toMatch(/tùy cơ quan, người đã quyết định theo khoản 1 Điều 14/u);
    // The clause that lets the province delegate says so in its own words.
    const k1 = kb.allRecords().find((r) => r.citation.document === '49/2026/NĐ-CP' && r.citation.article === 14 && r.citation.clause === 1)!;
    expect(k1.delegable && !k1.delegableBy).toBe(true);
  });

  it('Lào Cai 40/2026 Điều 3: 16 powers delegated, its exceptions ("trừ các trường hợp sau đây: a) … b) Dự án thuộc địa bàn từ 2 xã …") are not', () => {
    const lc = kb.allRecords().filter((r) => r.citation.document === '40/2026/QĐ-UBND');
    expect(lc.map((r) => r.citation.clause).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(lc.every((r) => r.citation.point === null && r.holder === 'Chủ tịch Ủy ban nhân dân cấp xã' && r.province === 'Lào Cai')).toBe(true);
    expect(lc.every((r) => (r.restsOn ?? []).length > 0)).toBe(true);
  });

  it('past 01/3/2027 the answer says plainly that the term has ended', () => {
    const r = kb.search({ q: 'dang ky khai sinh', date: '2027-03-02' });
    expect(r.notice).toMatch(/thời hạn áp dụng .* đã kết thúc, trừ khi được gia hạn/u);
    expect(r.hits[0]!.status.code).toBe('het-thoi-han');
  });

  it('on every fixed day, no record that has ended or not begun is shown as in force, and in-force hits lead', () => {
    for (const day of ['2025-08-01', '2026-02-01', '2026-07-15', '2027-03-02']) {
      for (const r of kb.allRecords()) {
        const t = timelineOf(r);
        const code = kb.hitOf(r, day).status.code;
        const ended = day < t.from || (t.to !== null && day >= t.to);
        expect(inForce(code), `${r.id} on ${day}`).toBe(!ended);
      }
      for (const q of ['lam so do lan dau', 'thu hồi đất', 'giấy phép xây dựng', 'hóa chất']) {
        // Portal rows are the portal's snapshot, not provisions of the law on the day (tests/core/search/portal.test.ts).
        const hits = kb.search({ q, date: day, limit: 30 }).hits.filter((h) => h.kind !== 'portal');
        const firstEnded = hits.findIndex((h) => !inForce(h.status.code));
        const lastInForce = hits.map((h) => inForce(h.status.code)).lastIndexOf(true);
        // An ended record may only sit right under the one that took it over, never above an unrelated answer in force.
        if (firstEnded >= 0 && lastInForce > firstEnded)
          for (let k = firstEnded; k <= lastInForce; k++)
            if (!inForce(hits[k]!.status.code))
              expect(
                hits.slice(0, k).some((h) => inForce(h.status.code) && (kb.recordById(h.id)?.replaces ?? []).includes(hits[k]!.id)),
                `${q} ${day}: ${hits[k]!.id} sits above an answer in force without its successor`,
              ).toBe(true);
        expect(hits.filter((h) => h.province !== null)).toEqual([]);
      }
    }
  });

  it('stats count records and provisions by status on the day and list the acts applied', () => {
    const s = kb.stats('2026-12-02');
    expect(s.byStatus['bai-bo']).toBeGreaterThan(100);
    expect(s.byStatus['hieu-luc']).toBeGreaterThan(500);
    expect(s.provisionsByStatus['bai-bo']).toBeGreaterThan(50);
    expect(s.acts.map((a) => a.number).sort()).toEqual(['207/2026/NĐ-CP', '217/2026/NĐ-CP', '226/2025/NĐ-CP', '26/2026/NĐ-CP', '40/2026/QĐ-UBND', '49/2026/NĐ-CP']);
    expect(s.acts.find((a) => a.number === '49/2026/NĐ-CP')!.changes).toBeGreaterThan(20);
  });
});

describe('49/2026 Điều 16: khoản 2 keeps 151 on land prices, resettlement house prices and requisition; khoản 3 repeals the rest', () => {
  const batch = new Set(readCatalogue(DATA).filter((e) => e.inBatch).map((e) => e.number));
  const files = ['decrees/151-2025-ND-CP.txt', 'amending/226-2025-ND-CP.txt', 'amending/49-2026-ND-CP.txt'];
  const set = readActSet(files.map((f) => ({ parsed: parseDecree(read(f)), text: read(f) })), batch);
  const ch = set.changes.get('49/2026/NĐ-CP')!;

  it('the saving sentence becomes exceptions of the repeal of Điều 5 and Điều 9, each read from the point\'s own words', () => {
    const saved = (ch.saved ?? []).map((s) => `${formatAddress(s.address)}: ${s.subject}`);
    expect(saved).toEqual([
      'điểm e khoản 1 Điều 5: giá đất',
      'điểm g khoản 1 Điều 5: giá bán nhà ở tái định cư',
      'điểm k khoản 1 Điều 5: giá đất',
      'điểm l khoản 1 Điều 5: giá đất',
      'điểm đ khoản 2 Điều 5: trưng dụng đất',
      'điểm e khoản 2 Điều 5: giá đất',
      'khoản 3 Điều 5: giá đất',
      'điểm a khoản 4 Điều 5: giá đất',
      'điểm a khoản 5 Điều 5: giá đất',
      'điểm b khoản 5 Điều 5: trưng dụng đất',
      'điểm b khoản 1 Điều 9: giá bán nhà ở tái định cư',
      'điểm h khoản 1 Điều 9: giá đất',
      'điểm i khoản 1 Điều 9: giá đất',
    ]);
    for (const s of ch.saved ?? []) expect(formatAddress({ clause: String(s.by.clause), article: String(s.by.article) })).toBe('khoản 2 Điều 16');
    const art5 = ch.changes.find((c) => c.op === 'repeal' && c.document === '151/2025/NĐ-CP' && formatAddress(c.address) === 'Điều 5')!;
    expect(art5.except.map(formatAddress)).toContain('điểm đ khoản 2 Điều 5');
  });

  it('a price decision whose rule 49/2026 itself rewrites stays repealed (khoản 1 Điều 4 Nghị định 88/2024, rewritten by Điều 11 khoản 2)', () => {
    const kept = (ch.saved ?? []).map((s) => formatAddress(s.address));
    expect(kept).not.toContain('điểm c khoản 4 Điều 5');
    expect(kept).not.toContain('khoản 2 Điều 9');
    // Nor does "đánh giá đất đai" or "đấu giá quyền sử dụng đất" make a point one about land prices.
    expect(kept).not.toContain('điểm đ khoản 4 Điều 5');
    expect(kept.filter((a) => /khoản 3 Điều 9|khoản 4 Điều 9/u.test(a))).toEqual([]);
  });
});

describe.skipIf(!existsSync(SOURCES))('49/2026 Điều 16 khoản 2 on the real KB (2026-12-02)', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    const { kbPath } = await ensureKb({});
    kb = openKnowledgeBase({ kbPath });
  }, 120_000);

  it('requisition, specific land prices and resettlement house prices of 151 are in force; recovery and 88/2024 prices are repealed', () => {
    const on = (id: string) => statusOn(kb.recordById(id)!.timeline!, '2026-12-02');
    for (const id of ['151-d5-k2-pdd-ct-ubnd-xa-quyet-dinh', '151-d5-k1-pe-ct-ubnd-xa-quyet-dinh', '151-d5-k1-pg-ct-ubnd-xa-quyet-dinh', '151-d9-k1-pb-ct-ubnd-tinh-quyet-dinh', '151-d9-k1-pi-ct-ubnd-tinh-quyet-dinh'])
      expect([id, on(id)]).toEqual([id, 'hieu-luc']);
    for (const id of ['151-d5-k1-pb-ct-ubnd-xa-quyet-dinh', '151-d5-k4-pc-ct-ubnd-xa-quyet-dinh', '151-d9-k2-ct-ubnd-tinh-quyet-dinh'])
      expect([id, on(id)]).toEqual([id, 'bai-bo']);
    // Still to the end of 151's own term, as the rest of the batch.
    expect(kb.recordById('151-d5-k2-pdd-ct-ubnd-xa-quyet-dinh')!.timeline!.to).toBe('2027-03-01');
  });
});
