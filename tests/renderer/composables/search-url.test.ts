/** The search page's URL carries the filters: written as short Vietnamese names, read back the same. */
import fc from 'fast-check';
import { createPinia, setActivePinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import type { SearchFilters } from '../../../electron/api/contract';
import { LEVELS, SECTOR_IDS } from '../../../electron/core/model';
import { filtersToQuery, readUrlState } from '../../../renderer/src/composables/useSearchUrl';
import { sameFilters } from '../../../renderer/src/stores/search';

describe('filters in the URL', () => {
  it('writes ?linh-vuc=…&cap=… and reads them back', () => {
    const f: SearchFilters = { sector: ['justice'], level: ['xa', 'tinh'] };
    const q = filtersToQuery(f);
    expect(q).toEqual({ 'linh-vuc': 'justice', cap: 'xa,tinh' });
    expect(readUrlState({ q: 'khai sinh', ...q })).toEqual({ q: 'khai sinh', filters: f });
    expect(readUrlState({ q: 'x' }).filters).toBeUndefined();
  });

  it('round-trips any filters of the known values', () => {
    setActivePinia(createPinia());
    const arb = fc.record({ sector: fc.subarray([...SECTOR_IDS], { minLength: 1 }), level: fc.subarray([...LEVELS], { minLength: 1 }) }, { requiredKeys: [] });
    fc.assert(
      fc.property(arb, (f) => {
        const back = readUrlState(filtersToQuery(f as SearchFilters)).filters ?? {};
        return sameFilters(back, f as SearchFilters);
      }),
    );
  });
});
