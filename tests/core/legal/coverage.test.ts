/**
 * Coverage never passes a clause that gives a task to a body the holder vocabulary does not know: it is
 * unexplained, beside records of known bodies or not, until an exclusion says what the body is.
 */
import { describe, expect, it } from 'vitest';
import { coverageOf } from '../../../electron/core/legal/coverage';
import { extractRegister } from '../../../electron/core/legal/extract';
import { parseDecree } from '../../../electron/core/legal/structure';
import { unknownHolders } from '../../../electron/core/legal/unknown-holders';

const text = [
  'Số: 1/2025/NĐ-CP',
  'Điều 1. Nhiệm vụ, thẩm quyền',
  '1. Trách nhiệm kiểm tra hồ sơ do Ủy ban nhân dân cấp xã thực hiện; trách nhiệm thẩm định do Trung tâm Phục vụ hành chính công thực hiện.',
  '2. Trách nhiệm cấp giấy phép do Ủy ban nhân dân cấp tỉnh thực hiện.',
].join('\n');

describe('coverage of unknown holders', () => {
  it('names the unknown subject, and no generic or private one', () => {
    expect(unknownHolders('Trách nhiệm thẩm định do Trung tâm Phục vụ hành chính công thực hiện.')).toEqual(['Trung tâm Phục vụ hành chính công']);
    expect(unknownHolders('Việc cấp giấy do cơ quan có thẩm quyền thực hiện.')).toEqual([]);
    expect(unknownHolders('Chủ đầu tư có trách nhiệm lập hồ sơ.')).toEqual([]);
    expect(unknownHolders('Trách nhiệm kiểm tra do Ủy ban nhân dân cấp xã thực hiện.')).toEqual([]);
  });

  it('a clause with a record of a known body and a task of an unknown one is unexplained, until excluded with a reason', () => {
    const parsed = parseDecree(text);
    const doc = { number: '1/2025/NĐ-CP', sector: 'tu-phap', kind: 'phan-dinh' } as unknown as Parameters<typeof extractRegister>[1];
    const reg = extractRegister(parsed, doc, []);
    expect(reg.records.some((r) => r.citation.clause === 1 && r.holder === 'Ủy ban nhân dân cấp xã')).toBe(true);
    const cov = coverageOf(parsed, reg);
    expect(cov.unexplained).toBe(1);
    expect(cov.unexplainedClauses?.[0]?.excerpt).toContain('Trung tâm Phục vụ hành chính công');
    const excluded = extractRegister(parsed, doc, [{ citation: 'Khoản 1 Điều 1 Nghị định 1/2025/NĐ-CP', action: 'exclude', reason: 'Trung tâm là đơn vị, không phải cơ quan theo cấp' }]);
    expect(coverageOf(parsed, excluded).unexplained).toBe(0);
  });
});
