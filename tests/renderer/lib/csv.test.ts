import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../electron/api/contract';
import { hitsToCsv } from '../../../renderer/src/lib/csv';
import { sampleHit } from '../sample-hit';

const base: SearchHit = sampleHit({
  title: 'Đăng ký khai sinh, "có yếu tố" nước ngoài',
  formerHolder: 'Ủy ban nhân dân cấp huyện',
  citation: { document: '120/2025/NĐ-CP', article: 4, clause: 1, point: null, annex: null },
  citationText: 'Khoản 1 Điều 4 Nghị định 120/2025/NĐ-CP',
  sourceStatus: 'second-hand',
});

describe('hitsToCsv', () => {
  it('writes a BOM, a Vietnamese header, labels instead of codes, and quotes cells with commas or quotes', () => {
    const csv = hitsToCsv([base, { ...base, id: 'r2', title: '=HYPERLINK("x")', formerHolder: null }]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('Cơ quan thực hiện');
    expect(lines[1]).toContain('"Đăng ký khai sinh, ""có yếu tố"" nước ngoài"');
    expect(lines[1]).toContain('Cấp xã');
    expect(lines[1]).toContain('Có thẩm quyền quyết định');
    expect(lines[1]).toContain('Chưa đối chiếu văn bản gốc');
    // a formula-looking cell is neutralised
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
