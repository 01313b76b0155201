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
  ])('%s → %s', (raw, decoded) => {
    expect(decodeTelex(raw)).toBe(decoded);
  });

  it('leaves words that are not keystrokes alone', () => {
    expect(decodeTelex('ubnd')).toBeNull();
    expect(decodeTelex('đăng ký')).toBeNull();
    expect(decodeTelexWord('khai')).toBeNull();
  });
});
