/**
 * Curated corrections are data, checked when read: a record's own term is a day, set only by "set" with a reason.
 */
import { describe, expect, it } from 'vitest';
import { validateCorrection } from '../../../electron/core/legal/corrections';

const base = { citation: 'Điểm c khoản 1 Điều 46 Nghị định 144/2025/NĐ-CP', action: 'set', reason: 'điểm c khoản 1 Điều 46: … đến ngày 31/12/2025' };

describe('corrections: a record\'s own term', () => {
  it('is an ISO day set by "set" with a reason', () => {
    expect(validateCorrection({ ...base, termTo: '2026-01-01' })).toEqual([]);
    expect(validateCorrection({ ...base, termFrom: '2026-01-01' })).toEqual([]);
  });
  it('refuses another date form, another action, or no reason, in Vietnamese', () => {
    expect(validateCorrection({ ...base, termTo: '31/12/2025' }).join(' ')).toContain('YYYY-MM-DD');
    expect(validateCorrection({ ...base, action: 'title', termTo: '2026-01-01' }).join(' ')).toContain('"set"');
    const { reason: _r, ...noReason } = base;
    expect(validateCorrection({ ...noReason, termTo: '2026-01-01' }).length).toBeGreaterThan(0);
  });
});
