/**
 * Roles from meaning and annex deciders (issue 8, re-audit 2026-12), read by the rules alone (no curated
 * corrections) on the real texts. Each case is one the audit found wrong before the rule.
 */
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { readCatalogue } from '../../../electron/core/legal/catalogue';
import { type RegisterFile, extractRegister } from '../../../electron/core/legal/extract';
import { parseDecree } from '../../../electron/core/legal/structure';
import type { AuthorityRecord } from '../../../electron/core/model';
import { readFileSync } from 'node:fs';
import { assignmentsIn, taskRoleOf } from '../../../electron/core/legal/assign';
import { matchForm, sentences } from '../../../electron/core/legal/text';
import { SOURCES, hasSources, readDecree, repoRoot } from './sources';

const cache = new Map<string, RegisterFile>();
function raw(n: string): RegisterFile {
  const hit = cache.get(n);
  if (hit) return hit;
  const doc = readCatalogue(path.join(repoRoot, 'data')).find((d) => d.number === `${n}/2025/NĐ-CP`)!;
  const reg = extractRegister(parseDecree(readDecree(`${n}-2025-ND-CP.txt`)), doc, []);
  cache.set(n, reg);
  return reg;
}
const at = (rs: AuthorityRecord[], article: number | null, clause: number | null = null, point: string | null = null, annex: string | null = null) =>
  rs.filter((r) => r.citation.article === article && r.citation.clause === clause && r.citation.point === point && r.citation.annex === annex);
const roles = (rs: AuthorityRecord[]) => rs.map((r) => `${r.holder}/${r.role}`).sort();

describe.skipIf(!hasSources)('"có trách nhiệm …" is read by what the duty is', () => {
  it('151 Điều 13 khoản 1 ("Hội đồng nhân dân cấp xã có trách nhiệm cử đại diện …"): sending a representative is a decision', () => {
    expect(roles(at(raw('151').records, 13, 1))).toContain('Hội đồng nhân dân cấp xã/quyet-dinh');
  });

  it('129 Điều 29 khoản 2 điểm a: "có trách nhiệm thành lập Ban Chỉ đạo" decides, the next sentence\'s "có trách nhiệm lập danh sách" is a duty', () => {
    expect(roles(at(raw('129').records, 29, 2, 'a'))).toEqual(['Ủy ban nhân dân cấp xã/quyet-dinh', 'Ủy ban nhân dân cấp xã/trach-nhiem']);
  });

  it('120 Điều 22 khoản 2 ("Công an cấp xã có trách nhiệm chủ trì, phối hợp với Ủy ban nhân dân cấp xã …"): the commune coordinates, titled by the task', () => {
    const rs = at(raw('120').records, 22, 2);
    expect(roles(rs)).toEqual(['Công an cấp xã/trach-nhiem', 'Ủy ban nhân dân cấp xã/phoi-hop']);
    expect(rs.find((r) => r.role === 'phoi-hop')!.title).toMatch(/^Phối hợp bảo đảm an ninh, trật tự/u);
  });
});

