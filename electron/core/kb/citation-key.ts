import type { Citation } from '../model';
import { citationKey } from '../legal/structure';

export { citationKey };

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
