import { describe, expect, it } from 'vitest';
import { decreeName, kindLabel, validityText, viDate } from '../../../renderer/src/lib/format';

describe('format', () => {
  it('shows ISO dates the Vietnamese way', () => {
    expect(viDate('2025-07-01')).toBe('01/07/2025');
    expect(viDate(null)).toBe('');
  });

  it('states the last day in force: "to" is the first day it no longer applies', () => {
    expect(validityText({ from: '2025-07-01', to: '2027-03-01', status: 'hieu-luc', note: null })).toBe(
      'Hiệu lực từ 01/07/2025 đến hết 28/02/2027',
    );
    expect(validityText({ from: '2025-07-01', to: null, status: 'hieu-luc', note: null })).toBe('Hiệu lực từ 01/07/2025');
  });

  it('names an act by its number, and a later act by its kind', () => {
    expect(decreeName('120/2025/NĐ-CP')).toBe('Nghị định 120/2025/NĐ-CP');
    expect(decreeName('40/2026/QĐ-UBND')).toBe('Quyết định 40/2026/QĐ-UBND');
    expect(kindLabel({ kind: 'phan-dinh' })).toBe('Phân định thẩm quyền');
    expect(kindLabel({ kind: 'phan-dinh', actKind: 'provincial', province: 'Lào Cai' })).toBe(
      'Văn bản của tỉnh (phân cấp, ủy quyền) — Lào Cai',
    );
  });
});