describe.skipIf(!hasSources)('"Trách nhiệm | Nhiệm vụ [task] … do X thực hiện": the task says the role', () => {
  it('140 Điều 23 khoản 6 ("Trách nhiệm tổ chức giao thông đường bộ … do Cục Đường bộ Việt Nam, Sở Xây dựng, Ủy ban nhân dân cấp xã thực hiện"): duties', () => {
    expect(roles(at(raw('140').records, 23, 6))).toEqual(['Cục Đường bộ Việt Nam/trach-nhiem', 'Sở Xây dựng/trach-nhiem', 'Ủy ban nhân dân cấp xã/trach-nhiem']);
  });

  it('140 Điều 12 khoản 2 ("Trách nhiệm xây dựng … kế hoạch cải tạo …, báo cáo Ủy ban nhân dân cấp tỉnh phê duyệt"): the approval named is another\'s, a duty', () => {
    expect(roles(at(raw('140').records, 12, 2).filter((r) => r.holder === 'Ủy ban nhân dân cấp xã'))).toEqual(['Ủy ban nhân dân cấp xã/trach-nhiem']);
  });

  it('140 Điều 14 khoản 11 ("Trách nhiệm phê duyệt phương án cưỡng chế … do Ủy ban nhân dân cấp xã thực hiện") still decides', () => {
    expect(roles(at(raw('140').records, 14, 11))).toEqual(['Ủy ban nhân dân cấp xã/quyet-dinh']);
  });

  it('125 Điều 8 ("Nhiệm vụ chủ trì, tổ chức kiểm tra …") is a duty; 125 Điều 37 khoản 1 ("Nhiệm vụ tiếp nhận hồ sơ bàn giao …") receives', () => {
    expect(roles(at(raw('125').records, 8))).toEqual(['Ủy ban nhân dân cấp xã/trach-nhiem']);
    expect(roles(at(raw('125').records, 37, 1))).toEqual(['Ủy ban nhân dân cấp xã/tiep-nhan']);
  });

  it('a word inside another is no decision: 140 Điều 12 khoản 11 ("… di dời khẩn cấp …") and 140 Điều 14 khoản 5 ("… do chủ đầu tư cung cấp") are duties', () => {
    expect(roles(at(raw('140').records, 12, 11).filter((r) => r.holder === 'Ủy ban nhân dân cấp tỉnh'))).toEqual(['Ủy ban nhân dân cấp tỉnh/trach-nhiem']);
    expect(roles(at(raw('140').records, 14, 5))).toEqual(['Ủy ban nhân dân cấp xã/trach-nhiem']);
  });

  it('125 Điều 26 ("Nhiệm vụ của … về phối hợp với cơ quan thuế …") coordinates; 125 Điều 6 khoản 3 ("Thẩm quyền thực hiện báo cáo …") is a duty', () => {
    expect(roles(at(raw('125').records, 26))).toEqual(['Ủy ban nhân dân cấp xã/phoi-hop']);
    expect(roles(at(raw('125').records, 6, 3))).toEqual(['Ủy ban nhân dân cấp xã/trach-nhiem']);
  });

  it('146 Điều 49 khoản 2 ("… về tiếp nhận thủ tục thông báo website …") receives; 120 Điều 24 khoản 2 ("có trách nhiệm phân công …") decides', () => {
    expect(roles(at(raw('146').records, 49, 2))).toEqual(['Ủy ban nhân dân cấp tỉnh/tiep-nhan']);
    expect(roles(at(raw('120').records, 24, 2))).toEqual(['Chủ tịch Ủy ban nhân dân cấp tỉnh/quyet-dinh']);
  });

  it('121 Điều 21 ("Việc kiến nghị … thuộc thẩm quyền của Ủy ban nhân dân cấp tỉnh"): a power to propose is a duty', () => {
    expect(roles(at(raw('121').records, 21))).toEqual(['Ủy ban nhân dân cấp tỉnh/trach-nhiem']);
  });

  it('points under such a lead-in: 129 Điều 57 khoản 1 "Quản lý, kiểm tra …" is a duty, khoản 5 "Xem xét, quyết định giao nhiệm vụ …" decides', () => {
    expect(roles(at(raw('129').records, 57, 1))).toEqual(['Ủy ban nhân dân cấp xã/trach-nhiem']);
    expect(roles(at(raw('129').records, 57, 5))).toEqual(['Ủy ban nhân dân cấp xã/quyet-dinh']);
    expect(roles(at(raw('128').records, 5, 6, 'd'))).toEqual(['Sở Nội vụ/trach-nhiem']); // "Thông báo kết quả …"
  });
});

describe.skipIf(!hasSources)('a task moved away is no abolition', () => {
  it('144 Điều 24 khoản 2 ("… do cơ quan đại diện chủ sở hữu nhà ở thực hiện; Thủ tướng Chính phủ không xem xét, quyết định …"): no bai-bo record for the Prime Minister', () => {
    const rs = at(raw('144').records, 24, 2);
    expect(rs.some((r) => r.holder === 'Thủ tướng Chính phủ' || r.role === 'bai-bo')).toBe(false);
    // The task moved to the housing's representative (a bộ or the provincial committee), formerly the Prime Minister's.
    expect(rs.map((r) => `${r.level}/${r.role}/${r.formerHolder}`).sort()).toEqual(['tinh/quyet-dinh/Thủ tướng Chính phủ', 'trung-uong/quyet-dinh/Thủ tướng Chính phủ']);
    // A clause that only abolishes keeps its record (khoản 1: "Không thực hiện việc thẩm định …").
    expect(roles(at(raw('144').records, 24, 1))).toEqual(['Bộ Xây dựng/bai-bo']);
  });
});

describe.skipIf(!hasSources)('annex procedures cite the clause where the body decides', () => {
  it('139 Phụ lục V mục I: khoản 3 ("Ủy ban nhân dân cấp xã có trách nhiệm xem xét, thẩm định và cấp …"), not the fee clause 4 that names it as addressee', () => {
    const rs = raw('139').records.filter((r) => r.citation.annex === 'mục I Phụ lục V');
    expect(rs.map((r) => [r.citation.clause, r.holder, r.role])).toEqual([[3, 'Ủy ban nhân dân cấp xã', 'quyet-dinh']]);
  });

  it('146 Phụ lục V phần B mục II: Bộ Công Thương decides at khoản 2 điểm b ("xem xét quyết định"); the form "do Bộ trưởng … ban hành" in the dossier list is no holder', () => {
    const rs = raw('146').records.filter((r) => r.citation.annex === 'mục II phần B Phụ lục V');
    expect(rs.map((r) => [r.citation.clause, r.citation.point, r.holder])).toEqual([[2, 'b', 'Bộ Công Thương']]);
  });

  it('151 Phụ lục I Phần VII mục VI khoản 3 ("do Chủ tịch … cấp xã phê duyệt đối với …; do Chủ tịch … cấp tỉnh phê duyệt đối với …"): both deciders', () => {
    const rs = raw('151').records.filter((r) => r.citation.annex === 'mục VI Phần VII Phụ lục I');
    expect(roles(rs)).toEqual(['Chủ tịch Ủy ban nhân dân cấp tỉnh/quyet-dinh', 'Chủ tịch Ủy ban nhân dân cấp xã/quyet-dinh']);
  });
});

