/**
 * Catalogue area: every record with its sector and field, on the day and in the province of the
 * settings store: the sector → field → records tree, the home page's tiles and
 * "Cấp xã nhận từ cấp huyện". Loaded once per day and province.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { RecordListItem } from '../../../electron/api/contract';
import { SECTOR_LABELS, type DocumentInfo, type SectorId } from '../../../electron/core/model';
import { api } from '../api/client';
import { errorMessage } from '../lib/errors';
import { inForce } from '../lib/status';
import { useDocumentsStore } from './documents';
import { useSettingsStore } from './settings';

/** The name of a record without a field of its own. */
export const NO_FIELD = 'Chưa phân nhóm';

export interface FieldNode {
  field: string;
  count: number;
  items: RecordListItem[];
}
export interface SectorNode {
  sector: SectorId;
  label: string;
  count: number;
  /** Records in force on the day. */
  inForce: number;
  fields: FieldNode[];
  /** Decrees of the sector whose text is not loaded (their powers are not in the tree yet). */
  waiting: string[];
}

const byLabel = (a: string, b: string) => a.localeCompare(b, 'vi');

/**
 * Groups records by sector, then by field (sectors and fields by name; "Chưa phân nhóm" last). Every
 * sector of the catalogue has a node, also one whose decrees have no text yet (count 0, listed in `waiting`,
 * after those with records); "Lĩnh vực khác" (an imported act naming no sector) comes last.
 */
export function groupTree(items: readonly RecordListItem[], documents: readonly Pick<DocumentInfo, 'number' | 'sector' | 'textLoaded'>[] = []): SectorNode[] {
  const sectors = new Map<SectorId, Map<string, RecordListItem[]>>();
  const waiting = new Map<SectorId, string[]>();
  for (const d of documents) {
    if (!sectors.has(d.sector)) sectors.set(d.sector, new Map());
    if (!d.textLoaded) waiting.set(d.sector, [...(waiting.get(d.sector) ?? []), d.number]);
  }
  for (const it of items) {
    const fields = sectors.get(it.sector) ?? new Map<string, RecordListItem[]>();
    const key = it.field?.trim() || NO_FIELD;
    fields.set(key, [...(fields.get(key) ?? []), it]);
    sectors.set(it.sector, fields);
  }
  return [...sectors.entries()]
    .map(([sector, fields]) => {
      const list = [...fields.entries()]
        .map(([field, xs]) => ({ field, count: xs.length, items: xs }))
        .sort((a, b) => (a.field === NO_FIELD ? 1 : b.field === NO_FIELD ? -1 : byLabel(a.field, b.field)));
      const all = list.flatMap((f) => f.items);
      return {
        sector,
        label: SECTOR_LABELS[sector] ?? sector,
        count: all.length,
        inForce: all.filter((x) => inForce(x.status)).length,
        fields: list,
        waiting: waiting.get(sector) ?? [],
      };
    })
    .filter((s) => s.count > 0 || s.waiting.length > 0)
    .sort((a, b) => {
      if ((a.sector === 'other') !== (b.sector === 'other')) return a.sector === 'other' ? 1 : -1;
      if ((a.count === 0) !== (b.count === 0)) return a.count === 0 ? 1 : -1;
      return byLabel(a.label, b.label);
    });
}

/** Work re-assigned from the former district to the commune (phân định), in force on the day. */
export function communeFromDistrict(items: readonly RecordListItem[]): RecordListItem[] {
  return items.filter((x) => x.mechanism === 'phan-dinh' && x.level === 'xa' && inForce(x.status));
}

export const useCatalogStore = defineStore('catalog', () => {
  const settings = useSettingsStore();
  const items = shallowRef<RecordListItem[]>([]);
  const loading = ref(false);
  const error = ref<string | null>(null);
  const loadedKey = ref('');
  let lastRequest = 0;

  const docs = useDocumentsStore();
  const tree = computed(() => groupTree(items.value, docs.documents));
  const toCommune = computed(() => groupTree(communeFromDistrict(items.value)));

  async function load(): Promise<void> {
    const ctx = settings.requestContext();
    const key = JSON.stringify([ctx.date, ctx.province]);
    void docs.load(); // sectors whose decrees have no text yet
    if (key === loadedKey.value) return;
    const req = ++lastRequest;
    loading.value = true;
    error.value = null;
    try {
      const list = await api().listRecords(ctx);
      if (req !== lastRequest) return;
      items.value = list;
      loadedKey.value = key;
    } catch (e) {
      if (req !== lastRequest) return;
      error.value = errorMessage(e);
    } finally {
      if (req === lastRequest) loading.value = false;
    }
  }

  return { items, tree, toCommune, loading, error, loaded: computed(() => loadedKey.value !== ''), load };
});
