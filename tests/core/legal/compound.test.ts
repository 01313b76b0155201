/**
 * Compound clauses and moved tasks (issue 8 audit), read by the rules alone (no curated corrections) on the
 * real texts: a second holder, a second sentence naming a new holder, a "; không …" tail, a task that now
 * applies to another body, and a removed step that moves a decision rather than abolishing it.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { readCatalogue } from '../../../electron/core/legal/catalogue';
import { type RegisterFile, extractRegister } from '../../../electron/core/legal/extract';
import { parseDecree } from '../../../electron/core/legal/structure';
import type { AuthorityRecord } from '../../../electron/core/model';
import { hasSources, readDecree, repoRoot } from './sources';

const cache = new Map<string, RegisterFile>();
function raw(n: string): RegisterFile {
  const hit = cache.get(n);
  if (hit) return hit;
  const doc = readCatalogue(path.join(repoRoot, 'data')).find((d) => d.number === `${n}/2025/NĐ-CP`)!;
  const reg = extractRegister(parseDecree(readDecree(`${n}-2025-ND-CP.txt`)), doc, []);
  cache.set(n, reg);
  return reg;
}
/** The committed register (rules + curated corrections), as the KB reads it. */
const committed = (n: string): RegisterFile =>
  JSON.parse(readFileSync(path.join(repoRoot, 'data', 'register', `${n}-2025-ND-CP.json`), 'utf8')) as RegisterFile;

const at = (rs: AuthorityRecord[], article: number, clause: number | null = null, point: string | null = null) =>
  rs.filter((r) => r.citation.article === article && r.citation.clause === clause && r.citation.point === point && !r.citation.annex);
const roles = (rs: AuthorityRecord[]) => rs.map((r) => `${r.holder}/${r.role}`).sort();

describe.skipIf(!hasSources)('compound clauses: every holder and sentence of a clause is read', () => {
  it('140 Điều 6 khoản 1 ("do Người đứng đầu cơ quan trung ương, Ủy ban nhân dân cấp tỉnh thực hiện"): both decide, at their level', () => {
    const rs = at(raw('140').records, 6, 1);
    expect(roles(rs)).toEqual(['Người đứng đầu cơ quan trung ương/quyet-dinh', 'Ủy ban nhân dân cấp tỉnh/quyet-dinh']);
    expect(rs.find((r) => r.holder.startsWith('Người'))?.level).toBe('trung-uong');
  });

  it('140 Điều 22 khoản 3 ("…, trình Ủy ban nhân dân cấp tỉnh phê duyệt …; không thực hiện việc thẩm định …"): the dropped step is in the decision, nobody holds an abolition', () => {
    const rs = at(raw('140').records, 22, 3);
    expect(roles(rs)).toEqual(['Sở Xây dựng/trach-nhiem', 'Ủy ban nhân dân cấp tỉnh/quyet-dinh']);
    expect(rs.find((r) => r.role === 'quyet-dinh')?.title).toMatch(/; không thẩm định/u);
  });

  it('151 Điều 16 khoản 2 (second paragraph "Văn phòng đăng ký đất đai, Chi nhánh … có trách nhiệm …"): the land registry is a provincial holder beside the committee', () => {
    const rs = at(raw('151').records, 16, 2);
    expect(roles(rs)).toEqual(['Văn phòng đăng ký đất đai, Chi nhánh Văn phòng đăng ký đất đai/trach-nhiem', 'Ủy ban nhân dân cấp tỉnh/quyet-dinh']);
    expect(rs.find((r) => r.holder.startsWith('Văn phòng'))?.level).toBe('tinh');
    // Its exception points stay nobody's (the clause lead-in says "trừ các trường hợp sau").
    expect(at(raw('151').records, 16, 2, 'a')).toEqual([]);
  });

  it('151 Điều 16 khoản 3 (third paragraph "Đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân cấp xã được thực hiện các nhiệm vụ …"): a commune holder of its own', () => {
    const rs = at(raw('151').records, 16, 3);
    expect(roles(rs)).toEqual(['Chủ tịch Ủy ban nhân dân cấp tỉnh/quyet-dinh', 'Đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân cấp xã/trach-nhiem']);
    const unit = rs.find((r) => r.holder.startsWith('Đơn vị'))!;
    expect(unit.level).toBe('xa');
    expect(unit.title).toMatch(/tổ chức phát triển quỹ đất/u);
    // The committed register keeps the curated title on the chairman's record only.
    expect(at(committed('151').records, 16, 3).find((r) => r.holder.startsWith('Đơn vị'))?.title).not.toMatch(/thành lập/u);
  });
});