describe.skipIf(!hasSources)('a location is no verb: "Ủy ban nhân dân cấp tỉnh nơi tổ chức đặt trụ sở chính hoặc … có thẩm quyền …" (26/2026 Điều 9 khoản 4, Điều 20 khoản 3)', () => {
  const text = readFileSync(path.join(SOURCES, 'amending', '26-2026-ND-CP.txt'), 'utf8');
  const clause = (start: string) => sentences(matchForm(text)).find((x) => x.startsWith(start))!;

  it('"nơi tổ chức đặt …" is where the business sits, "có thẩm quyền" is the verb: the province decides', () => {
    for (const start of ['Ủy ban nhân dân cấp tỉnh nơi tổ chức đặt trụ sở chính hoặc Ủy ban nhân dân cấp tỉnh nơi tổ chức đặt cơ sở', 'Ủy ban nhân dân cấp tỉnh nơi tổ chức đặt trụ sở chính hoặc Ủy ban nhân dân cấp tỉnh nơi tổ chức đặt kho']) {
      const s = clause(start);
      expect(s, start).toBeTruthy();
      expect(assignmentsIn(s).map((a) => [a.holder, a.role])).toEqual([['Ủy ban nhân dân cấp tỉnh', 'quyet-dinh']]);
    }
  });

  it('the committed register agrees', () => {
    const reg = JSON.parse(readFileSync(path.join(repoRoot, 'data', 'register', '26-2026-ND-CP.json'), 'utf8')) as RegisterFile;
    const of = (a: number, k: number) => roles(reg.records.filter((r) => r.citation.article === a && r.citation.clause === k && r.citation.point === null));
    expect(of(9, 4)).toEqual(['Ủy ban nhân dân cấp tỉnh/quyet-dinh']);
    expect(of(20, 3)).toEqual(['Ủy ban nhân dân cấp tỉnh/quyet-dinh']);
  });
});

describe('roles from meaning, sample E (fresh re-audit, 12/2026)', () => {
  it('compiling, reporting, following up is a duty; "theo phân cấp" is no decision word', () => {
    expect(taskRoleOf('d) Nhiệm vụ của Ủy ban nhân dân cấp huyện về tổng hợp kế hoạch thực hiện của cấp xã')).toBe('trach-nhiem');
    expect(taskRoleOf('3. Nhiệm vụ thực hiện quản lý nhà nước về hoạt động đầu tư xây dựng trên địa bàn theo phân cấp, tổ chức đào tạo')).toBe('trach-nhiem');
    // A task that decides still decides.
    expect(taskRoleOf('Nhiệm vụ của Ủy ban nhân dân cấp huyện về kiểm tra và cấp giấy phép')).not.toBe('trach-nhiem');
  });

  it('"X kiểm tra …; thực hiện cấp lại …": the follow-on step after a semicolon decides', () => {
    const s = matchForm('Văn phòng đăng ký đất đai kiểm tra thông tin của Trang bổ sung trong hồ sơ địa chính; thực hiện cấp lại Giấy chứng nhận quyền sử dụng đất.');
    expect(assignmentsIn(s).map((a) => `${a.holder}/${a.role}`)).toEqual(['Văn phòng đăng ký đất đai/quyet-dinh']);
    // Sending the file on is no decision of the sender.
    const t = matchForm('Ủy ban nhân dân cấp xã kiểm tra hồ sơ; thực hiện gửi hồ sơ đến Sở Nội vụ.');
    expect(assignmentsIn(t).map((a) => a.role)).toEqual(['trach-nhiem']);
  });

  it.skipIf(!hasSources)('151 Phụ lục I Phần V C mục VIII (cấp lại Giấy chứng nhận bị mất): the land registry that reissues holds the procedure', () => {
    const rs = raw('151').records.filter((r) => r.citation.annex === 'mục VIII phần C Phần V Phụ lục I');
    expect(rs.map((r) => `${r.holder}/${r.role}`)).toEqual(['Văn phòng đăng ký đất đai/quyet-dinh']);
  });
});

