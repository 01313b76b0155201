import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exact, fold, hasMarks } from '../../../electron/core/text/normalize';

const VIET_LETTERS = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ'];
const vietWord = fc.array(fc.constantFrom(...VIET_LETTERS), { minLength: 1, maxLength: 7 }).map((a) => a.join(''));
const vietText = fc.array(vietWord, { minLength: 0, maxLength: 12 }).map((ws) => ws.join(' '));

describe('normalize — rule 1: NFC, lower case, marks folded, đ → d', () => {
  it('treats NFD and NFC input the same', () => {
    const nfc = 'Đăng ký khai sinh tại Ủy ban nhân dân cấp xã';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(exact(nfd)).toBe(exact(nfc));
    expect(fold(nfd)).toBe(fold(nfc));
  });

  it('folds đ/Đ to d instead of deleting it', () => {
    expect(fold('Đăng ký đất đai')).toBe('dang ki dat dai');
    expect(fold('ĐIỀU')).toBe('dieu');
  });

  it('lower-cases and keeps marks in the exact form', () => {
    expect(exact('ỦY BAN')).toBe(exact('ủy ban'));
    expect(exact('ỦY BAN')).toBe(exact('ủy ban').toLowerCase());
    expect(hasMarks('cấp')).toBe(true);
    expect(hasMarks('cap')).toBe(false);
  });

  it('keeps ma and má apart in the exact form, together in the folded form (rule 2)', () => {
    expect(exact('ma')).not.toBe(exact('má'));
    expect(fold('ma')).toBe(fold('má'));
  });
});

describe('normalize — rule 3: old and new spellings are one word', () => {
  it.each([
    ['hòa', 'hoà'],
    ['khỏe', 'khoẻ'],
    ['thủy', 'thuỷ'],
    ['Hòa giải', 'hoà giải'],
    ['kĩ thuật', 'kỹ thuật'],
    ['quí', 'quý'],
    ['lí lịch', 'lý lịch'],
  ])('%s = %s', (a, b) => {
    expect(exact(a)).toBe(exact(b));
    expect(fold(a)).toBe(fold(b));
  });

  it('does not merge different words', () => {
    expect(fold('y tế')).toBe('y te'); // a bare y is not the i of kĩ/kỹ
    expect(fold('tuyến')).toBe('tuyen');
    expect(exact('mùa')).toBe('mùa'); // ua keeps the mark on u in both styles
  });
});

describe('normalize — properties', () => {
  it('fold is idempotent (arbitrary unicode)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => fold(fold(s)) === fold(s)), { numRuns: 2000 });
  });

  it('exact is idempotent and fold(exact(x)) == fold(x) (arbitrary unicode)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => exact(exact(s)) === exact(s) && fold(exact(s)) === fold(s)),
      { numRuns: 2000 },
    );
  });

  it('on Vietnamese text both forms keep the NFC length (so word offsets carry over)', () => {
    fc.assert(
      fc.property(vietText, (s) => {
        const nfc = s.normalize('NFC');
        return exact(nfc).length === nfc.length && fold(nfc).length === nfc.length;
      }),
    );
  });

  it('folded Vietnamese is plain a-z', () => {
    fc.assert(fc.property(vietText, (s) => /^[a-z ]*$/.test(fold(s))));
  });
});
