import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToBase64, sizeText } from '../../../renderer/src/lib/file-base64';

describe('bytesToBase64', () => {
  it('writes what Node writes, for any bytes (every padding case)', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => bytesToBase64(bytes) === Buffer.from(bytes).toString('base64')));
    expect(bytesToBase64(new Uint8Array([]))).toBe('');
    expect(bytesToBase64(new TextEncoder().encode('Nghị định'))).toBe(Buffer.from('Nghị định').toString('base64'));
  });

  it('says sizes the Vietnamese way', () => {
    expect(sizeText(26_570_752)).toBe('25,3 MB');
    expect(sizeText(812 * 1024)).toBe('812 kB');
  });
});
