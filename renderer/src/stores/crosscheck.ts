/**
 * The cross-check view's area: every link between the national procedure database and the register
 * (kb crosscheck), filtered by decree, by agreement and by what a disagreement means. The report is
 * loaded once (it does not depend on the day: it is read on the portal's own date).
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { CrosscheckLink, CrosscheckReport } from '../../../electron/api/contract';
import { api } from '../api/client';
import { errorMessage } from '../lib/errors';

export type AgreementFilter = 'all' | 'agree' | 'disagree';

export interface CrosscheckFilters {
  /** Decree number ("151/2025/NĐ-CP"), or '' for all. */
  decree: string;
  agreement: AgreementFilter;
  /** A kind of disagreement, or '' for all. */
  kind: string;
}

export const useCrosscheckStore = defineStore('crosscheck', () => {
  const report = shallowRef<CrosscheckReport | null>(null);
  const error = ref<string | null>(null);
  const loading = ref(false);
  const filters = ref<CrosscheckFilters>({ decree: '', agreement: 'all', kind: '' });
  let request = 0;

  async function load(): Promise<void> {
    if (report.value || loading.value) return;
    const id = ++request;
    loading.value = true;
    try {
      const r = await api().crosscheck({});
      if (id !== request) return; // a newer load answered first
      report.value = r;
      error.value = null;
    } catch (e) {
      if (id === request) error.value = errorMessage(e);
    } finally {
      if (id === request) loading.value = false;
    }
  }

  /** The decrees the links' powers come from, with how many links each. */
  const decrees = computed(() => {
    const n = new Map<string, number>();
    for (const l of report.value?.links ?? []) n.set(l.document, (n.get(l.document) ?? 0) + 1);
    return [...n.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([number, count]) => ({ number, count }));
  });

  function matches(l: CrosscheckLink, f: CrosscheckFilters): boolean {
    if (f.decree && l.document !== f.decree) return false;
    if (f.agreement !== 'all' && l.agreement !== f.agreement) return false;
    if (f.kind && l.kind !== f.kind) return false;
    return true;
  }

  /** Disagreements first (what a legal officer checks), then by decree and code. */
  const shown = computed(() =>
    (report.value?.links ?? [])
      .filter((l) => matches(l, filters.value))
      .sort((a, b) => (a.agreement === b.agreement ? 0 : a.agreement === 'disagree' ? -1 : 1) || a.document.localeCompare(b.document) || a.code.localeCompare(b.code)),
  );

  function setFilters(f: Partial<CrosscheckFilters>): void {
    filters.value = { ...filters.value, ...f };
  }

  return { report, error, loading, filters, decrees, shown, load, setFilters };
});
