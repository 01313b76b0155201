import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextOf, findProvision, fullText, parseDecree } from '../../../electron/core/legal/structure';
import { matchForm } from '../../../electron/core/legal/text';
import { decreeFiles, hasSources, manifest, readDecree, repoRoot } from './sources';

const fixture = readFileSync(path.join(repoRoot, 'tests/fixtures/legal/mini-decree.txt'), 'utf8');

describe('parseDecree on a fixture', () => {
  const p = parseDecree(fixture);

  it('reads number, issue date, title', () => {
    expect(p.number).toBe('999/2025/NĐ-CP');
    expect(p.issued).toBe('2025-06-12');
    expect(p.title).toMatch(/^Quy định về phân định thẩm quyền thử nghiệm/);
  });

  it('counts only body articles: the sample decision in the annex has no articles', () => {
    expect(p.articles.map((a) => a.citation.article)).toEqual([1, 2, 3, 4]);
  });

  it('keeps Chương / Mục headings with titles on the next line', () => {
    const art2 = p.articles[1]!;
    expect(art2.path).toEqual(['Chương II. PHÂN ĐỊNH THẨM QUYỀN', 'Mục 1. LĨNH VỰC HỘ TỊCH']);
    expect(art2.heading).toBe('Thẩm quyền cấp bản sao');
  });

  it('joins a citation split over lines into its clause and keeps glued words as written', () => {
    const k2 = findProvision(p, { document: p.number!, article: 2, clause: 2, point: null, annex: null });
    expect(k2?.text).toContain('quy định tại\nkhoản 3 Điều 9');
    expect(k2?.text).toContain('doỦy ban');
    const k1 = findProvision(p, { document: p.number!, article: 2, clause: 1, point: null, annex: null });
    expect(matchForm(k1!.text)).toContain('Chủ tịch Ủy ban nhân dân cấp xã');
  });

  it('has one provision per point and resolves annex items', () => {
    const pb = findProvision(p, { document: p.number!, article: 3, clause: null, point: 'b', annex: null });
    expect(pb?.text).toMatch(/^b\) Cấp Giấy chứng nhận/);
    const item = findProvision(p, { document: p.number!, article: null, clause: 2, point: null, annex: 'mục I Phụ lục' });
    expect(item?.text).toContain('03 ngày làm việc');
  });

  it('reads validity "đến hết ngày 28 tháng 02 năm 2027" as ending on 2027-03-01', () => {
    expect(p.validity).toMatchObject({ from: '2025-07-01', to: '2027-03-01' });
  });

  it('gives a point its lead-in and heading as context', () => {
    const ctx = contextOf(p, { document: p.number!, article: 3, clause: null, point: 'a', annex: null });
    expect(ctx).toContain('chuyển giao cho Chủ tịch Ủy ban nhân dân cấp xã');
    expect(ctx).toContain('a) Quyết định giao đất');
    expect(ctx).not.toContain('b) Cấp Giấy chứng nhận');
  });

  it('never throws on empty or odd input', () => {
    expect(parseDecree('').articles).toEqual([]);
    expect(parseDecree('Điều 1.\nĐiều 1.\n1.\na)').number).toBeNull();
  });
});

describe.skipIf(!hasSources)('parseDecree on the real texts', () => {
  const items = hasSources ? manifest().filter((m) => m.file) : [];

  it('finds every text listed in the manifest', () => {
    expect(decreeFiles().length).toBeGreaterThanOrEqual(items.length);
  });

  for (const m of items) {
    it(`${m.number}: number from "Số:", ${m.bodyArticles} body articles numbered 1..n`, () => {
      const p = parseDecree(readDecree(m.file!));
      expect(p.number).toBe(m.number);
      expect(p.articles.length).toBe(m.bodyArticles);
      expect(p.articles.map((a) => a.citation.article)).toEqual(p.articles.map((_, i) => i + 1));
      expect(p.validity.from).toBe('2025-07-01');
      expect(p.validity.to).toBe('2027-03-01');
    });
  }

  it('129, 144, 146: "Điều" headings inside annex sample decisions are not articles', () => {
    for (const [file, n] of [
      ['129-2025-ND-CP.txt', 81],
      ['144-2025-ND-CP.txt', 47],
      ['146-2025-ND-CP.txt', 61],
    ] as const) {
      const text = readDecree(file);
      const allHeadings = text.split('\n').filter((l) => /^\s*Điều \d+\./u.test(l)).length;
      const p = parseDecree(text);
      expect(allHeadings).toBeGreaterThan(n);
      expect(p.articles.length).toBe(n);
    }
  });

  it('120: clause and point structure, annex mục I–III', () => {
    const p = parseDecree(readDecree('120-2025-ND-CP.txt'));
    const d5 = p.articles.find((a) => a.citation.article === 5)!;
    expect(d5.children.map((c) => c.citation.clause)).toEqual([1, 2, 3]);
    expect(p.annexes).toHaveLength(1);
    expect(p.annexes[0]!.children.map((c) => c.citation.annex)).toEqual(['mục I Phụ lục', 'mục II Phụ lục', 'mục III Phụ lục']);
    const d23 = p.articles.find((a) => a.citation.article === 23)!;
    expect(d23.heading).toBe('Hiệu lực thi hành');
  });

  it('127 "đến hết ngày 28 tháng 02 năm 2027" and 151 "đến trước ngày 01 tháng 3 năm 2027" both end on 2027-03-01', () => {
    const t127 = readDecree('127-2025-ND-CP.txt');
    expect(t127).toContain('đến hết ngày 28 tháng 02 năm 2027');
    expect(parseDecree(t127).validity.to).toBe('2027-03-01');
    expect(parseDecree(readDecree('151-2025-ND-CP.txt')).validity.to).toBe('2027-03-01');
  });
});

