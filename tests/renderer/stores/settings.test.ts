/** Settings store: the province is remembered, the day is not; the province list may fail without harm. */
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../../electron/api/contract';
import { setApiClient } from '../../../renderer/src/api/client';
import { localToday } from '../../../renderer/src/lib/dates';
import { useSettingsStore } from '../../../renderer/src/stores/settings';
import { installFakeStorage, removeFakeStorage } from '../fake-storage';

let provinces: () => Promise<string[]>;

beforeEach(() => {
  provinces = () => Promise.resolve(['Lào Cai']);
  const fake: Partial<ApiClient> = { listProvinces: () => provinces() };
  setApiClient(fake as ApiClient);
});
afterEach(() => {
  setApiClient(null);
  removeFakeStorage();
});

describe('settings store', () => {
  it('remembers the province across a restart (a new store on the same storage), and forgets it for toàn quốc', () => {
    const data = installFakeStorage();
    setActivePinia(createPinia());
    expect(useSettingsStore().setProvince('Lào Cai')).toBe(true);
    setActivePinia(createPinia());
    const again = useSettingsStore();
    expect(again.province).toBe('Lào Cai');
    expect(again.requestContext().province).toBe('Lào Cai');
    again.setProvince(null);
    expect([...data.values()]).toEqual([]);
  });

  it('does not remember the day: a restart reads today\'s law', () => {
    installFakeStorage();
    setActivePinia(createPinia());
    const s = useSettingsStore();
    expect(s.setDate('2025-10-01')).toBe(true);
    expect(s.day).toBe('2025-10-01');
    expect(s.isToday).toBe(false);
    expect(s.urlQuery()).toEqual({ ngay: '2025-10-01' });
    setActivePinia(createPinia());
    const again = useSettingsStore();
    expect(again.day).toBe(localToday());
    expect(again.isToday).toBe(true);
    expect(again.urlQuery()).toEqual({});
  });

  it('treats a malformed, impossible or empty day as today', () => {
    installFakeStorage();
    setActivePinia(createPinia());
    const s = useSettingsStore();
    s.setDate('2025-10-01');
    for (const bad of ['2026-02-30', '01/10/2025', '', null]) {
      s.setDate('2025-10-01');
      s.setDate(bad);
      expect(s.chosenDate).toBeNull();
      expect(s.day).toBe(localToday());
    }
  });

  it('offers the loaded provinces, keeps a remembered one that is not loaded, and survives a failed list', async () => {
    installFakeStorage({ 'tra-cuu:tinh': 'Hà Giang' });
    setActivePinia(createPinia());
    const s = useSettingsStore();
    await s.loadProvinces();
    expect(s.provinceOptions).toEqual(['Hà Giang', 'Lào Cai']);

    setActivePinia(createPinia());
    provinces = () => Promise.reject(new Error('Yêu cầu không được hỗ trợ.'));
    const failed = useSettingsStore();
    await failed.loadProvinces();
    expect(failed.provinces).toEqual([]);
    expect(failed.provinceOptions).toEqual(['Hà Giang']);
  });

  it('works without storage at all (private mode): the choice holds for the session', () => {
    setActivePinia(createPinia());
    const s = useSettingsStore();
    expect(s.province).toBeNull();
    s.setProvince('Lào Cai');
    expect(s.province).toBe('Lào Cai');
  });
});