describe.skipIf(!hasSources)('roles from meaning, sample G (fresh re-audit, 12/2026)', () => {
  const text26 = () => readFileSync(path.join(SOURCES, 'amending', '26-2026-ND-CP.txt'), 'utf8');

  it('146 Điều 9 khoản 1 ("… về tiếp nhận hồ sơ, thẩm định, đánh giá điều kiện thực tế và báo cáo Thủ tướng Chính phủ cấp …"): the province receives the file, the Prime Minister grants', () => {
    expect(roles(at(raw('146').records, 9, 1))).toEqual(['Ủy ban nhân dân cấp tỉnh/tiep-nhan']);
    // A task that is the holder's own grant still decides.
    expect(taskRoleOf('1. Nhiệm vụ, quyền hạn của Bộ Công Thương về cấp, cấp lại Giấy phép sản xuất hóa chất Bảng 1')).not.toBe('tiep-nhan');
  });

  it('26/2026 Điều 20 khoản 7 ("… thực hiện thanh tra, kiểm tra, giám sát việc thực hiện quy định …"): inspecting is a duty', () => {
    const s = sentences(matchForm(text26())).find((x) => x.includes('Ủy ban nhân dân cấp tỉnh nơi tổ chức đặt cơ sở tồn trữ hóa chất thực hiện thanh tra'))!;
    expect(s).toBeTruthy();
    expect(assignmentsIn(s).map((a) => `${a.holder}/${a.role}`)).toEqual(['Ủy ban nhân dân cấp tỉnh/trach-nhiem']);
    // What is carried out decides: still a decision.
    expect(assignmentsIn(matchForm('Ủy ban nhân dân cấp tỉnh thực hiện kiểm tra, cấp Giấy chứng nhận đủ điều kiện.')).map((a) => a.role)).toEqual(['quyet-dinh']);
  });

  it('128 Điều 5 khoản 9 điểm d ("Sở Nội vụ thực hiện trình tự, thủ tục theo quy định tại điểm c khoản này"): the steps of điểm c are duties, as its sister điểm b', () => {
    const rs = raw('128').records;
    expect(roles(at(rs, 5, 9, 'd'))).toEqual(['Sở Nội vụ/trach-nhiem']);
    expect(roles(at(rs, 5, 9, 'b'))).toContain('Sở Nội vụ/trach-nhiem');
    // The decision the steps lead to (khoản 11 điểm c: "ban hành quyết định xác định danh tính") decides.
    expect(roles(at(rs, 5, 11, 'c'))).toContain('Sở Nội vụ/quyet-dinh');
  });

  it('140 Điều 11 khoản 2 điểm đ ("cơ quan quản lý nhà ở cấp tỉnh phối hợp cùng đơn vị tư vấn (nếu có) hoàn thiện …"): the agency does the work', () => {
    expect(roles(at(raw('140').records, 11, 2, 'đ'))).toEqual(['cơ quan quản lý nhà ở cấp tỉnh/trach-nhiem']);
    // Coordinating with an authority stays coordination.
    expect(assignmentsIn(matchForm('Sở Xây dựng phối hợp với Sở Tài chính (nếu có) thẩm định dự án.')).map((a) => `${a.holder}/${a.role}`)).toContain('Sở Xây dựng/phoi-hop');
  });

  it('120 Điều 24 khoản 1 (audit E 38): the commune\'s duty for files the district had received, when the applicant moved, names the district as former holder; the provincial steps for a commune not found name none', () => {
    const rs = at(raw('120').records, 24, 1);
    const by = (holder: string, role: string) => rs.find((r) => r.holder === holder && r.role === role);
    expect(by('Ủy ban nhân dân cấp xã', 'quyet-dinh')?.formerHolder).toBe('Ủy ban nhân dân cấp huyện');
    expect(by('Ủy ban nhân dân cấp xã', 'trach-nhiem')?.formerHolder).toBe('Ủy ban nhân dân cấp huyện');
    // The second paragraph's bodies (Sở Tư pháp, the provincial chairman) take nothing from the district.
    const reg = JSON.parse(readFileSync(path.join(repoRoot, 'data', 'register', '120-2025-ND-CP.json'), 'utf8')) as RegisterFile;
    const committed = at(reg.records, 24, 1);
    expect(committed.filter((r) => r.holder === 'Ủy ban nhân dân cấp xã').map((r) => r.formerHolder)).toEqual(['Ủy ban nhân dân cấp huyện', 'Ủy ban nhân dân cấp huyện']);
    expect(committed.filter((r) => r.holder !== 'Ủy ban nhân dân cấp xã').map((r) => `${r.holder}/${r.formerHolder}`).sort()).toEqual(['Chủ tịch Ủy ban nhân dân cấp tỉnh/null', 'Sở Tư pháp/null']);
  });
});

describe.skipIf(!hasSources)('roles from meaning, sample H (fresh re-audit, 12/2026)', () => {
  it('125 Điều 20 khoản 4 ("Thẩm quyền lập, đề xuất phương án xử lý tài sản …"): proposing is a duty; a bundle that also decides (139 Điều 6) still decides', () => {
    expect(roles(at(raw('125').records, 20, 4))).toEqual(['cơ quan chuyên môn được Ủy ban nhân dân cấp xã giao/trach-nhiem']);
    expect(roles(at(raw('139').records, 6))).toContain('Ủy ban nhân dân cấp xã/quyet-dinh');
  });

  it('129 Điều 81 khoản 1 ("Ủy ban nhân dân cấp tỉnh có trách nhiệm giải quyết các thủ tục giải thể …"): settling a procedure decides', () => {
    expect(roles(at(raw('129').records, 81, 1))).toEqual(['Ủy ban nhân dân cấp tỉnh/quyet-dinh']);
    // A duty to report stays a duty.
    expect(assignmentsIn(matchForm('Ủy ban nhân dân cấp xã có trách nhiệm báo cáo Sở Nội vụ về việc giải quyết hồ sơ.')).map((a) => a.role)).toEqual(['trach-nhiem']);
  });

  it('125 Điều 5 khoản 2 điểm h, l ("Nhiệm vụ của lãnh đạo … làm Chủ tịch Hội đồng thẩm định / tổ trưởng tổ thẩm định …"): a seat on a council or team is a duty, by rule and in the curated records', () => {
    const text = matchForm(readDecree('125-2025-ND-CP.txt'));
    for (const start of ['l) Nhiệm vụ của lãnh đạo Ủy ban nhân dân cấp huyện làm tổ trưởng', 'h) Nhiệm vụ của lãnh đạo Ủy ban nhân dân cấp huyện làm Chủ tịch Hội đồng thẩm định']) {
      const s = sentences(text).find((x) => x.startsWith(start));
      expect(s, start).toBeTruthy();
      expect(taskRoleOf(s!)).toBe('trach-nhiem');
    }
    const reg = JSON.parse(readFileSync(path.join(repoRoot, 'data', 'register', '125-2025-ND-CP.json'), 'utf8')) as RegisterFile;
    for (const point of ['h', 'l']) expect(roles(at(reg.records, 5, 2, point)).filter((x) => x.startsWith('lãnh đạo'))).toEqual(['lãnh đạo Ủy ban nhân dân cấp xã/trach-nhiem']);
  });
});


