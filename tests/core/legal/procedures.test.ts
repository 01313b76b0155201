/**
 * Annex procedures as data, on the real texts: every "Trình tự, thủ tục" section of an annex is a
 * procedure record with its steps, cited to annex, part and section; in the KB each carries its
 * status on the day (most of 151 Phụ lục I repealed from 31/01/2026, its Phần IV and VIII kept).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { annexProcedures, withProcedureTexts } from '../../../electron/core/legal/procedures';
import { casesOf } from '../../../electron/core/legal/holders';
import { type LegalNode, citationKey, fullText, parseDecree } from '../../../electron/core/legal/structure';
import { ensureKb } from '../../../electron/core/kb/ensure';
import { type KnowledgeBase, openKnowledgeBase } from '../../../electron/core/kb/open';
import { DECREES, hasSources } from './sources';

describe.skipIf(!hasSources)('who decides an annex procedure: the body a decision verb belongs to, or unknown', () => {
  const of = (file: string) => annexProcedures(parseDecree(readFileSync(path.join(DECREES, file), 'utf8')));
  it('139 Phụ lục II mục I: "Ủy ban nhân dân cấp xã có trách nhiệm xem xét, … và cấp Giấy phép"', () => {
    expect(of('139-2025-ND-CP.txt').find((p) => p.citation.annex === 'mục I Phụ lục II')?.decider).toBe('Ủy ban nhân dân cấp xã');
  });
  it('a form "ban hành kèm theo", a receipt "cấp Giấy tiếp nhận hồ sơ" and a decision the step dates itself from decide nothing', () => {
    // 151 Phụ lục I Phần IV mục III: khoản 9 "trình Chủ tịch … cấp có thẩm quyền quyết định giá đất cụ thể" decides; khoản 12
    // "… kể từ ngày Chủ tịch … quyết định …, cơ quan … gửi kết quả … về Bộ Nông nghiệp và Môi trường theo Mẫu số 43 … ban
    // hành kèm theo Nghị định này" made the Ministry the decider.
    expect(of('151-2025-ND-CP.txt').find((x) => x.citation.annex === 'mục III Phần IV Phụ lục I')?.decider).toBe('Chủ tịch Ủy ban nhân dân cấp có thẩm quyền');
    // 139 Phụ lục II–V mục II, III: "Ủy ban nhân dân cấp xã … cấp lại / cấp sửa đổi, bổ sung Giấy phép" decides (it was unknown).
    const p139 = of('139-2025-ND-CP.txt');
    for (const annex of ['mục II Phụ lục II', 'mục III Phụ lục II', 'mục II Phụ lục III', 'mục III Phụ lục III', 'mục II Phụ lục IV', 'mục III Phụ lục IV']) {
      expect(p139.find((x) => x.citation.annex === annex)?.decider, annex).toBe('Ủy ban nhân dân cấp xã');
    }
    // 146 Phụ lục XIV mục III: "Ủy ban nhân dân cấp tỉnh cấp xác nhận kiến thức …" (it held by the form's "ban hành").
    expect(of('146-2025-ND-CP.txt').find((x) => x.citation.annex === 'mục III Phụ lục XIV')?.decider).toBe('Ủy ban nhân dân cấp tỉnh');
  });
  it('procedure deciders read against the register (12/2026): a passive grant, a dossier copy, a notice of filing, an office and the unit named by what it issues decide nothing; the President decides state honours', () => {
    const at = (file: string, annex: string) => of(file).find((x) => x.citation.annex === annex)?.decider;
    // 129 Phụ lục I mục VII khoản 4: "… trình Thủ tướng Chính phủ đề nghị Chủ tịch nước xem xét, quyết định tặng …" (was Thủ tướng).
    expect(at('129-2025-ND-CP.txt', 'mục VII Phụ lục I')).toBe('Chủ tịch nước');
    // 129 Phụ lục I mục I: "Ủy ban nhân dân cấp tỉnh, Bộ Nội vụ, Văn phòng Chính phủ và cơ quan, đơn vị cấp giấy chứng nhận hy sinh
    // thực hiện theo trách nhiệm quy định tại … Điều 18 Nghị định số 131/2021" names no decider here (was "Chính phủ").
    expect(at('129-2025-ND-CP.txt', 'mục I Phụ lục I')).toBeNull();
    // 146 Phụ lục XI mục VIII: "… thuộc trách nhiệm quản lý của Bộ Công Thương đã được cấp Giấy chứng nhận" (the facilities that
    // hold one); the grant is "cơ quan có thẩm quyền", the province under Điều 37 khoản 5 (was Bộ Công Thương).
    expect(at('146-2025-ND-CP.txt', 'mục VIII Phụ lục XI')).toBeNull();
    // 121 Phụ lục VI mục III: "(trường hợp quyết định miễn nhiệm Thừa phát lại do Bộ trưởng Bộ Tư pháp ban hành)" is a dossier's copy
    // (was Bộ trưởng Bộ Tư pháp); mục II: "theo đề nghị của Sở Tư pháp … hoặc tự mình quyết định" is the chairman's (was Sở Tư pháp).
    expect(at('121-2025-ND-CP.txt', 'mục III Phụ lục VI')).toBeNull();
    expect(at('121-2025-ND-CP.txt', 'mục II Phụ lục VI')).toBeNull();
    // 151 Phụ lục I Phần V C mục XI: the commune posts the notice "về việc làm thủ tục cấp Giấy chứng nhận"; the registry issues it
    // (was Ủy ban nhân dân cấp xã).
    expect(at('151-2025-ND-CP.txt', 'mục XI phần C Phần V Phụ lục I')).toBeNull();
    // Still read: "Sở Tư pháp cấp Giấy đăng ký hoạt động cho Chi nhánh" (121 Phụ lục II mục VII, was unknown), and the registry that
    // lists "các trường hợp làm thủ tục cấp Giấy chứng nhận" and issues it (151 Phần V C mục VII).
    expect(at('121-2025-ND-CP.txt', 'mục VII Phụ lục II')).toBe('Sở Tư pháp');
    expect(at('151-2025-ND-CP.txt', 'mục VII phần C Phần V Phụ lục I')).toBe('Văn phòng đăng ký đất đai');
    // 151 Phụ lục I Phần II mục I, II: "Chủ tịch Ủy ban nhân dân cấp tỉnh/xã … ban hành quyết định thu hồi đất" (was the province alone).
    expect(at('151-2025-ND-CP.txt', 'mục I Phần II Phụ lục I')).toBe('Chủ tịch Ủy ban nhân dân cấp tỉnh/xã');
    expect(at('151-2025-ND-CP.txt', 'mục II Phần II Phụ lục I')).toBe('Chủ tịch Ủy ban nhân dân cấp tỉnh/xã');
  });
  it('121 Phụ lục II mục I: "Sở Tư pháp thẩm định, trình Chủ tịch Ủy ban nhân dân cấp tỉnh xem xét, cấp Giấy phép"', () => {
    expect(of('121-2025-ND-CP.txt').find((p) => p.citation.annex === 'mục I Phụ lục II')?.decider).toBe('Chủ tịch Ủy ban nhân dân cấp tỉnh');
  });
  it('151 Phụ lục I Phần III mục I: "Chủ tịch Ủy ban nhân dân cấp có thẩm quyền xem xét ban hành quyết định" decides (the level is the case\'s); the land registry named last only updates the records', () => {
    const p = of('151-2025-ND-CP.txt').find((x) => x.citation.annex === 'mục I Phần III Phụ lục I')!;
    expect(p.decider).toBe('Chủ tịch Ủy ban nhân dân cấp có thẩm quyền');
    // The file goes "cho cơ quan tiếp nhận hồ sơ và trả kết quả quy định tại điểm a khoản 1 Điều 12 Nghị định số 102/2024":
    // no body of the vocabulary, so not named — neither the chairman nor the registry named points later.
    expect(p.receiver).toBeNull();
  });
  it('who receives is named in the sentence that files: 144 Phụ lục I Mục 1 "gửi 01 bộ hồ sơ gồm … đến Ủy ban nhân dân cấp tỉnh"; 151 Phần V C mục III "… “B. HỒ SƠ …” đến Bộ phận Một cửa hoặc Văn phòng đăng ký đất đai"', () => {
    expect(of('144-2025-ND-CP.txt').find((p) => p.citation.annex === 'mục 1 Phụ lục I')?.receiver).toBe('Ủy ban nhân dân cấp tỉnh');
    const p151 = of('151-2025-ND-CP.txt');
    expect(p151.find((p) => p.citation.annex === 'mục III phần C Phần V Phụ lục I')?.receiver).toBe('Văn phòng đăng ký đất đai');
    // 129 Phụ lục I mục VII: the Prime Minister, to whom the file is finally sent, receives nothing from the applicant.
    expect(of('129-2025-ND-CP.txt').find((p) => p.citation.annex === 'mục VII Phụ lục I')?.receiver).not.toBe('Thủ tướng Chính phủ');
  });
  it('151 Phụ lục I Phần VII mục V: the file goes "đến cơ quan có chức năng quản lý đất đai cấp có thẩm quyền", the land agency of the level whose chairman approves (tỉnh or xã by the case)', () => {
    const p = of('151-2025-ND-CP.txt').find((x) => x.citation.annex === 'mục V Phần VII Phụ lục I')!;
    expect(p.receiver).toBe('cơ quan có chức năng quản lý đất đai cấp có thẩm quyền');
    expect(p.decider).toBe('Chủ tịch Ủy ban nhân dân cấp có thẩm quyền');
    expect(casesOf(p.receiver!)?.map((c) => c.level)).toEqual(['tinh', 'xa']);
  });
});

describe.skipIf(!hasSources)('annex procedures', () => {
  const text = readFileSync(path.join(DECREES, '151-2025-ND-CP.txt'), 'utf8');
  const procs = annexProcedures(parseDecree(text));

  it('151 Phụ lục I: one record per procedure section, none for dossier lists or reception rules', () => {
    const sections = [...text.matchAll(/^\s*[IVXLC]+\.\s+(?:Trình tự|Thủ tục)/gmu)].length;
    expect(procs.length).toBeGreaterThanOrEqual(sections);
    expect(procs.every((p) => /Phụ lục I$/u.test(p.citation.annex ?? ''))).toBe(true);
    expect(procs.some((p) => /^Hồ sơ/u.test(p.name))).toBe(false);
    expect(new Set(procs.map((p) => p.id)).size).toBe(procs.length);
  });

  it('keeps steps with the bodies acting in them, and who receives the file', () => {
    const gcn = procs.find((p) => p.citation.annex === 'mục V phần C Phần V Phụ lục I')!;
    expect(gcn.name).toMatch(/^Trình tự, thủ tục cấp Giấy chứng nhận/u);
    expect(gcn.steps.length).toBeGreaterThan(2);
    expect(gcn.steps.some((s) => s.bodies.includes('Chủ tịch Ủy ban nhân dân cấp xã'))).toBe(true);
    // Phần V says once where files are received (nội dung A mục I): every procedure of the part points to it.
    expect(gcn.reception?.annex).toBe('mục I phần A Phần V Phụ lục I');
  });

  it('a time limit that is one step\'s says so: "15 ngày" of Phần I mục I is step 3 (the council members\' opinions), not the whole procedure', () => {
    const parsed = parseDecree(text);
    const at = new Map<string, string>();
    const walk = (n: LegalNode) => {
      at.set(citationKey(n.citation), fullText(n));
      n.children.forEach(walk);
    };
    parsed.annexes.forEach(walk);
    const read = procs.map((p) => withProcedureTexts(p, (c) => at.get(citationKey(c)) ?? null));
    const plan = read.find((p) => p.citation.annex === 'mục I Phần I Phụ lục I')!;
    expect(plan.timeLimit).toBe('15 ngày');
    expect(plan.timeLimitStep).toBe(3);
    expect(plan.steps.find((s) => s.n === 3)!.text).toMatch(/15 ngày/u);
    // Every time read from a procedure of several steps is tied to the step that states it.
    for (const p of read.filter((x) => x.timeLimit && x.steps.length > 1)) expect(p.timeLimitStep).not.toBeNull();
  });

  it('data/procedures holds facts, not the text: no step wording, no rule copied', () => {
    const stored = JSON.parse(readFileSync(path.join(__dirname, '../../../data/procedures/151-2025-ND-CP.json'), 'utf8')) as { procedures: typeof procs };
    expect(stored.procedures.length).toBe(procs.length);
    for (const p of stored.procedures) {
      expect(p.receptionNote).toBeNull();
      for (const s of p.steps) expect(s.text).toBeUndefined();
    }
  });

  describe('in the KB, on a day', () => {
    let kb: KnowledgeBase;
    beforeAll(async () => {
      kb = openKnowledgeBase({ kbPath: (await ensureKb({})).kbPath });
    }, 120_000);

    it('the KB reads the wording back from the text: the steps and the reception rule of Phần V', () => {
      const gcn = kb.annexProceduresOn('2025-10-01', '151/2025/NĐ-CP').find((p) => p.citation.annex === 'mục V phần C Phần V Phụ lục I')!;
      expect(gcn.receptionNote).toMatch(/Bộ phận Một cửa/u);
      expect(gcn.steps.every((s) => (s.text ?? '').length > 0)).toBe(true);
    });

    it('most of 151 Phụ lục I is repealed from 31/01/2026 by 49/2026; Phần IV and VIII stay', () => {
      const now = kb.annexProceduresOn('2026-12-02', '151/2025/NĐ-CP');
      const before = kb.annexProceduresOn('2025-10-01', '151/2025/NĐ-CP');
      expect(before.every((p) => p.status.code === 'hieu-luc' || p.status.code === 'da-sua-doi')).toBe(true);
      const kept = now.filter((p) => p.status.code !== 'bai-bo');
      expect(kept.length).toBeGreaterThan(0);
      for (const p of kept) expect(p.citation.annex).toMatch(/Phần (?:IV|VI|VIII) /u);
      for (const p of now.filter((x) => x.status.code === 'bai-bo')) expect(p.status.label).toMatch(/điểm e khoản 3 Điều 16 Nghị định 49\/2026\/NĐ-CP/u);
    });

    it('links procedures to powers of the same decree (a body power, or the deciding clause of the section itself), and says when only the name matched', () => {
      const all = kb.annexProceduresOn();
      expect(kb.stats().procedures).toBe(all.length);
      const linked = all.filter((p) => p.implements.length > 0);
      expect(linked.length / all.length).toBeGreaterThan(0.9);
      for (const p of linked) {
        expect(p.linkedBy).not.toBeNull();
        for (const id of p.implements) {
          const r = kb.recordById(id)!;
          // A later act's power only where the decree gives the acting body none (tests/core/procedures/annex-link.test.ts).
          if (p.linkedBy !== 'later-act') expect(r.citation.document).toBe(p.document);
          if (r.citation.annex !== null) expect(r.citation.annex.endsWith(p.citation.annex!)).toBe(true);
          expect(kb.getRecord(id)!.annexProcedures.map((x) => x.id)).toContain(p.id);
        }
      }
    });

    it('every procedure of 151 Phụ lục I naming a body in its steps is linked to a power, with its status today', () => {
      const today = kb.annexProceduresOn(undefined, '151/2025/NĐ-CP');
      expect(today.length).toBe(procs.length);
      const unlinked = today.filter((p) => p.implements.length === 0);
      // Only sections acted by the Văn phòng đăng ký đất đai alone (its powers come from the Land Law, not from 151) stay
      // unlinked — at most 2 of 44 (Phần V nội dung C mục IV, XVI); linking them by words would name a wrong authority.
      expect(unlinked.length).toBeLessThanOrEqual(2);
      for (const p of unlinked) for (const s of p.steps) for (const b of s.bodies) expect(b).toMatch(/^(?:Chi nhánh )?Văn phòng đăng ký đất đai$/iu);
      for (const p of today) expect(p.status.label.length).toBeGreaterThan(0);
    });

    it('144: each procedure the body sends to a section goes under that article only ("mục 1 Phụ lục I" → Điều 6, "mục 2" → Điều 21; four articles sending to "mục 1 Phụ lục VI" → the one naming it)', () => {
      const of144 = kb.annexProceduresOn('2025-10-01', '144/2025/NĐ-CP');
      expect(new Set(of144.map((p) => p.id)).size).toBe(of144.length);
      const articles = (annex: string) => [...new Set(of144.find((p) => p.citation.annex === annex)!.implements.map((id) => kb.recordById(id)!.citation.article))];
      expect(articles('mục 1 Phụ lục I')).toEqual([6]);
      expect(articles('mục 2 Phụ lục I')).toEqual([21]);
      expect(articles('mục I Phụ lục VI')).toEqual([34]);
    });

    it('a section the body sends to ("mục 1 Phụ lục I", 129/2025) and a name a power shares are linked by those rules', () => {
      const all = kb.annexProceduresOn();
      // 121 Phụ lục I mục I: the body writes "… thực hiện theo quy định tại mục I Phụ lục I".
      const auction = all.find((p) => p.document === '121/2025/NĐ-CP' && p.citation.annex === 'mục I Phụ lục I')!;
      expect(auction.linkedBy).toBe('text');
      expect(auction.implements.some((id) => kb.recordById(id)!.citation.article !== null && kb.recordById(id)!.citation.annex === null)).toBe(true);
      // 151 Phần VIII mục II: the Minister decides (its own clause), never the commune chairman's dispute power.
      const minister = all.find((p) => p.document === '151/2025/NĐ-CP' && p.citation.annex === 'mục II Phần VIII Phụ lục I')!;
      for (const id of minister.implements) expect(kb.recordById(id)!.holder).toMatch(/Bộ trưởng/u);
      // 151 Phần IV mục II "điều chỉnh bảng giá đất": the power over the land price table, not "ghi giá đất".
      const table = all.find((p) => p.document === '151/2025/NĐ-CP' && p.citation.annex === 'mục II Phần IV Phụ lục I')!;
      expect(table.implements.map((id) => kb.recordById(id)!.title).join(' ')).toMatch(/bảng giá đất/u);
    });
  });
});
