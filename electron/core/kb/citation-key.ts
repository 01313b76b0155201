import type { Citation } from '../model';

/** One string per provision, used as the key between records and provision texts. */
export function citationKey(c: Citation): string {
  return [c.document, c.article ?? '', c.clause ?? '', c.point ?? '', c.annex ?? ''].join('|');
}

/**
 * Keys from the most to the least specific: a point's record falls back to its
 * clause, then to its article, when the finer provision was not split out.
 */
export function citationKeyFallbacks(c: Citation): string[] {
  const keys = [citationKey(c)];
  if (c.point != null) keys.push(citationKey({ ...c, point: null }));
  if (c.clause != null) keys.push(citationKey({ ...c, point: null, clause: null }));
  return keys;
}