describe.skipIf(!hasSources)('roles from meaning, sample I (fresh re-audit, 12/2026)', () => {
  it('140 Điều 10 khoản 2 điểm đ ("Ủy ban nhân dân cấp tỉnh phải ban hành quyết định phê duyệt …"): the decision after «phải» decides', () => {
    expect(roles(at(raw('140').records, 10, 2, 'đ'))).toEqual(['Ủy ban nhân dân cấp tỉnh/quyet-dinh']);
    // A plain obligation after «phải» stays a duty.
    expect(assignmentsIn(matchForm('Ủy ban nhân dân cấp xã phải thông báo cho người sử dụng đất.')).map((a) => a.role)).toEqual(['trach-nhiem']);
  });

  it('140 Điều 23 khoản 9 ("Trách nhiệm khi xảy ra sự cố … tại khoản 3 Điều 27 Nghị định số 161/2024/NĐ-CP … quy định … cấp giấy phép …"): the cited decree\'s title is no task', () => {
    expect(roles(at(raw('140').records, 23, 9))).toEqual(['Ủy ban nhân dân cấp xã/trach-nhiem']);
    expect(taskRoleOf('Trách nhiệm cấp giấy phép vận chuyển hàng hóa nguy hiểm tại khoản 3 Điều 27 Nghị định số 161/2024/NĐ-CP')).not.toBe('trach-nhiem');
  });

  it('151 Phụ lục I Phần V C mục X ("3. Văn phòng đăng ký đất đai có trách nhiệm: … d) Cấp Giấy chứng nhận …"): the registry decides, cited at điểm d', () => {
    const rs = raw('151').records.filter((r) => r.citation.annex === 'mục X phần C Phần V Phụ lục I');
    expect(rs.map((r) => [r.citation.clause, r.citation.point, r.holder, r.role])).toEqual([[3, 'd', 'Văn phòng đăng ký đất đai', 'quyet-dinh']]);
  });
});

describe.skipIf(!hasSources)('annex deciders, sample J (fresh re-audit, 12/2026)', () => {
  it('151 Phụ lục I Phần V C mục IX ("c) Văn phòng đăng ký đất đai thực hiện đo đạc …; xác nhận thay đổi vào Giấy chứng nhận"): the registry decides, not the commune agency that only surveys', () => {
    const rs = raw('151').records.filter((r) => r.citation.annex === 'mục IX phần C Phần V Phụ lục I');
    expect(rs.map((r) => [r.citation.clause, r.citation.point, r.holder, r.role])).toEqual([[1, 'c', 'Văn phòng đăng ký đất đai', 'quyet-dinh']]);
    // Phần V C mục I (tách thửa, hợp thửa): the registry still decides, at the clause that issues the certificates.
    const split = raw('151').records.filter((r) => r.citation.annex === 'mục I phần C Phần V Phụ lục I');
    expect(split.map((r) => [r.citation.clause, r.holder, r.role])).toEqual([[4, 'Văn phòng đăng ký đất đai, Chi nhánh Văn phòng đăng ký đất đai', 'quyet-dinh']]);
  });
});

describe.skipIf(!hasSources)('roles from meaning, sample K (fresh re-audit, 12/2026)', () => {
  it('129 Điều 75 khoản 2 điểm b ("… có trách nhiệm phân loại và có văn bản cử hòa giải viên lao động giải quyết"): the appointment decides', () => {
    expect(roles(at(raw('129').records, 75, 2, 'b'))).toEqual([
      'Sở Nội vụ/quyet-dinh',
      'cơ quan chuyên môn thực hiện nhiệm vụ về lĩnh vực nội vụ thuộc Ủy ban nhân dân cấp xã/quyet-dinh',
    ]);
    // Sorting alone, or a letter that only informs, stays a duty.
    expect(assignmentsIn(matchForm('Sở Nội vụ có trách nhiệm phân loại và có văn bản thông báo cho người nộp đơn.')).map((a) => a.role)).toEqual(['trach-nhiem']);
  });

  it('146 Điều 46 khoản 2 ("Nhiệm vụ, quyền hạn … về tổ chức hoạt động khảo sát, thử nghiệm; công bố kết quả …; thông tin, cảnh báo …"): duties', () => {
    expect(roles(at(raw('146').records, 46, 2))).toEqual(['Ủy ban nhân dân cấp tỉnh/trach-nhiem']);
    // A power of the same form that grants still decides (146 Điều 48 khoản 4: "… về kiểm tra, cấp, thu hồi xác nhận …").
    expect(roles(at(raw('146').records, 48, 4))).toEqual(['Ủy ban nhân dân cấp tỉnh/quyet-dinh']);
  });

  it('151 Phụ lục I Phần VII mục VI khoản 3: the levels the clause names, not also the chairman "cấp có thẩm quyền" of its first and last sentences', () => {
    const rs = raw('151').records.filter((r) => r.citation.annex === 'mục VI Phần VII Phụ lục I');
    expect(roles(rs)).toEqual(['Chủ tịch Ủy ban nhân dân cấp tỉnh/quyet-dinh', 'Chủ tịch Ủy ban nhân dân cấp xã/quyet-dinh']);
  });
});

