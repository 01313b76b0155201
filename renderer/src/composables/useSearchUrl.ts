/**
 * Keeps the search page's URL in step with the search: #/?q=…&ngay=2025-10-01&tinh=Lào Cai,
 * so a list can be shared, bookmarked or reopened as it was.
 * - On arrival, what the URL names is applied (a bare #/ keeps the current search).
 * - While typing, the URL is replaced, never pushed: Back leaves the page, not a keystroke.
 * - A route change we caused ourselves is not read back (it may be a keystroke behind).
 */
import { onMounted, watch } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';
import type { SearchFilters } from '../../../electron/api/contract';
import { useSearchStore, type UrlState } from '../stores/search';
import { useSettingsStore } from '../stores/settings';

function first(v: LocationQuery[string] | undefined): string | undefined {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' ? x : undefined;
}

/** URL names of the filters: #/?q=…&linh-vuc=justice&cap=xa,tinh. */
export const FILTER_PARAMS: Record<keyof SearchFilters, string> = {
  sector: 'linh-vuc',
  level: 'cap',
  holderKind: 'loai-co-quan',
  role: 'vai-tro',
  mechanism: 'co-che',
  document: 'van-ban',
};

export function filtersToQuery(f: SearchFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, name] of Object.entries(FILTER_PARAMS)) {
    const v = f[k as keyof SearchFilters];
    if (Array.isArray(v) && v.length) out[name] = v.join(',');
  }
  return out;
}

export function readUrlState(query: LocationQuery): UrlState {
  const out: UrlState = {};
  const filters: Record<string, string[]> = {};
  for (const [k, name] of Object.entries(FILTER_PARAMS)) {
    const v = first(query[name]);
    if (v) filters[k] = v.split(',').filter(Boolean);
  }
  if (Object.keys(filters).length) out.filters = filters as SearchFilters;
  const q = first(query.q);
  const ngay = first(query.ngay);
  const tinh = first(query.tinh);
  if (q !== undefined) out.q = q;
  if (ngay !== undefined) out.ngay = ngay;
  if (tinh !== undefined) out.tinh = tinh;
  return out;
}

function key(q: Record<string, string>): string {
  return JSON.stringify([q.q ?? '', q.ngay ?? '', q.tinh ?? '', ...Object.values(FILTER_PARAMS).map((n) => q[n] ?? '')]);
}

/** The URL state as the flat query it is written as. */
function flat(u: UrlState): Record<string, string> {
  const { filters, ...rest } = u;
  return { ...(rest as Record<string, string>), ...filtersToQuery(filters ?? {}) };
}

export function useSearchUrl(): void {
  const route = useRoute();
  const router = useRouter();
  const search = useSearchStore();
  const settings = useSettingsStore();
  /** URLs this page wrote recently (a few: replace() lands asynchronously). */
  const written: string[] = [];

  function current(): Record<string, string> {
    const q: Record<string, string> = {};
    if (search.query) q.q = search.query;
    return { ...q, ...settings.urlQuery(), ...filtersToQuery(search.filters) };
  }

  function write(): void {
    const next = current();
    const k = key(next);
    if (k === key(flat(readUrlState(route.query)))) return;
    written.push(k);
    if (written.length > 30) written.shift();
    void router.replace({ query: next });
  }

  onMounted(() => {
    void search.applyUrl(readUrlState(route.query));
    write();
  });

  watch(
    () => [search.query, settings.chosenDate, settings.province, search.filters],
    () => write(),
    { deep: true },
  );

  watch(
    () => route.query,
    (query) => {
      if (route.name !== 'search') return;
      const u = readUrlState(query);
      // A bare "#/" (the nav link) keeps the current search: put it back in the URL.
      if (!Object.keys(u).length) return write();
      if (written.includes(key(flat(u)))) return;
      void search.applyUrl(u);
    },
  );
}
