import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../electron/api/contract';
import { hitsToCsv } from '../../../renderer/src/lib/csv';
import { sampleHit, sampleStatus } from '../sample-hit';

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

  it('adds the status on the day, with its act, and the delegation note', () => {
    const repealed = sampleHit({
      id: 'old',
      status: sampleStatus({ code: 'bai-bo', label: 'Đã bãi bỏ từ 31/01/2026 bởi điểm đ khoản 3 Điều 16 Nghị định 49/2026/NĐ-CP' }),
    });
    const delegated = sampleHit({
      id: 'new',
      delegation: {
        note: 'UBND cấp tỉnh có thể đã phân cấp, ủy quyền',
        province: 'Lào Cai',
        holder: 'Sở Nông nghiệp và Môi trường',
        citationText: 'Điều 1 Quyết định 40/2026/QĐ-UBND',
        recordId: 'x',
      },
    });
    const lines = hitsToCsv([delegated, repealed], '2026-03-01').slice(1).trimEnd().split('\r\n');
    const header = lines[0]!.split(',');
    const col = header.indexOf('Tình trạng ngày 01/03/2026');
    expect(col).toBeGreaterThan(0);
    expect(lines[1]).toContain('Đang có hiệu lực');
    expect(lines[1]).toContain('Tại Lào Cai: Sở Nông nghiệp và Môi trường (Điều 1 Quyết định 40/2026/QĐ-UBND)');
    expect(lines[2]).toContain('Đã bãi bỏ từ 31/01/2026 bởi điểm đ khoản 3 Điều 16 Nghị định 49/2026/NĐ-CP');
    expect(hitsToCsv([repealed])).toContain(',Tình trạng,');
  });

  it('carries the time limit with its source, and says when the text names no former holder', () => {
    const timed = sampleHit({ id: 't', timeLimit: '17 Ngày làm việc', timeLimitSource: 'Cổng Dịch vụ công quốc gia, thủ tục 1.012753', formerHolder: 'văn bản không nêu' });
    const rows = hitsToCsv([timed, { ...timed, id: 'u', timeLimit: null, formerHolder: 'Ủy ban nhân dân cấp huyện' }]).slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toContain(',Thời hạn giải quyết,');
    expect(rows[1]).toContain(',"17 ngày làm việc (Cổng Dịch vụ công quốc gia, thủ tục 1.012753)",');
    expect(rows[1]).toContain(',Văn bản không nêu,');
    expect(rows[2]).toContain(',Ủy ban nhân dân cấp huyện,');
    expect(rows[2]).not.toContain('Văn bản không nêu');
  });
});
