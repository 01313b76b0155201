import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDay, localToday, parseViDate } from '../../../renderer/src/lib/dates';

describe('dates', () => {
  it('today is the local calendar day, not the UTC one', () => {
    // 00:30 local time on 1 March 2026: in UTC+7 that is still 28 February in UTC.
    expect(localToday(new Date(2026, 2, 1, 0, 30))).toBe('2026-03-01');
    expect(localToday(new Date(2025, 9, 1, 23, 59))).toBe('2025-10-01');
  });

  it('accepts exactly the real days written YYYY-MM-DD', () => {
    expect(isIsoDay('2025-10-01')).toBe(true);
    expect(isIsoDay('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-5', '01/10/2025', '2025-10-01T00:00', '', '1800-01-01']) {
      expect(isIsoDay(bad)).toBe(false);
    }
  });

  it('every local day it gives is a valid ISO day', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(1950, 0, 1), max: new Date(2100, 11, 31), noInvalidDate: true }), (d) =>
        isIsoDay(localToday(d)),
      ),
    );
  });
});

describe('parseViDate', () => {
  it('reads a day typed day first, as Vietnamese write it, or ISO', () => {
    expect(parseViDate('01/10/2025')).toBe('2025-10-01');
    expect(parseViDate(' 1/10/2025 ')).toBe('2025-10-01');
    expect(parseViDate('1-10-25')).toBe('2025-10-01');
    expect(parseViDate('31.01.2026')).toBe('2026-01-31');
    expect(parseViDate('2025-10-01')).toBe('2025-10-01');
  });

  it('refuses what is not a real day rather than guessing', () => {
    for (const bad of ['31/02/2026', '10/2025', '2025/10/01', 'hôm qua', '', '1/13/2025']) expect(parseViDate(bad)).toBeNull();
  });

  it('reads back every day it shows (dd/mm/yyyy)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(1950, 0, 1), max: new Date(2100, 11, 31), noInvalidDate: true }), (d) => {
        const iso = localToday(d);
        const [y, m, day] = iso.split('-');
        return parseViDate(`${day}/${m}/${y}`) === iso;
      }),
    );
  });
});