describe.skipIf(!hasSources)('roles from meaning, sample L (fresh re-audit, 12/2026)', () => {
  it('146 Điều 48 khoản 3 ("… về kiểm tra, giám sát hoạt động của cơ sở đào tạo kiến thức pháp luật về bán hàng đa cấp"): «đa cấp» is no «cấp»', () => {
    expect(roles(at(raw('146').records, 48, 3))).toEqual(['Ủy ban nhân dân cấp tỉnh/trach-nhiem']);
    expect(taskRoleOf('Nhiệm vụ, quyền hạn của Bộ Công Thương về kiểm tra, cấp, thu hồi xác nhận kiến thức pháp luật về bán hàng đa cấp')).not.toBe('trach-nhiem');
  });

  it('26/2026 Điều 23 khoản 4 điểm g ("Bộ Công Thương có trách nhiệm xác nhận đăng ký hóa chất mới"): confirming the registration decides; certifying a declaration for Sở Nội vụ stays a duty', () => {
    const text = readFileSync(path.join(SOURCES, 'amending', '26-2026-ND-CP.txt'), 'utf8');
    const s = sentences(matchForm(text)).find((x) => x.includes('Bộ Công Thương có trách nhiệm xác nhận đăng ký hóa chất mới'))!;
    expect(s).toBeTruthy();
    expect(assignmentsIn(s).map((a) => `${a.holder}/${a.role}`)).toEqual(['Bộ Công Thương/quyet-dinh']);
    expect(roles(at(raw('129').records, 13, 1))).toEqual(['Ủy ban nhân dân cấp xã/trach-nhiem']);
  });

  it('140 Điều 22 khoản 1 ("… ủy quyền, phân cấp cho Ủy ban nhân dân cấp xã là chủ sở hữu đối với hệ thống thoát nước"): ownership is a duty', () => {
    const rs = roles(at(raw('140').records, 22, 1));
    expect(rs).toContain('Ủy ban nhân dân cấp xã/trach-nhiem');
    expect(rs.filter((r) => r.endsWith('/quyet-dinh'))).toEqual([]);
  });

  it('151 Phụ lục I Phần V C mục VI, VII ("3. Văn phòng đăng ký đất đai thực hiện các công việc sau: … d) Chỉnh lý …; cấp mới Giấy chứng nhận …"): the registry decides at that point', () => {
    const of = (annex: string) => raw('151').records.filter((r) => r.citation.annex === annex).map((r) => [r.citation.clause, r.citation.point, r.holder, r.role]);
    expect(of('mục VI phần C Phần V Phụ lục I')).toEqual([[3, 'd', 'Văn phòng đăng ký đất đai', 'quyet-dinh']]);
    expect(of('mục VII phần C Phần V Phụ lục I')).toEqual([[4, 'đ', 'Văn phòng đăng ký đất đai', 'quyet-dinh']]);
  });
});

describe.skipIf(!hasSources)('roles from meaning, sample N (fresh re-audit, 12/2026)', () => {
  it('140 Điều 24 khoản 5 ("Việc chủ trì, phối hợp với doanh nghiệp … để giải tỏa hành lang an toàn giao thông tại đường ngang … do Ủy ban nhân dân cấp xã thực hiện"): leading the work is a duty', () => {
    expect(roles(at(raw('140').records, 24, 5))).toEqual(['Ủy ban nhân dân cấp xã/trach-nhiem']);
    // What is led decides: "chủ trì cưỡng chế di dời" stays with the decisions.
    expect(taskRoleOf('Việc chủ trì cưỡng chế di dời chủ sở hữu, người sử dụng nhà chung cư do ')).not.toBe('trach-nhiem');
  });

  it('121 Điều 18 ("Việc hỗ trợ người bị thiệt hại thực hiện thủ tục yêu cầu bồi thường nhà nước … thuộc thẩm quyền của Ủy ban nhân dân cấp tỉnh …"): helping is a duty; guidance bundled with «xem xét, quyết định khen thưởng» still decides', () => {
    expect(roles(at(raw('121').records, 18, null))).toEqual(['Ủy ban nhân dân cấp tỉnh/trach-nhiem']);
    expect(roles(at(raw('120').records, 18, 1))).toContain('Ủy ban nhân dân cấp tỉnh/quyet-dinh');
  });

  it('128 Điều 9 khoản 1 điểm a, b ("Nhận thông báo của người lao động về nguy cơ mất an toàn lao động … để có biện pháp ngăn chặn …"): receiving a notice to act on is a duty', () => {
    const rs = raw('128').records.filter((r) => r.citation.article === 9 && r.citation.clause === 1 && (r.citation.point === 'a' || r.citation.point === 'b'));
    expect(rs.map((r) => `${r.citation.point}/${r.holder}/${r.role}`)).toEqual(['a/Ủy ban nhân dân cấp xã/trach-nhiem', 'b/Ủy ban nhân dân cấp xã/trach-nhiem']);
  });
});

