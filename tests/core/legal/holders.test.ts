/**
 * Holders fixed by case, not by level ("đại diện chủ sở hữu nhà ở thuộc tài sản công"): one record per case the
 * law allows, each titled with its case, the holder as the text writes it. Read on the real texts, no corrections.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalogue } from '../../../electron/core/legal/catalogue';
import { type RegisterFile, extractRegister } from '../../../electron/core/legal/extract';
import { casesOf, holderMentions, levelOf } from '../../../electron/core/legal/holders';
import { contextOf, parseDecree } from '../../../electron/core/legal/structure';
import { matchForm } from '../../../electron/core/legal/text';
import { hasSources, readDecree, repoRoot } from './sources';

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
});
