/**
 * Holders fixed by case, not by level ("đại diện chủ sở hữu nhà ở thuộc tài sản công"): one record per case the
 * law allows, each titled with its case, the holder as the text writes it. Read on the real texts, no corrections.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../../electron/core/legal/catalogue';
import { type RegisterFile, extractRegister } from '../../../electron/core/legal/extract';
import { casesOf, holderMentions, levelOf } from '../../../electron/core/legal/holders';
import { contextOf, findProvision, fullText, parseDecree } from '../../../electron/core/legal/structure';
import { matchForm, sentences } from '../../../electron/core/legal/text';
import { assignmentsIn } from '../../../electron/core/legal/assign';
import { readFileSync } from 'node:fs';
import { SOURCES, hasSources, readDecree, repoRoot } from './sources';

const cache = new Map<string, { reg: RegisterFile; parsed: ReturnType<typeof parseDecree> }>();
function raw(n: string) {
  const hit = cache.get(n);
  if (hit) return hit;
  const doc = readCatalogue(path.join(repoRoot, 'data')).find((d) => d.number === `${n}/2025/NĐ-CP`)!;
  const parsed = parseDecree(readDecree(`${n}-2025-ND-CP.txt`));
  const out = { reg: extractRegister(parsed, doc, []), parsed };
  cache.set(n, out);
  return out;
}

describe('holder fixed by case', () => {
  it('is a mention only where the text does not name the body itself ("… là Ủy ban nhân dân cấp tỉnh")', () => {
    const named = matchForm('Trách nhiệm của đại diện chủ sở hữu nhà ở thuộc tài sản công là Ủy ban nhân dân cấp tỉnh do Ủy ban nhân dân cấp xã thực hiện.');
    expect(holderMentions(named).map((m) => m.holder)).toEqual(['Ủy ban nhân dân cấp tỉnh', 'Ủy ban nhân dân cấp xã']);
    const open = matchForm('Thẩm quyền phê duyệt Đề án do cơ quan đại diện chủ sở hữu nhà ở thực hiện.');
    expect(holderMentions(open).map((m) => casesOf(m.holder)?.map((c) => c.level))).toEqual([['trung-uong', 'tinh']]);
    expect(levelOf('Chủ sở hữu nhà ở')).toBeNull();
  });

  it.skipIf(!hasSources)('144: every record of such a holder comes with its sister of the other case, same task, same former holder', () => {
    const { reg, parsed } = raw('144');
    const cased = reg.records.filter((r) => casesOf(r.holder));
    expect(cased.length).toBeGreaterThan(0);
    const byUnit = new Map<string, typeof cased>();
    for (const r of cased) byUnit.set(`${JSON.stringify(r.citation)}|${r.role}`, [...(byUnit.get(`${JSON.stringify(r.citation)}|${r.role}`) ?? []), r]);
    for (const rs of byUnit.values()) {
      expect(rs.map((r) => r.level).sort()).toEqual(['tinh', 'trung-uong']);
      expect(new Set(rs.map((r) => r.formerHolder)).size).toBe(1);
      for (const r of rs) {
        expect(r.title).toMatch(/\(đại diện chủ sở hữu là [^)]+\)$/u);
        expect(r.title.includes(r.level === 'tinh' ? 'Ủy ban nhân dân cấp tỉnh' : 'bộ, cơ quan trung ương')).toBe(true);
        expect(matchForm(contextOf(parsed, r.citation) ?? '')).toContain(r.holder);
      }
    }
  });

  it.skipIf(!hasSources)('144 Điều 5 khoản 4 and Điều 24 khoản 2: the approval moved from the Prime Minister decides at both levels', () => {
    const { reg } = raw('144');
    for (const [article, clause] of [[5, 4], [24, 2]] as const) {
      const rs = reg.records.filter((r) => r.citation.article === article && r.citation.clause === clause && r.citation.point === null && !r.citation.annex);
      expect(rs.map((r) => `${r.level}/${r.role}`).sort()).toEqual(['tinh/quyet-dinh', 'trung-uong/quyet-dinh']);
      for (const r of rs) expect(r.formerHolder).toContain('Thủ tướng Chính phủ');
      expect(rs.some((r) => r.role === 'bai-bo')).toBe(false);
    }
  });

  it.skipIf(!hasSources)('151 Phụ lục I: «Chủ tịch Ủy ban nhân dân cấp có thẩm quyền» decides its procedures, one record at each level (sample G 78)', () => {
    const { reg, parsed } = raw('151');
    const holder = 'Chủ tịch Ủy ban nhân dân cấp có thẩm quyền';
    expect(casesOf(holder)?.map((c) => c.level)).toEqual(['tinh', 'xa']);
    // Every procedure whose text has the chairman "of the competent level" deciding as the subject of a step.
    const decides = new RegExp(`(?:^|\\n)(?:[a-zđ]\\)|\\d+\\.)\\s*${holder} (?:xem xét,? )?(?:ban hành|quyết định|có trách nhiệm xem xét, chấp thuận)`, 'u');
    const sections: Array<{ annex: string; text: string }> = [];
    const walk = (nodes: typeof parsed.annexes): void => {
      for (const n of nodes) {
        if (n.kind === 'section' && n.citation.annex && decides.test(matchForm(fullText(n)))) sections.push({ annex: n.citation.annex, text: matchForm(fullText(n)) });
        walk(n.children);
      }
    };
    walk(parsed.annexes);
    // Phần III mục I–IV, VI (land allocation, lease, change of use and their adjustments), Phần VII mục V (multi-purpose
    // use), Phần VIII mục I (land disputes).
    expect(sections.map((x) => x.annex).sort()).toEqual(
      ['I', 'II', 'III', 'IV', 'VI'].map((m) => `mục ${m} Phần III Phụ lục I`).concat(['mục V Phần VII Phụ lục I', 'mục I Phần VIII Phụ lục I']).sort(),
    );
    for (const { annex } of sections) {
      const rs = reg.records.filter((r) => r.citation.annex === annex);
      const own = rs.filter((r) => r.holder === holder);
      expect(own.map((r) => `${r.level}/${r.role}`).sort(), annex).toEqual(['tinh/quyet-dinh', 'xa/quyet-dinh']);
      // Both cite the clause where the chairman decides, and say which case each is.
      expect(new Set(own.map((r) => JSON.stringify(r.citation))).size).toBe(1);
      const ctx = matchForm(contextOf(parsed, own[0]!.citation) ?? '');
      expect(ctx).toMatch(new RegExp(`${holder} (?:xem xét,? )?(?:ban hành|quyết định|có trách nhiệm)`, 'u'));
      for (const r of own) expect(r.title).toMatch(r.level === 'tinh' ? /\(Chủ tịch UBND cấp tỉnh khi thuộc thẩm quyền cấp tỉnh\)$/u : /\(Chủ tịch UBND cấp xã khi thuộc thẩm quyền cấp xã\)$/u);
      // The land registry's last step (updating the records) no longer stands for the procedure.
      expect(rs.filter((r) => r.holder.startsWith('Văn phòng đăng ký đất đai')), annex).toEqual([]);
    }
  });

  it.skipIf(!hasSources)('151 Điều 10 khoản 4 (added by 226/2025 Điều 6 khoản 3: "… các trường hợp quy định tại khoản 3 Điều này …"): held by khoản 3\'s holder, not every body of the heading (sample H 65)', () => {
    const amending = readFileSync(path.join(SOURCES, 'amending', '226-2025-ND-CP.txt'), 'utf8');
    expect(matchForm(amending)).toMatch(/Bổ sung khoản 4 vào Điều 10 như sau:\s*“4\. Việc giao đất, cho thuê đất, cho phép chuyển mục đích sử dụng đất đối với các trường hợp quy định tại khoản 3 Điều này/u);
    const reg = JSON.parse(readFileSync(path.join(repoRoot, 'data', 'register', '151-2025-ND-CP.json'), 'utf8')) as RegisterFile;
    const of = (clause: number) => [...new Set(reg.records.filter((r) => r.citation.article === 10 && r.citation.clause === clause && !r.citation.annex).map((r) => r.holder))];
    // The heading names both "Ủy ban nhân dân cấp xã" and "Chủ tịch Ủy ban nhân dân cấp xã"; khoản 3 gives its cases to the chairman.
    expect(of(3)).toEqual(['Chủ tịch Ủy ban nhân dân cấp xã']);
    expect(of(4)).toEqual(['Chủ tịch Ủy ban nhân dân cấp xã']);
    expect(of(1)).toEqual(['Ủy ban nhân dân cấp xã']);
  });

  it.skipIf(!hasSources)('207/2026 Điều 26 khoản 2 điểm đ ("Cơ quan chuyên môn về xây dựng thuộc Bộ Quốc phòng, Bộ Công an thực hiện kiểm tra …"): one composite body, never the ministry itself (sample R 13)', () => {
    const parsed = parseDecree(readFileSync(path.join(SOURCES, 'amending', '207-2026-ND-CP.txt'), 'utf8'));
    const p = findProvision(parsed, { document: '207/2026/NĐ-CP', article: 26, clause: 2, point: 'đ', annex: null })!;
    const held = sentences(matchForm(p.text)).flatMap((s) => assignmentsIn(s)).map((a) => `${a.holder}/${levelOf(a.holder)}/${a.role}`);
    expect(held).toEqual(['Cơ quan chuyên môn về xây dựng thuộc Bộ Quốc phòng, Bộ Công an/trung-uong/trach-nhiem']);
    // The other points of the clause keep their one ministry's agency.
    const b = findProvision(parsed, { document: '207/2026/NĐ-CP', article: 26, clause: 2, point: 'b', annex: null })!;
    expect(sentences(matchForm(b.text)).flatMap((s) => assignmentsIn(s)).map((a) => a.holder)).toEqual(['Cơ quan chuyên môn về xây dựng thuộc Bộ Xây dựng']);
  });
});

describe.skipIf(!hasSources)('the President and the offices (procedure deciders against the register, 12/2026)', () => {
  it('129 Phụ lục I mục VII: "Chủ tịch nước xem xét, quyết định tặng … «Bà mẹ Việt Nam anh hùng»" is a central holder; its record cites khoản 4', () => {
    expect(levelOf('Chủ tịch nước')).toBe('trung-uong');
    const rs = raw('129').reg.records.filter((r) => r.citation.annex === 'mục VII Phụ lục I');
    expect(rs.map((r) => `${r.citation.clause}/${r.holder}/${r.role}`)).toEqual(['4/Chủ tịch nước/quyet-dinh']);
  });
  it('"Văn phòng Chính phủ", "Văn phòng Chủ tịch nước" are offices, never the Government or the President', () => {
    expect(holderMentions('Ủy ban nhân dân cấp tỉnh, Bộ Nội vụ, Văn phòng Chính phủ và cơ quan, đơn vị cấp giấy chứng nhận hy sinh').map((m) => m.holder)).toEqual(['Ủy ban nhân dân cấp tỉnh', 'Bộ Nội vụ']);
    expect(holderMentions('Kiểm toán nhà nước, Văn phòng Chủ tịch nước, Văn phòng Quốc hội').map((m) => m.holder)).toEqual([]);
    expect(holderMentions('trình Thủ tướng Chính phủ đề nghị Chủ tịch nước xem xét').map((m) => m.holder)).toEqual(['Thủ tướng Chính phủ', 'Chủ tịch nước']);
  });
});

describe.skipIf(!hasSources)('"cấp tỉnh/xã": either level by the case (151 Phụ lục I Phần II)', () => {
  it('"Chủ tịch Ủy ban nhân dân cấp tỉnh/xã có trách nhiệm ban hành quyết định thu hồi đất" is one record per level, never the province alone', () => {
    expect(casesOf('Chủ tịch Ủy ban nhân dân cấp tỉnh/xã')?.map((c) => c.level)).toEqual(['tinh', 'xa']);
    expect(holderMentions('cơ quan có chức năng quản lý đất đai cấp tỉnh/xã lập hồ sơ thu hồi đất').map((m) => m.holder)).toEqual(['cơ quan có chức năng quản lý đất đai cấp tỉnh/xã']);
    const rs = raw('151').reg.records.filter((r) => r.citation.annex === 'mục I Phần II Phụ lục I' || r.citation.annex === 'mục II Phần II Phụ lục I');
    expect(rs.map((r) => `${r.citation.annex}/${r.citation.clause}/${r.level}/${r.role}`).sort()).toEqual([
      'mục I Phần II Phụ lục I/4/tinh/quyet-dinh',
      'mục I Phần II Phụ lục I/4/xa/quyet-dinh',
      'mục II Phần II Phụ lục I/3/tinh/quyet-dinh',
      'mục II Phần II Phụ lục I/3/xa/quyet-dinh',
    ]);
  });
});