describe.skipIf(!hasSources)('roles from meaning, sample O (fresh re-audit, 12/2026)', () => {
  it('125 Điều 25 ("Nhiệm vụ của Ủy ban nhân dân cấp huyện về chỉ đạo cơ quan chức năng … phối hợp với cơ quan quản lý thuế trong việc cấp, thu hồi …"): directing is a duty', () => {
    expect(roles(at(raw('125').records, 25, null))).toEqual(['Ủy ban nhân dân cấp xã/trach-nhiem']);
    expect(roles(at(raw('146').records, 21, null))).toEqual(['Ủy ban nhân dân cấp tỉnh/trach-nhiem']);
  });

  it('125 Điều 30 khoản 1 ("Nhiệm vụ của Ủy ban nhân dân cấp huyện được quy định tại khoản 4 Điều 24 … do Ủy ban nhân dân cấp xã thực hiện" under "Nhiệm vụ tổng hợp và gửi danh sách …"): the heading gives the role', () => {
    expect(roles(at(raw('125').records, 30, 1))).toEqual(['Ủy ban nhân dân cấp xã/trach-nhiem']);
  });

  it('120 Điều 7 khoản 1, 140 Điều 28 khoản 1 ("Ủy ban nhân dân cấp xã thực hiện (trách nhiệm) quản lý nhà nước …"): state management is a duty', () => {
    expect(roles(at(raw('120').records, 7, 1))).toEqual(['Ủy ban nhân dân cấp xã/trach-nhiem']);
    expect(roles(at(raw('140').records, 28, 1))).toEqual(['Ủy ban nhân dân cấp xã/trach-nhiem']);
  });

  it('146 Điều 6 khoản 2 ("Nhiệm vụ, quyền hạn của Thủ tướng Chính phủ về trách nhiệm xử lý hóa chất độc tồn dư của chiến tranh …"): a responsibility is a duty', () => {
    expect(roles(at(raw('146').records, 6, 2))).toEqual(['Ủy ban nhân dân cấp tỉnh/trach-nhiem']);
  });
});

describe.skipIf(!hasSources)('roles from meaning, sample P (fresh re-audit, 12/2026)', () => {
  it('125 Điều 9 khoản 2 ("Chủ tịch Ủy ban nhân dân cấp xã có trách nhiệm thực hiện nhiệm vụ được ủy quyền phê duyệt hồ sơ mời thầu …"): the delegate decides', () => {
    expect(roles(at(raw('125').records, 9, 2))).toEqual(['Chủ tịch Ủy ban nhân dân cấp xã/quyet-dinh']);
  });

  it('139 Điều 22 khoản 2 ("Ủy ban nhân dân cấp tỉnh theo thẩm quyền có thể quy định cụ thể …, nhưng phải bảo đảm …"): the power to make local rules decides', () => {
    expect(roles(at(raw('139').records, 22, 2))).toEqual(['Ủy ban nhân dân cấp tỉnh/quyet-dinh']);
  });
});

describe.skipIf(!hasSources)('roles from meaning, sample Q (fresh re-audit, 12/2026)', () => {
  it('144 Điều 25 khoản 1 ("Việc đăng tải thông tin của sàn giao dịch bất động sản sau khi được cấp giấy phép hoạt động … do Sở Xây dựng thực hiện"): publishing is a duty', () => {
    expect(roles(at(raw('144').records, 25, 1))).toEqual(['Sở Xây dựng/trach-nhiem']);
  });

  it('125 Điều 7 khoản 1 điểm a ("Hội đồng nhân dân cấp tỉnh có trách nhiệm thực hiện nhiệm vụ, quyền hạn, thẩm quyền của cấp quyết định chủ trương đầu tư …"): the level that now decides decides', () => {
    expect(roles(at(raw('125').records, 7, 1, 'a'))).toEqual(['Hội đồng nhân dân cấp tỉnh/quyet-dinh']);
    expect(roles(at(raw('125').records, 7, 3, 'a'))).toEqual(['Chủ tịch Ủy ban nhân dân cấp tỉnh/quyet-dinh']);
  });

  it('128 Điều 5 khoản 11 điểm b ("Sở Nội vụ nơi quản lý mộ liệt sĩ thực hiện việc hoàn trả mẫu hài cốt liệt sĩ … vào mộ liệt sĩ"): returning the sample is a duty; the identity decision of điểm c still decides', () => {
    expect(roles(at(raw('128').records, 5, 11, 'b'))).toEqual(['Sở Nội vụ/trach-nhiem']);
    expect(roles(at(raw('128').records, 5, 11, 'c'))).toEqual(['Sở Nội vụ/quyet-dinh']);
    // "X thực hiện việc …" still decides when what is done is no physical act.
    expect(assignmentsIn(matchForm('b) Sở Nội vụ nơi quản lý mộ liệt sĩ thực hiện việc cấp giấy báo tin mộ liệt sĩ trong thời gian 07 ngày;')).map((a) => a.role)).toEqual(['quyet-dinh']);
  });
});

