import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../electron/api/contract';
import { TIMELINE_STATUS_LABELS } from '../../../electron/core/model';
import fc from 'fast-check';
import { ended, formerRuleLabel, fullLabel, hitRows, inForce, spanText, statusOf, successorGroups } from '../../../renderer/src/lib/status';
import { sampleHit, sampleStatus } from '../sample-hit';

const repealed = sampleStatus({
  code: 'bai-bo',
  label: 'Đã bãi bỏ từ 31/01/2026 bởi điểm đ khoản 3 Điều 16 Nghị định 49/2026/NĐ-CP',
  to: '2026-01-31',
  endedBy: 'điểm đ khoản 3 Điều 16 Nghị định 49/2026/NĐ-CP',
});

describe('status', () => {
  it('only in force (as is or amended) is an answer; repealed and past term are ended; not yet is neither', () => {
    const codes = Object.keys(TIMELINE_STATUS_LABELS) as Array<keyof typeof TIMELINE_STATUS_LABELS>;
    const answer = codes.filter((code) => inForce(sampleStatus({ code })));
    const over = codes.filter((code) => ended(sampleStatus({ code })));
    expect(answer.sort()).toEqual(['da-sua-doi', 'hieu-luc']);
    expect(over.sort()).toEqual(['bai-bo', 'het-thoi-han']);
    expect(inForce(sampleStatus({ code: 'chua-hieu-luc' }))).toBe(false);
  });

  it('a hit from a server without a timeline (no status, or an unknown code) shows no status and stays an answer', () => {
    const bare = sampleHit() as Partial<SearchHit>;
    delete bare.status;
    expect(statusOf(bare)).toBeNull();
    expect(statusOf({ status: { ...repealed, code: 'la' as never } })).toBeNull();
    expect(inForce(null)).toBe(true);
    expect(ended(null)).toBe(false);
  });

  it('says the status with its act, or its short label when the sentence is missing', () => {
    expect(fullLabel(repealed)).toContain('49/2026/NĐ-CP');
    expect(fullLabel(sampleStatus({ code: 'het-thoi-han', label: ' ' }))).toBe(TIMELINE_STATUS_LABELS['het-thoi-han']);
  });
});

describe('hitRows', () => {
  const now = sampleHit({ id: 'new', supersedes: 'old', status: sampleStatus({ from: '2026-01-31' }) });
  const old = sampleHit({ id: 'old', status: repealed, supersededBy: ['new'] });

  it('puts an ended hit under the hit just above it that took it over, and nothing else', () => {
    const rows = hitRows([now, old, sampleHit({ id: 'other' })]);
    expect(rows.map((r) => [r.hit.id, r.under?.id ?? null])).toEqual([
      ['new', null],
      ['old', 'new'],
      ['other', null],
    ]);
    // Not adjacent: not indented (it would read as belonging to the wrong hit).
    expect(hitRows([now, sampleHit({ id: 'x' }), old]).map((r) => r.under?.id ?? null)).toEqual([null, null, null]);
  });

  it('names the day before which files may still follow the former rule', () => {
    expect(formerRuleLabel(old, now)).toBe('Quy định trước đây (hồ sơ nộp trước ngày 31/01/2026 có thể vẫn áp dụng)');
    const noEnd = sampleHit({ id: 'old', status: sampleStatus({ code: 'bai-bo', to: null }) });
    expect(formerRuleLabel(noEnd, now)).toContain('31/01/2026');
  });
});

describe('spanText', () => {
  it('gives the last day a version applied (to is the first day it no longer does)', () => {
    expect(spanText('2025-07-01', '2026-01-31')).toBe('Từ 01/07/2025 đến hết 30/01/2026');
    expect(spanText('2026-01-31', null)).toBe('Từ 31/01/2026');
  });

  it('lists the records that took a repealed one over once per holder, every record kept, in the order given', () => {
    const holders = ['Chủ tịch Ủy ban nhân dân cấp xã', 'Văn phòng đăng ký đất đai', 'Cơ quan có chức năng quản lý đất đai cấp tỉnh'];
    fc.assert(
      fc.property(fc.array(fc.record({ h: fc.integer({ min: 0, max: 2 }), point: fc.constantFrom('a', 'b', 'c', 'd') }), { maxLength: 8 }), (xs) => {
        const hits = xs.map((x, i) => sampleHit({ id: `r${i}`, holder: holders[x.h]!, citationText: `Điểm ${x.point} khoản 2 Điều 14 Nghị định 49/2026/NĐ-CP` }));
        const groups = successorGroups(hits);
        expect(groups.map((g) => g.holder)).toEqual([...new Set(hits.map((h) => h.holder))]);
        // Every holder–citation pair of the input is listed once.
        const pairs = new Set(hits.map((h) => `${h.holder}|${h.citationText}`));
        expect(groups.flatMap((g) => g.hits.map((h) => `${g.holder}|${h.citationText}`)).sort()).toEqual([...pairs].sort());
      }),
    );
  });
});
