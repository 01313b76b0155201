import { describe, expect, it } from 'vitest';
import { validityText, viDate } from '../../../renderer/src/lib/format';

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
});