describe.skipIf(!hasSources)('roles from meaning, sample R (fresh re-audit, 12/2026)', () => {
  it('125 Điều 15 khoản 5 ("Đảng ủy cấp xã thực hiện trách nhiệm báo cáo tài sản của Văn phòng huyện ủy …"): a responsibility to report is a duty; the party committee\'s purchase decisions of khoản 1 still decide', () => {
    expect(roles(at(raw('125').records, 15, 5))).toEqual(['Đảng ủy cấp xã/trach-nhiem']);
    expect(roles(at(raw('125').records, 15, 1))).toEqual(['Đảng ủy cấp xã/quyet-dinh']);
    expect(assignmentsIn(matchForm('Sở Tài chính thực hiện việc báo cáo tình hình quản lý tài sản công tại địa phương.')).map((a) => a.role)).toEqual(['trach-nhiem']);
  });
});

describe.skipIf(!hasSources)('roles from meaning, sample S (fresh re-audit, 12/2026)', () => {
  it('144 Điều 16 khoản 3 ("Bộ Xây dựng giao đơn vị trực thuộc … lập hồ sơ …, tổ chức thẩm định … để trình Bộ trưởng Bộ Xây dựng xem xét, quyết định đầu tư …"): handing its unit the file is a step; the Minister decides', () => {
    expect(roles(at(raw('144').records, 16, 3))).toEqual(['Bộ Xây dựng/trach-nhiem', 'Bộ trưởng Bộ Xây dựng/quyet-dinh']);
    // The same step of Điều 15 khoản 3 điểm a; the Minister's decision is điểm b.
    expect(roles(at(raw('144').records, 15, 3, 'a'))).toEqual(['Bộ Xây dựng/trach-nhiem']);
    expect(roles(at(raw('144').records, 15, 3, 'b'))).toEqual(['Bộ trưởng Bộ Xây dựng/quyet-dinh']);
    // Handing over a task that is no file to prepare still decides.
    expect(assignmentsIn(matchForm('Ủy ban nhân dân cấp tỉnh giao Sở Xây dựng quản lý quỹ nhà ở công vụ trên địa bàn.')).map((a) => a.role)).toEqual(['quyet-dinh']);
  });
});

describe.skipIf(!hasSources)('roles from meaning, sample U (fresh re-audit, 12/2026)', () => {
  it('144 Điều 28 khoản 2, 5 ("Việc thống nhất quản lý nhà nước về hoạt động cấp nước … do Bộ Xây dựng thực hiện"): state management is a duty, as «X thực hiện quản lý nhà nước …»', () => {
    expect(roles(at(raw('144').records, 28, 2))).toEqual(['Bộ Xây dựng/trach-nhiem']);
    // «… về không gian xây dựng ngầm đô thị, trách nhiệm hướng dẫn việc lập cơ sở dữ liệu …» (khoản 5): the same.
    expect(roles(at(raw('144').records, 28, 5))).toEqual(['Ủy ban nhân dân cấp tỉnh/trach-nhiem']);
    // "cấp nước" is water supply, no grant; a task that names a decision still decides.
    expect(roles(at(raw('144').records, 28, 3))).toEqual(['Ủy ban nhân dân cấp tỉnh/quyet-dinh']);
    expect(assignmentsIn(matchForm('Việc quản lý nhà nước và cấp giấy phép khai thác nước do Ủy ban nhân dân cấp tỉnh thực hiện.')).map((a) => a.role)).toEqual(['quyet-dinh']);
  });
});

describe.skipIf(!hasSources)('roles from meaning, sample V (fresh re-audit, 12/2026)', () => {
  it('128 Điều 10 khoản 1 điểm c ("Nhận báo cáo sau khi doanh nghiệp hoàn thành hợp đồng …; yêu cầu doanh nghiệp … báo cáo đột xuất"): a report received with no answer to give is a duty', () => {
    const of = (p: string) => roles(at(raw('128').records, 10, 1, p));
    expect(of('c')).toEqual(['Ủy ban nhân dân cấp tỉnh/trach-nhiem']);
    // "Nhận báo cáo và trả lời bằng văn bản …" (b, d) and "Nhận và ban hành văn bản chấp thuận …" (a) still decide.
    expect(of('a')).toEqual(['Ủy ban nhân dân cấp tỉnh/quyet-dinh']);
    expect(of('b')).toEqual(['Ủy ban nhân dân cấp tỉnh/quyet-dinh']);
    expect(of('d')).toEqual(['Ủy ban nhân dân cấp tỉnh/quyet-dinh']);
  });
});
