/**
 * Sister decrees (120 vs 121, 121 vs 125, 146 vs 148): the question's words, weighted by rarity, sit mostly in
 * one decree's records ("hợp tác xã" in 125, "an toàn thực phẩm" in 146). A record of that decree weighs a little
 * more. A tie-breaker only: it multiplies the score by at most 1 + AFFINITY_BOOST.
 *
 * Also per record, flat: abolished tasks ("Không thực hiện …", role bai-bo) say who no longer does a task, not who
 * does it, so they weigh less than a record that assigns it (they still answer when nothing else does).
 */
import type { SearchEngine } from './engine';
import type { Posting } from './postings';

export const AFFINITY_BOOST = 0.1;
export const ABOLISHED_WEIGHT = 0.7;

interface PerRecord {
  /** Decree of each record, as a small integer. */
  decree: Int32Array;
  decrees: number;
  abolished: Uint8Array;
}

const cache = new WeakMap<SearchEngine, PerRecord>();

export function perRecord(engine: SearchEngine): PerRecord {
  let r = cache.get(engine);
  if (!r) {
    const names = new Map<string, number>();
    const decree = new Int32Array(engine.docs.length);
    const abolished = new Uint8Array(engine.docs.length);
    engine.docs.forEach((d, i) => {
      const k = d.record.citation.document;
      let j = names.get(k);
      if (j === undefined) names.set(k, (j = names.size));
      decree[i] = j;
      abolished[i] = d.record.role === 'bai-bo' ? 1 : 0;
    });
    cache.set(engine, (r = { decree, decrees: names.size, abolished }));
  }
  return r;
}

/**
 * Multiplies each alive record's score by 1 + AFFINITY_BOOST × (its decree's share of the question, over the
 * best decree's): a decree's share is the sum, over the required words, of the word's rarity × the share of the
 * word's records that it holds.
 */
export function weighByDecree(engine: SearchEngine, postings: Posting[], alive: number[], acc: Float64Array): void {
  const { decree, decrees, abolished } = perRecord(engine);
  for (const id of alive) if (abolished[id] === 1) acc[id] = (acc[id] as number) * ABOLISHED_WEIGHT;
  if (postings.length < 2) return;
  const n = engine.docs.length;
  const share = new Float64Array(decrees);
  const count = new Float64Array(decrees);
  for (const p of postings) {
    const len = p.ids.length;
    if (len === 0) continue;
    count.fill(0);
    for (let i = 0; i < len; i++) {
      const j = decree[p.ids[i] as number] as number;
      count[j] = (count[j] as number) + 1;
    }
    const rarity = Math.log(1 + n / len) / len;
    for (let j = 0; j < decrees; j++) share[j] = (share[j] as number) + rarity * (count[j] as number);
  }
  let best = 0;
  for (let j = 0; j < decrees; j++) if ((share[j] as number) > best) best = share[j] as number;
  if (best <= 0) return;
  const k = AFFINITY_BOOST / best;
  for (const id of alive) acc[id] = (acc[id] as number) * (1 + k * (share[decree[id] as number] as number));
}
