/**
 * Recent records area: the last records the user opened, on this computer (localStorage),
 * for the home page. Only what is needed to show and reopen them.
 */
import { defineStore } from 'pinia';
import { ref } from 'vue';

const KEY = 'tra-cuu:ban-ghi-gan-day';
const MAX = 8;

export interface RecentRecord {
  id: string;
  title: string;
  holder: string;
  citationText: string;
}

function read(): RecentRecord[] {
  try {
    const raw = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(raw)
      ? raw.filter((x): x is RecentRecord => !!x && typeof x === 'object' && ['id', 'title', 'holder', 'citationText'].every((k) => typeof (x as Record<string, unknown>)[k] === 'string')).slice(0, MAX)
      : [];
  } catch {
    return [];
  }
}

export const useRecentStore = defineStore('recent', () => {
  const items = ref<RecentRecord[]>(read());

  function add(r: RecentRecord): void {
    items.value = [r, ...items.value.filter((x) => x.id !== r.id)].slice(0, MAX);
    try {
      globalThis.localStorage?.setItem(KEY, JSON.stringify(items.value));
    } catch {
      // not kept; the list still holds for this session
    }
  }

  function clear(): void {
    items.value = [];
    try {
      globalThis.localStorage?.removeItem(KEY);
    } catch {
      // nothing to do
    }
  }

  return { items, add, clear };
});
