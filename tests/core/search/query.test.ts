import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../electron/core/search/query';
import { fold } from '../../../electron/core/text/normalize';
import { REPO_ROOT } from './register-docs';

const content = (q: string) => parseQuery(q).terms.filter((t) => !t.optional).map((t) => t.fold);

describe('query planning — rule 5: citations', () => {
  it.each([
    ['nđ 120 điều 4', { docNumber: 120, docYear: null, article: 4, clause: null, point: null }],
    ['120/2025/NĐ-CP điều 4', { docNumber: 120, docYear: 2025, article: 4, clause: null, point: null }],
    ['nd120', { docNumber: 120, docYear: null, article: null, clause: null, point: null }],
    ['140/2025', { docNumber: 140, docYear: 2025, article: null, clause: null, point: null }],
    ['điều 5 khoản 2', { docNumber: null, docYear: null, article: 5, clause: 2, point: null }],
    ['đ5 k2', { docNumber: null, docYear: null, article: 5, clause: 2, point: null }],
    ['nghị định số 151/2025 điều 5 khoản 1 điểm h', { docNumber: 151, docYear: 2025, article: 5, clause: 1, point: 'h' }],
    ['điểm đ khoản 2 điều 5 nđ 151', { docNumber: 151, docYear: null, article: 5, clause: 2, point: 'đ' }],
  ])('%s', (q, ref) => {
    expect(parseQuery(q).ref).toMatchObject(ref);
    expect(content(q)).toEqual([]);
  });

  it('keeps a TTHC code whole as a content word', () => {
    expect(content('thủ tục 1.001193')).toContain('1.001193');
  });

  it('does not read "điều kiện" as an article', () => {
    expect(parseQuery('điều kiện kinh doanh').ref.article).toBeNull();
    expect(content('điều kiện kinh doanh')).toEqual(['dieu', 'kien', 'kinh', 'doanh']);
  });
});

describe('query planning — rule 6: abbreviations expanded at query time, from data', () => {
  const data = JSON.parse(readFileSync(join(REPO_ROOT, 'data/search/abbreviations.json'), 'utf8')) as {
    entries: Array<{ abbr: string[] }>;
  };
  const listed = new Set(data.entries.flatMap((e) => e.abbr.map((a) => fold(a))));

  it.each(['UBND', 'HĐND', 'TTHC', 'PVHCC', 'GPXD', 'GCN', 'QSDĐ', 'GCNQSDĐ', 'sổ đỏ', 'sổ hồng', 'NĐ', 'NĐ-CP', 'TT', 'QĐ', 'NQ', 'BTP', 'BTC', 'BXD', 'BYT', 'BCT', 'BNV', 'BNNMT', 'BKHCN'])(
    '%s is in data/search/abbreviations.json',
    (a) => expect(listed.has(fold(a))).toBe(true),
  );

  it('expands UBND, GPXD, sổ đỏ into the words of the texts', () => {
    expect(content('UBND xã')).toEqual(['uy', 'ban', 'nhan', 'dan', 'xa']);
    expect(content('cấp GPXD')).toEqual(['cap', 'giay', 'phep', 'xay', 'dung']);
    expect(content('so do')).toEqual(['giay', 'chung', 'nhan', 'quyen', 'su', 'dung', 'dat']);
    // The abbreviation as typed stays, optional, for everyday names that use it.
    expect(parseQuery('sổ đỏ').terms.filter((t) => t.optional).map((t) => t.fold)).toEqual(['so', 'do']);
  });
});

describe('query planning — rule 7: question words are not content', () => {
  it.each([
    ['ai có thẩm quyền cấp giấy phép xây dựng', 'cấp giấy phép xây dựng'],
    ['UBND xã có được cấp giấy phép xây dựng không', 'UBND xã cấp giấy phép xây dựng'],
    ['thủ tục đăng ký khai sinh ở đâu', 'đăng ký khai sinh'],
    ['cho hỏi đăng ký kết hôn như thế nào', 'đăng ký kết hôn'],
    ['ai co tham quyen thu hoi dat', 'thu hoi dat'],
  ])('%s ≡ %s', (question, bare) => {
    expect(content(question)).toEqual(content(bare));
  });

  it('a lone question word typed with other marks is another word, and content ("tội" is not "tôi")', () => {
    expect(content('tội phạm')).toEqual(['toi', 'pham']);
    expect(content('kết cấu hạ tầng')).toContain('ha');
    // Typed as the question word, or bare (it may be that word), it goes.
    expect(content('tôi muốn đăng ký kết hôn')).toEqual(content('đăng ký kết hôn'));
    expect(content('toi muon dang ky ket hon')).toEqual(content('dang ky ket hon'));
  });

  it('keeps a query made only of question words', () => {
    expect(content('ở đâu')).toEqual(['o', 'dau']);
  });

  it('does not drop the words of an expanded abbreviation ("TTHC" → "thủ tục …")', () => {
    expect(content('TTHC hộ tịch').slice(0, 2)).toEqual(['thu', 'tuc']);
  });
});

describe('query planning — typing and phrases', () => {
  it('marks the word being typed as partial, not after a space', () => {
    expect(parseQuery('dang ky kh').terms.at(-1)).toMatchObject({ fold: 'kh', partial: true });
    expect(parseQuery('dang ky kh ').terms.at(-1)).toMatchObject({ fold: 'kh', partial: false });
  });

  it('keeps the marks the user typed, per word', () => {
    const terms = parseQuery('đăng ky').terms;
    expect(terms[0]).toMatchObject({ fold: 'dang', exact: 'đăng' });
    expect(terms[1]).toMatchObject({ fold: 'ki', exact: null });
  });

  it('reads quoted phrases, closed or still being typed', () => {
    expect(parseQuery('"trật tự xây dựng" xã').phrases).toEqual([['trat', 'tu', 'xay', 'dung']]);
    expect(parseQuery('“hoà giải ở cơ sở').phrases).toEqual([['hoa', 'giai', 'o', 'co', 'so']]);
  });

  it('is total: any input gives a plan', () => {
    for (const q of [undefined, null, 42, {}, '', '   ', '"', '""', '!!!', 'x'.repeat(100_000)]) {
      expect(() => parseQuery(q)).not.toThrow();
    }
  });
});
