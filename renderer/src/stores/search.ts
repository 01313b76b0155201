/**
 * Search area: the query, the filters, the current results.
 * Every keystroke searches; a request id (counter) makes sure an older, slower
 * answer never overwrites a newer one. Each request carries the day and the
 * province of the settings store, so a change of either searches again.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { MAX_RESULTS, type SearchFilters, type SearchResult } from '../../../electron/api/contract';
import { api } from '../api/client';
import { errorMessage } from '../lib/errors';
import { inForce, statusOf } from '../lib/status';
import { useSettingsStore } from './settings';

export type FilterKey = keyof SearchFilters;

export const PAGE_SIZE = 30;
/** The server refuses larger windows (one limit for every layer, api/contract.ts). */
export const MAX_LIMIT = MAX_RESULTS;

function hasAnyFilter(f: SearchFilters): boolean {
  return Object.values(f).some((v) => Array.isArray(v) && v.length > 0);
}

/** Drop empty arrays so the server sees only filters that are set. */
function cleanFilters(f: SearchFilters): SearchFilters | undefined {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(f)) if (Array.isArray(v) && v.length) out[k] = [...v];
  return Object.keys(out).length ? (out as SearchFilters) : undefined;
}

/** What a shareable URL holds (?q=…&ngay=…&tinh=…); undefined = not in the URL. */
export interface UrlState {
  q?: string;
  ngay?: string;
  tinh?: string;
  /** The filters named in the URL (?linh-vuc=justice&cap=xa,tinh …); with q, absent means none. */
  filters?: SearchFilters;
}

/** The same filters, whatever the order of keys and values. */
export function sameFilters(a: SearchFilters, b: SearchFilters): boolean {
  const norm = (f: SearchFilters) => JSON.stringify(Object.entries(cleanFilters(f) ?? {}).map(([k, v]) => [k, [...v].sort()]).sort());
  return norm(a) === norm(b);
}

/** Enter opens the first hit in force on the day, never a repealed one listed above it. */
function firstAnswer(r: SearchResult): number {
  if (!r.hits.length) return -1;
  const i = r.hits.findIndex((h) => inForce(statusOf(h)));
  return i >= 0 ? i : 0;
}

export const useSearchStore = defineStore('search', () => {
  const settings = useSettingsStore();
  const query = ref('');
  const filters = ref<SearchFilters>({});
  const result = shallowRef<SearchResult | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const limit = ref(PAGE_SIZE);
  /** Index of the highlighted result for keyboard navigation (-1: none). */
  const active = ref(-1);

  let lastRequest = 0;
  let latest: Promise<void> = Promise.resolve();

  const hits = computed(() => result.value?.hits ?? []);
  const filtersOn = computed(() => hasAnyFilter(filters.value));
  /** Nothing typed and no filter: show the welcome/tips screen. */
  const idle = computed(() => query.value.trim() === '' && !filtersOn.value);

  function run(): Promise<void> {
    latest = runNow();
    return latest;
  }

  /** Resolves once the answer to the latest query is in (Enter must not open a stale first hit). */
  async function settled(): Promise<void> {
    let seen: Promise<void>;
    do {
      seen = latest;
      await seen;
    } while (seen !== latest);
  }

  async function runNow(): Promise<void> {
    const id = ++lastRequest;
    // Sent as typed: a trailing space tells the engine the last word is finished
    // (no prefix matching on it).
    const q = query.value;
    if (q.trim() === '' && !filtersOn.value) {
      result.value = null;
      loading.value = false;
      error.value = null;
      active.value = -1;
      return;
    }
    loading.value = true;
    try {
      const r = await api().search({
        q,
        limit: limit.value,
        filters: cleanFilters(filters.value),
        ...settings.requestContext(),
      });
      if (id !== lastRequest) return; // stale: a newer request is on its way or done
      result.value = r;
      error.value = null;
      active.value = firstAnswer(r);
    } catch (e) {
      if (id !== lastRequest) return;
      error.value = errorMessage(e);
      result.value = null;
      active.value = -1;
    } finally {
      if (id === lastRequest) loading.value = false;
    }
  }

  function setQuery(q: string): Promise<void> {
    query.value = q;
    limit.value = PAGE_SIZE;
    return run();
  }

  function setFilter(key: FilterKey, values: string[]): Promise<void> {
    filters.value = { ...filters.value, [key]: values.length ? values : undefined };
    limit.value = PAGE_SIZE;
    return run();
  }

  function clearFilters(): Promise<void> {
    filters.value = {};
    return run();
  }

  function clear(): Promise<void> {
    query.value = '';
    return run();
  }

  /** Read the law at another day (null/'' = today); searches again when it changed. */
  function setDate(iso: string | null): Promise<void> {
    return settings.setDate(iso) ? run() : Promise.resolve();
  }

  /** Answer in a province (null = toàn quốc); searches again when it changed. */
  function setProvince(p: string | null): Promise<void> {
    return settings.setProvince(p) ? run() : Promise.resolve();
  }

  /**
   * Opens a shared or reopened list: what the URL names wins, what it leaves out stays
   * (the day falls back to today only when the URL names a query). Searches once, and only
   * when something changed or nothing was asked yet.
   */
  function applyUrl(u: UrlState): Promise<void> {
    let changed = false;
    if (u.q !== undefined && u.q !== query.value) {
      query.value = u.q;
      limit.value = PAGE_SIZE;
      changed = true;
    }
    if (u.ngay !== undefined || u.q !== undefined) changed = settings.setDate(u.ngay ?? null) || changed;
    if (u.tinh !== undefined) changed = settings.setProvince(u.tinh) || changed;
    if (u.filters !== undefined || u.q !== undefined) {
      const next = u.filters ?? {};
      if (!sameFilters(next, filters.value)) {
        filters.value = { ...next };
        limit.value = PAGE_SIZE;
        changed = true;
      }
    }
    return changed || (!result.value && !idle.value) ? run() : Promise.resolve();
  }

  function showMore(): Promise<void> {
    limit.value = Math.min(MAX_LIMIT, limit.value + PAGE_SIZE);
    return run();
  }

  function move(delta: number): void {
    const n = hits.value.length;
    if (!n) return;
    active.value = Math.min(n - 1, Math.max(0, active.value + delta));
  }

  return {
    query,
    filters,
    result,
    hits,
    loading,
    error,
    active,
    limit,
    filtersOn,
    idle,
    run,
    settled,
    setQuery,
    setFilter,
    clearFilters,
    clear,
    setDate,
    setProvince,
    applyUrl,
    showMore,
    move,
  };
});
