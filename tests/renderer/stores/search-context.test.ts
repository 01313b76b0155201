/**
 * Search and record stores on the law's timeline: every request carries the day and the
 * province; changing either asks again and an answer for the old day never wins.
 */
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient, RecordDetail, SearchArgs, SearchResult } from '../../../electron/api/contract';
import { setApiClient } from '../../../renderer/src/api/client';
import { localToday } from '../../../renderer/src/lib/dates';
import { useRecordStore } from '../../../renderer/src/stores/record';
import { useSearchStore } from '../../../renderer/src/stores/search';
import { useSettingsStore } from '../../../renderer/src/stores/settings';
import { installFakeStorage, removeFakeStorage } from '../fake-storage';
import { sampleHit, sampleResult } from '../sample-hit';

interface Pending {
  args: SearchArgs;
  resolve: (r: SearchResult) => void;
}

let pending: Pending[];
let recordArgs: Array<{ id: string; date?: string; province?: string | null }>;

beforeEach(() => {
  installFakeStorage();
  setActivePinia(createPinia());
  pending = [];
  recordArgs = [];
  const fake: Partial<ApiClient> = {
    search: (args) => new Promise<SearchResult>((resolve) => pending.push({ args, resolve })),
    getRecord: (args) => {
      recordArgs.push(args);
      return Promise.resolve(null as RecordDetail | null);
    },
  };
  setApiClient(fake as ApiClient);
});
afterEach(() => {
  setApiClient(null);
  removeFakeStorage();
});

describe('search store with a day and a province', () => {
  it('sends today (local clock) and toàn quốc by default, then the chosen day and province', async () => {
    const s = useSearchStore();
    void s.setQuery('lam so do lan dau');
    expect(pending[0]!.args.date).toBe(localToday());
    expect(pending[0]!.args.province).toBeNull();
    void s.setDate('2025-10-01');
    void s.setProvince('Lào Cai');
    expect(pending.map((p) => [p.args.q, p.args.date, p.args.province])).toEqual([
      ['lam so do lan dau', localToday(), null],
      ['lam so do lan dau', '2025-10-01', null],
      ['lam so do lan dau', '2025-10-01', 'Lào Cai'],
    ]);
  });

  it('drops the answer for the old day when it arrives after the answer for the new one', async () => {
    const s = useSearchStore();
    const a = s.setQuery('so do');
    const b = s.setDate('2025-10-01');
    pending[1]!.resolve(sampleResult('so do', [sampleHit({ id: 'old-law' })], { date: '2025-10-01' }));
    await b;
    pending[0]!.resolve(sampleResult('so do', [sampleHit({ id: 'new-law' })]));
    await a;
    expect(s.hits.map((h) => h.id)).toEqual(['old-law']);
    expect(s.result?.date).toBe('2025-10-01');
  });

  it('does not ask again when the day or province is set to what it already is', async () => {
    const s = useSearchStore();
    void s.setQuery('x');
    await s.setDate(null);
    await s.setDate(localToday());
    await s.setProvince(null);
    await s.setProvince('  ');
    expect(pending).toHaveLength(1);
  });

  it('opens a shared URL in one request: query, day and province together', () => {
    const s = useSearchStore();
    void s.applyUrl({ q: 'lam so do lan dau', ngay: '2025-10-01', tinh: 'Lào Cai' });
    expect(pending).toHaveLength(1);
    expect(pending[0]!.args).toMatchObject({ q: 'lam so do lan dau', date: '2025-10-01', province: 'Lào Cai' });
    expect(useSettingsStore().province).toBe('Lào Cai');
  });

  it('a URL with a query but no day means today; a URL without the province keeps the remembered one', () => {
    const settings = useSettingsStore();
    settings.setProvince('Lào Cai');
    settings.setDate('2025-10-01');
    const s = useSearchStore();
    void s.applyUrl({ q: 'khai sinh' });
    expect(pending[0]!.args).toMatchObject({ q: 'khai sinh', date: localToday(), province: 'Lào Cai' });
  });

  it('coming back to the same list (same URL, answer on screen) does not search again', async () => {
    const s = useSearchStore();
    const p = s.applyUrl({ q: 'khai sinh', ngay: '2025-10-01' });
    pending[0]!.resolve(sampleResult('khai sinh', [sampleHit()]));
    await p;
    await s.applyUrl({ q: 'khai sinh', ngay: '2025-10-01' });
    await s.applyUrl({});
    expect(pending).toHaveLength(1);
  });
});

describe('record store with a day and a province', () => {
  it('asks for the record on the chosen day and in the chosen province', async () => {
    const settings = useSettingsStore();
    settings.setDate('2025-10-01');
    settings.setProvince('Lào Cai');
    await useRecordStore().load('151-d5-k1');
    expect(recordArgs).toEqual([{ id: '151-d5-k1', date: '2025-10-01', province: 'Lào Cai' }]);
  });
});

describe('search store, the active hit', () => {
  it('starts on the first hit in force, not on a repealed one listed above it; on the first hit when none is', async () => {
    const s = useSearchStore();
    const repealed = sampleHit({ id: 'old', status: { ...sampleHit().status, code: 'bai-bo' } });
    const p = s.setQuery('so do');
    pending[0]!.resolve(sampleResult('so do', [repealed, sampleHit({ id: 'now' })]));
    await p;
    expect(s.active).toBe(1);
    const q = s.setDate('2027-03-15');
    pending[1]!.resolve(sampleResult('so do', [repealed, { ...repealed, id: 'old2' }]));
    await q;
    expect(s.active).toBe(0);
  });
});
