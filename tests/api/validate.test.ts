import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { API_NAMES } from '../../electron/api/contract';
import { isApiName, validateArgs } from '../../electron/api/validate';

describe('validateArgs', () => {
  it('accepts a plain search and keeps its filters', () => {
    const r = validateArgs('search', { q: 'đăng ký khai sinh', limit: 5, filters: { level: ['xa'], sector: ['justice'] } });
    expect(r).toEqual({ ok: true, value: { q: 'đăng ký khai sinh', limit: 5, filters: { level: ['xa'], sector: ['justice'] } } });
  });

  it.each([
    [null, 'Yêu cầu tìm kiếm không hợp lệ.'],
    [{ q: 42 }, 'Từ khóa tìm kiếm phải là một chuỗi ký tự.'],
    [{ q: 'x'.repeat(501) }, 'Từ khóa quá dài (tối đa 500 ký tự).'],
    [{ q: 'a', limit: 0 }, 'Số kết quả phải là số nguyên từ 1 đến 200.'],
    [{ q: 'a', limit: 2.5 }, 'Số kết quả phải là số nguyên từ 1 đến 200.'],
    [{ q: 'a', offset: -1 }, 'Vị trí bắt đầu phải là số nguyên không âm.'],
    [{ q: 'a', filters: { level: ['huyen'] } }, 'Giá trị "huyen" không có trong bộ lọc "level".'],
    [{ q: 'a', filters: { colour: ['red'] } }, 'Bộ lọc "colour" không được hỗ trợ.'],
    [{ q: 'a', filters: { sector: 'justice' } }, 'Giá trị của bộ lọc "sector" không hợp lệ.'],
  ])('rejects %j with a Vietnamese message', (payload, message) => {
    expect(validateArgs('search', payload)).toEqual({ ok: false, message });
  });

  it('checks record ids and parameterless requests', () => {
    expect(validateArgs('getRecord', { id: '' }).ok).toBe(false);
    expect(validateArgs('getRecord', { id: '120-d4' })).toEqual({ ok: true, value: { id: '120-d4' } });
    expect(validateArgs('stats', undefined).ok).toBe(true);
    expect(validateArgs('stats', { x: 1 }).ok).toBe(false);
  });

  it('checks a decree number, with the day and the province', () => {
    expect(validateArgs('getDocument', { number: '151/2025/NĐ-CP', date: '2025-10-01' })).toEqual({
      ok: true,
      value: { number: '151/2025/NĐ-CP', date: '2025-10-01' },
    });
    expect(validateArgs('getDocument', { number: '' })).toEqual({ ok: false, message: 'Số hiệu văn bản không hợp lệ.' });
    expect(validateArgs('getDocument', { number: 'x', date: '2026-02-31' }).ok).toBe(false);
    expect(validateArgs('getDocument', { number: 'x', toString: 'y' }).ok).toBe(false);
    expect(validateArgs('getDocument', Object.create({ number: '151/2025/NĐ-CP' })).ok).toBe(false);
    expect(validateArgs('listRecords', {})).toEqual({ ok: true, value: {} });
    expect(validateArgs('listRecords', { date: '2025-10-01', province: 'Lào Cai' })).toEqual({ ok: true, value: { date: '2025-10-01', province: 'Lào Cai' } });
    expect(validateArgs('listRecords', { q: 'x' }).ok).toBe(false);
  });

  it('knows exactly the contract names', () => {
    for (const name of API_NAMES) expect(isApiName(name)).toBe(true);
    expect(isApiName('constructor')).toBe(false);
    expect(isApiName('__proto__')).toBe(false);
  });

  it('never throws on arbitrary payloads', () => {
    fc.assert(
      fc.property(fc.constantFrom(...API_NAMES), fc.anything(), (name, payload) => {
        const r = validateArgs(name, payload);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});
