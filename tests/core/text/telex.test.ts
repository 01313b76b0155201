import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeTelex, decodeTelexWord } from '../../../electron/core/text/telex';

describe('telex / VNI decoding — rule 8', () => {
  it.each([
    ['caaps pheps', 'cấp phép'],
    ['dd', 'đ'],
    ['ddaats ddai', 'đất đai'],
    ['xaay dwngj', 'xây dựng'],
    ['giaays khai sinh', 'giấy khai sinh'],
    ['dduwowngf', 'đường'],
    ['hoaf giair', 'hoà giải'],
    ['ca6p1 phe1p', 'cấp phép'],
    // The tone key before the final consonant, the vowel key after it (free-style Telex).
    ['xin phesp xaay nhaf', 'xin phép xây nhà'],
    ['lafm sor ddor lanaf ddaauf', 'làm sỏ đỏ lần đầu'],
    ['tuongw', 'tương'],
    ['dduowngf', 'đường'],
  ])('%s → %s', (raw, decoded) => {
    expect(decodeTelex(raw)).toBe(decoded);
  });

  it('leaves words that are not keystrokes alone', () => {
    expect(decodeTelex('ubnd')).toBeNull();
    expect(decodeTelex('đăng ký')).toBeNull();
    expect(decodeTelexWord('khai')).toBeNull();
    // Plain unmarked Vietnamese and common abbreviations are not keystrokes.
    for (const w of ['phep', 'lam', 'tuong', 'nghiep', 'karaoke', 'gplx', 'pccc']) expect(decodeTelexWord(w), w).toBeNull();
  });

  it('property: an unmarked Vietnamese syllable is never read as keystrokes', () => {
    // Initial + vowel cluster + final, no doubled vowel, no w: what a user types without marks on purpose.
    const initial = fc.constantFrom('', 'b', 'c', 'ch', 'd', 'g', 'gh', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'nh', 'p', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x');
    const vowel = fc.constantFrom('a', 'e', 'i', 'o', 'u', 'y', 'ai', 'ao', 'au', 'ay', 'oa', 'oe', 'oi', 'ua', 'uy', 'ia', 'ie', 'uo', 'ui', 'uoi', 'ieu', 'yeu', 'oai');
    const final = fc.constantFrom('', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't');
    fc.assert(
      fc.property(initial, vowel, final, (i, v, f) => {
        expect(decodeTelexWord(`${i}${v}${f}`)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });
});
