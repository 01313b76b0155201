/**
 * Keeps the search page's URL in step with the search: #/?q=…&ngay=2025-10-01&tinh=Lào Cai,
 * so a list can be shared, bookmarked or reopened as it was.
 * - On arrival, what the URL names is applied (a bare #/ keeps the current search).
 * - While typing, the URL is replaced, never pushed: Back leaves the page, not a keystroke.
 * - A route change we caused ourselves is not read back (it may be a keystroke behind).
 */
import { onMounted, watch } from 'vue';
import { useRoute, useRouter, type LocationQuery } from 'vue-router';
import { useSearchStore, type UrlState } from '../stores/search';
import { useSettingsStore } from '../stores/settings';

function first(v: LocationQuery[string] | undefined): string | undefined {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' ? x : undefined;
}

export function readUrlState(query: LocationQuery): UrlState {
  const out: UrlState = {};
  const q = first(query.q);
  const ngay = first(query.ngay);
  const tinh = first(query.tinh);
  if (q !== undefined) out.q = q;
  if (ngay !== undefined) out.ngay = ngay;
  if (tinh !== undefined) out.tinh = tinh;
  return out;
}

function key(q: Record<string, string>): string {
  return JSON.stringify([q.q ?? '', q.ngay ?? '', q.tinh ?? '']);
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
    return { ...q, ...settings.urlQuery() };
  }

  function write(): void {
    const next = current();
    const k = key(next);
    if (k === key(readUrlState(route.query) as Record<string, string>)) return;
    written.push(k);
    if (written.length > 30) written.shift();
    void router.replace({ query: next });
  }

  onMounted(() => {
    void search.applyUrl(readUrlState(route.query));
    write();
  });

  watch(
    () => [search.query, settings.chosenDate, settings.province],
    () => write(),
  );

  watch(
    () => route.query,
    (query) => {
      if (route.name !== 'search') return;
      const u = readUrlState(query);
      // A bare "#/" (the nav link) keeps the current search: put it back in the URL.
      if (!Object.keys(u).length) return write();
      if (written.includes(key(u as Record<string, string>))) return;
      void search.applyUrl(u);
    },
  );
}