describe.skipIf(!hasSources)('annex sections numbered "Mục 1", "Mục 2" (144 Phụ lục I)', () => {
  const p = parseDecree(readDecree('144-2025-ND-CP.txt'));
  const annex = (label: string) => p.annexes.find((a) => a.citation.annex === label)!;

  it('each "Mục N" with its title on the next line is a section whose clauses restart at 1', () => {
    const secs = annex('Phụ lục I').children.filter((c) => c.kind === 'section');
    expect(secs.map((s) => s.citation.annex)).toEqual(['mục 1 Phụ lục I', 'mục 2 Phụ lục I', 'mục 3 Phụ lục I']);
    expect(secs[1]!.heading).toMatch(/^THỦ TỤC CHUYỂN ĐỔI CÔNG NĂNG NHÀ Ở/u);
    // Mục 2's own "2. Trình tự thủ tục …" with its point c — once read as "điểm c khoản 10" of Mục 1.
    const cited = findProvision(p, { document: '144/2025/NĐ-CP', article: null, clause: 2, point: 'c', annex: 'mục 2 Phụ lục I' });
    expect(matchForm(cited?.text ?? '')).toMatch(/Ủy ban nhân dân cấp tỉnh xem xét/u);
    expect(findProvision(p, { document: '144/2025/NĐ-CP', article: null, clause: 10, point: 'c', annex: 'Phụ lục I' })).toBeFalsy();
  });

  it('a "Mục N" that groups Roman sections (Phụ lục II) is no section: its "I. …" sections stay as they were', () => {
    const secs = annex('Phụ lục II').children.filter((c) => c.kind === 'section').map((s) => s.citation.annex);
    expect(secs.every((s) => /^mục [IVXLC]+ Phụ lục II$/u.test(s ?? ''))).toBe(true);
  });

  it('the register cites the deciding clause inside its Mục and keeps it in the citation', () => {
    const reg = JSON.parse(readFileSync(path.join(repoRoot, 'data', 'register', '144-2025-ND-CP.json'), 'utf8')) as { records: Array<{ citation: { annex: string | null; clause: number | null; point: string | null }; holder: string }> };
    const annexRecs = reg.records.filter((r) => /Phụ lục I$/u.test(r.citation.annex ?? ''));
    expect(annexRecs.map((r) => [r.citation.annex, r.citation.clause, r.citation.point, r.holder]).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ['mục 1 Phụ lục I', 4, null, 'Ủy ban nhân dân cấp tỉnh'],
      ['mục 2 Phụ lục I', 2, 'c', 'Ủy ban nhân dân cấp tỉnh'],
    ]);
  });
});

describe.skipIf(!hasSources)('a bare "Mục 2" after an article starts a new section (121 Chương II, III; 125)', () => {
  it('121 Điều 37, 38 (foreign arbitration) sit in Mục 2 "LĨNH VỰC TRỌNG TÀI THƯƠNG MẠI", not Mục 1 "THỪA PHÁT LẠI"', () => {
    const p = parseDecree(readDecree('121-2025-ND-CP.txt'));
    const art = (n: number) => p.articles.find((a) => a.citation.article === n)!;
    expect(art(27).path.at(-1)).toBe('Mục 1. LĨNH VỰC THỪA PHÁT LẠI');
    expect(art(37).path.at(-1)).toBe('Mục 2. LĨNH VỰC TRỌNG TÀI THƯƠNG MẠI');
    expect(art(38).path.at(-1)).toBe('Mục 2. LĨNH VỰC TRỌNG TÀI THƯƠNG MẠI');
    expect(art(39).path.at(-1)).toMatch(/^Mục 3\. LĨNH VỰC HỖ TRỢ PHÁP LÝ/u);
    expect(art(14).path.at(-1)).toBe('Mục 4. LĨNH VỰC CÔNG CHỨNG');
    // The "Mục 2" line and its title are no text of the article before it.
    expect(fullText(art(30))).not.toMatch(/TRỌNG TÀI THƯƠNG MẠI/u);
  });

  it('a title over two upper-case lines is read whole (125 Chương III Mục 2)', () => {
    const p = parseDecree(readDecree('125-2025-ND-CP.txt'));
    const a = p.articles.find((x) => x.citation.article === 35)!;
    expect(a.path.at(-1)).toBe('Mục 2. LĨNH VỰC QUẢN LÝ NHÀ NƯỚC ĐỐI VỚI TỔ HỢP TÁC, HỢP TÁC XÃ, LIÊN HIỆP HỢP TÁC XÃ');
  });

  it('the register gives 121 Điều 37, 38 the field of their Mục', () => {
    const reg = JSON.parse(readFileSync(path.join(repoRoot, 'data', 'register', '121-2025-ND-CP.json'), 'utf8')) as { records: Array<{ citation: { article: number | null; annex: string | null }; field: string | null }> };
    const of = (n: number) => reg.records.filter((r) => r.citation.article === n && !r.citation.annex).map((r) => r.field);
    expect(of(37)).toEqual(['Trọng tài thương mại']);
    expect(of(38)).toEqual(['Trọng tài thương mại']);
  });
});
