/**
 * Settings area: the day the law is read at ("Xem tại ngày") and the province whose
 * delegation acts apply. Every search and record request carries both.
 * - The province is the user's standing choice: kept in localStorage.
 * - The day is not kept: a clerk who looked at an old date yesterday must see today's law
 *   when the app opens again. A chosen day lives in the URL (?ngay=) only.
 */
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api } from '../api/client';
import { isIsoDay, localToday } from '../lib/dates';

const PROVINCE_KEY = 'tra-cuu:tinh';

function readProvince(): string | null {
  try {
    const v = globalThis.localStorage?.getItem(PROVINCE_KEY);
    return v ? v : null;
  } catch {
    return null; // storage disabled: fall back to the whole country
  }
}

function writeProvince(p: string | null): void {
  try {
    if (p) globalThis.localStorage?.setItem(PROVINCE_KEY, p);
    else globalThis.localStorage?.removeItem(PROVINCE_KEY);
  } catch {
    // not persisted; the choice still holds for this session
  }
}

export const useSettingsStore = defineStore('settings', () => {
  /** The chosen day (ISO), or null for today. */
  const chosenDate = ref<string | null>(null);
  const province = ref<string | null>(readProvince());
  /** Provinces with a delegation act loaded (from the core). */
  const provinces = ref<string[]>([]);
  const provincesLoaded = ref(false);

  /** Today on this computer's clock, refreshed at every request (the app may stay open past midnight). */
  const today = ref(localToday());
  /** The day every request is for: the chosen one, else today. */
  const day = computed(() => chosenDate.value ?? today.value);
  const isToday = computed(() => chosenDate.value === null || chosenDate.value === today.value);

  /** Provinces to offer: the loaded ones, plus the current choice if it came from an old setting or a link. */
  const provinceOptions = computed(() => {
    const list = [...provinces.value];
    if (province.value && !list.includes(province.value)) list.push(province.value);
    return list.sort((a, b) => a.localeCompare(b, 'vi'));
  });

  /** Sets the day; an empty, malformed or today's date means "today". True when it changed. */
  function setDate(iso: string | null | undefined): boolean {
    today.value = localToday();
    const next = iso && isIsoDay(iso) && iso !== today.value ? iso : null;
    if (next === chosenDate.value) return false;
    chosenDate.value = next;
    return true;
  }

  /** Sets the province (null or '' = toàn quốc) and remembers it. True when it changed. */
  function setProvince(p: string | null | undefined): boolean {
    const next = p && p.trim() ? p.trim() : null;
    if (next === province.value) return false;
    province.value = next;
    writeProvince(next);
    return true;
  }

  let pending: Promise<void> | null = null;

  /** Loads the province list once. A failure leaves only "Toàn quốc": the national answer is still right. */
  function loadProvinces(): Promise<void> {
    if (provincesLoaded.value) return Promise.resolve();
    pending ??= (async () => {
      try {
        const list = await api().listProvinces({});
        provinces.value = Array.isArray(list) ? list.filter((x) => typeof x === 'string' && x) : [];
        provincesLoaded.value = true;
      } catch {
        provinces.value = [];
      } finally {
        pending = null;
      }
    })();
    return pending;
  }

  /** The part of a request that places it in time and space. */
  function requestContext(): { date: string; province: string | null } {
    today.value = localToday();
    return { date: day.value, province: province.value };
  }

  /** URL query for this context: ngay only when not today, tinh only when a province is chosen. */
  function urlQuery(): Record<string, string> {
    const q: Record<string, string> = {};
    if (chosenDate.value) q.ngay = chosenDate.value;
    if (province.value) q.tinh = province.value;
    return q;
  }

  return {
    chosenDate,
    today,
    province,
    provinces,
    provincesLoaded,
    provinceOptions,
    day,
    isToday,
    setDate,
    setProvince,
    loadProvinces,
    requestContext,
    urlQuery,
  };
});
