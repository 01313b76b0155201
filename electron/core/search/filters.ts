/**
 * Filters (sector, level, holder kind, role, mechanism, document) become a mask
 * of allowed records, cached per combination: typing a query under the same
 * filters reuses it on every keystroke.
 */
import type { SearchFilters } from '../results';
import type { AuthorityRecord } from '../model';
import type { SearchEngine } from './engine';

const KEYS = ['sector', 'level', 'holderKind', 'role', 'mechanism', 'document'] as const;
const MAX_CACHED = 32;

function valueOf(r: AuthorityRecord, key: (typeof KEYS)[number]): string {
  return key === 'document' ? r.citation.document : r[key];
}

/** Null when nothing is filtered. Unknown filter values simply match nothing. */
export function filterMask(engine: SearchEngine, filters: SearchFilters | undefined | null): Uint8Array | null {
  if (!filters || typeof filters !== 'object') return null;
  const active: Array<[(typeof KEYS)[number], Set<string>]> = [];
  for (const key of KEYS) {
    const values = (filters as Record<string, unknown>)[key];
    if (Array.isArray(values) && values.length > 0) active.push([key, new Set(values.map(String))]);
  }
  if (active.length === 0) return null;
  const cacheKey = JSON.stringify(active.map(([k, v]) => [k, [...v].sort()]));
  const cached = engine.filterMasks.get(cacheKey);
  if (cached) return cached;
  const mask = new Uint8Array(engine.docs.length);
  engine.docs.forEach((d, i) => {
    if (active.every(([key, allowed]) => allowed.has(valueOf(d.record, key)))) mask[i] = 1;
  });
  if (engine.filterMasks.size >= MAX_CACHED) engine.filterMasks.delete(engine.filterMasks.keys().next().value as string);
  engine.filterMasks.set(cacheKey, mask);
  return mask;
}

export function intersectMasks(a: Uint8Array | null, b: Uint8Array | null): Uint8Array | null {
  if (!a) return b;
  if (!b) return a;
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! & b[i]!;
  return out;
}
