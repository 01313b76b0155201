import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorOf, foldChars, matchRanges } from '../../../renderer/src/lib/anchor';

const c = (x: Partial<{ article: number | null; clause: number | null; point: string | null; annex: string | null }>) => ({
  document: '151/2025/NĐ-CP',
  article: null,
  clause: null,
  point: null,
  annex: null,
  ...x,
});

describe('anchorOf', () => {
  it('names articles, clauses and points readably', () => {
    expect(anchorOf(c({ article: 5 }))).toBe('dieu-5');
    expect(anchorOf(c({ article: 5, clause: 1, point: 'a' }))).toBe('dieu-5-khoan-1-diem-a');
    expect(anchorOf(c({ annex: 'mục I Phần I Phụ lục I', clause: 6 }))).toBe('muc-i-phan-i-phu-luc-i-khoan-6');
  });
  it('keeps point đ apart from point d', () => {
    expect(anchorOf(c({ article: 5, clause: 1, point: 'đ' }))).not.toBe(anchorOf(c({ article: 5, clause: 1, point: 'd' })));
  });
});

describe('foldChars / matchRanges', () => {
  it('keeps the length of the text, so ranges found in the folded text mark the original', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => foldChars(s).length === s.length));
    const text = 'Quyết định thu hồi đất; THU HỒI ĐẤT';
    const ranges = matchRanges(text, 'thu hoi dat');
    expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(['thu hồi đất', 'THU HỒI ĐẤT']);
    expect(matchRanges(text, '  ')).toEqual([]);
  });
});