describe.skipIf(!hasSources)('"[task] … được thực hiện đối với X": whose task it is comes from its head', () => {
  it('140 Điều 24 khoản 1 ("Việc chỉ đạo, hướng dẫn … được thực hiện đối với Ủy ban nhân dân cấp xã, …"): now the commune\'s', () => {
    expect(roles(at(raw('140').records, 24, 1))).toEqual(['Ủy ban nhân dân cấp xã/trach-nhiem']);
  });

  it('140 Điều 24 khoản 4 ("Việc Ủy ban nhân dân cấp tỉnh hướng dẫn … được thực hiện đối với Ủy ban nhân dân cấp xã"): the province guides the commune', () => {
    const rs = at(raw('140').records, 24, 4);
    expect(roles(rs)).toEqual(['Ủy ban nhân dân cấp tỉnh/trach-nhiem']);
    expect(rs[0]!.title).toMatch(/^Hướng dẫn .*\(đối với Ủy ban nhân dân cấp xã\)$/u);
  });

  it('125 Điều 36 khoản 1 ("Nhiệm vụ, quyền hạn của Cơ quan đăng ký kinh doanh cấp tỉnh đối với … cấp huyện … được thực hiện đối với … cấp xã"): the provincial registrar keeps it', () => {
    const rs = at(raw('125').records, 36, 1);
    expect(roles(rs)).toEqual(['Cơ quan đăng ký kinh doanh cấp tỉnh/trach-nhiem']);
    expect(rs[0]!.title).toMatch(/đối với Cơ quan đăng ký kinh doanh cấp xã/u);
  });

  it('125 Điều 36 khoản 2 ("Trách nhiệm của các cơ quan quản lý nhà nước …"): no named holder, explained', () => {
    expect(at(raw('125').records, 36, 2)).toEqual([]);
    expect(raw('125').excluded.some((x) => x.citation.article === 36 && x.citation.clause === 2)).toBe(true);
  });
});

describe.skipIf(!hasSources)('a removed step that moves a decision is no abolition (144 Điều 5)', () => {
  it('khoản 2 điểm a, b ("do Bộ … thực hiện; không thực hiện báo cáo Thủ tướng Chính phủ xem xét, quyết định"): the ministries decide, the Prime Minister is their former holder', () => {
    const rs = [...at(raw('144').records, 5, 2, 'a'), ...at(raw('144').records, 5, 2, 'b')];
    expect(roles(rs)).toEqual(['Bộ Công an/quyet-dinh', 'Bộ Quốc phòng/quyet-dinh', 'Bộ Xây dựng/quyet-dinh']);
    expect(rs.map((r) => r.formerHolder)).toEqual(['Thủ tướng Chính phủ', 'Thủ tướng Chính phủ', 'Thủ tướng Chính phủ']);
  });

  it('khoản 4 ("… do đại diện chủ sở hữu … thực hiện; không gửi Bộ Xây dựng thẩm định, báo cáo Thủ tướng Chính phủ quyết định"): neither removed step is a record, the representative decides, formerly them', () => {
    for (const reg of [raw('144'), committed('144')]) {
      const rs = at(reg.records, 5, 4);
      expect(rs.map((r) => `${r.holder}/${r.level}/${r.role}`).sort()).toEqual([
        'đại diện chủ sở hữu nhà ở thuộc tài sản công/tinh/quyet-dinh',
        'đại diện chủ sở hữu nhà ở thuộc tài sản công/trung-uong/quyet-dinh',
      ]);
      for (const r of rs) expect(r.formerHolder).toBe('Bộ Xây dựng, Thủ tướng Chính phủ');
    }
  });

  it('a clause that starts "Không thực hiện …" is still an abolition (140 Điều 23 and the like keep their bai-bo records)', () => {
    const abolished = Object.values({ a: raw('140'), b: raw('144'), c: raw('151') }).flatMap((r) => r.records.filter((x) => x.role === 'bai-bo'));
    expect(abolished.length).toBeGreaterThan(0);
    expect(abolished.every((r) => !/^Không (?:gửi|báo cáo)/u.test(r.title))).toBe(true);
  });
});
