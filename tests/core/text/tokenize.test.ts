import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../electron/core/text/tokenize';

const folds = (s: string, splitGlued = false) => tokenize(s, { splitGlued }).map((t) => t.fold);

describe('tokenize — rule 5: legal identifiers stay whole', () => {
  it.each([
    ['Nghị định 120/2025/NĐ-CP', ['nghi', 'dinh', '120/2025/nd-cp']],
    ['nđ 120', ['nd', '120']],
    ['nd120', ['nd120']],
    ['140/2025', ['140/2025']],
    ['điều 4', ['dieu', '4']],
    ['đ5 k2', ['d5', 'k2']],
    ['mã TTHC 1.001193', ['ma', 'tthc', '1.001193']],
  ])('%s', (input, expected) => {
    expect(folds(input)).toEqual(expected);
  });

  it('gives offsets into the NFC text', () => {
    const text = 'Cấp giấy phép xây dựng';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.raw);
    const nfd = text.normalize('NFD');
    for (const t of tokenize(nfd)) expect(text.slice(t.start, t.end)).toBe(t.raw);
  });

  it('splits words the sources glued before a capital, only when asked', () => {
    expect(folds('thực hiện doỦy ban nhân dân', true)).toEqual(['thuc', 'hien', 'do', 'uy', 'ban', 'nhan', 'dan']);
    expect(folds('doỦy', false)).toEqual(['douy']);
  });

  it('never throws and every token is a slice of the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        const nfc = s.normalize('NFC');
        return tokenize(s, { splitGlued: true }).every((t) => nfc.slice(t.start, t.end) === t.raw);
      }),
      { numRuns: 1000 },
    );
  });
});
