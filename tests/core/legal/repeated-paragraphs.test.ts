/**
 * A paragraph an article writes twice, word for word: cited once, under the clause whose matter it continues;
 * the decree's own repetitions (the same procedure reference under two clauses) stay under each.
 */
import { describe, expect, it } from 'vitest';
import { findProvision, parseDecree } from '../../../electron/core/legal/structure';
import { hasSources, readDecree } from './sources';

const text = (n: string, article: number, clause: number): string => {
  const parsed = parseDecree(readDecree(`${n}-2025-ND-CP.txt`));
  return findProvision(parsed, { document: parsed.number!, annex: null, article, clause, point: null })?.text ?? '';
};

describe('repeated paragraphs', () => {
  it('a synthetic article: the police paragraph stays under the coercion clause only', () => {
    const body = [
      'Số: 1/2025/NĐ-CP',
      'Điều 1. Nhiệm vụ',
      '1. Trách nhiệm lập kế hoạch cải tạo nhà chung cư do Ủy ban nhân dân cấp xã thực hiện.',
      'Cơ quan công an cấp xã có trách nhiệm bảo đảm an ninh, trật tự trong quá trình cưỡng chế của Ủy ban nhân dân cấp xã.',
      '2. Trách nhiệm cưỡng chế di dời do Ủy ban nhân dân cấp xã thực hiện.',
      'Cơ quan công an cấp xã có trách nhiệm bảo đảm an ninh, trật tự trong quá trình cưỡng chế của Ủy ban nhân dân cấp xã.',
      '3. Trách nhiệm báo cáo do Ủy ban nhân dân cấp xã thực hiện.',
    ].join('\n');
    const parsed = parseDecree(body);
    const [k1, k2] = parsed.articles[0]!.children;
    expect(k1!.ownText).not.toContain('công an');
    expect(k2!.ownText).toContain('công an');
  });

  it.skipIf(!hasSources)('140 Điều 12: «Cơ quan công an cấp xã …» is cited under khoản 12 (cưỡng chế di dời), not khoản 2 (kế hoạch cải tạo)', () => {
    expect(text('140', 12, 2)).not.toContain('Cơ quan công an cấp xã');
    expect(text('140', 12, 12)).toContain('Cơ quan công an cấp xã');
  });

  it.skipIf(!hasSources)('127 Điều 3: the procedure reference written under khoản 1 and khoản 3 stays under both', () => {
    for (const k of [1, 3]) expect(text('127', 3, k)).toMatch(/Trình tự, thủ tục điều chuyển tài sản công/u);
  });
});
