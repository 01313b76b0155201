/**
 * The best `k` records of a candidate list without sorting all of it: a broad
 * word ("cấp") can leave thousands of candidates, and the screen shows twenty.
 * Order: tier (adjacent pairs and exact marks matched) descending, score descending, then record
 * id (stable across runs and rebuilds).
 */
export function topK(candidates: number[], score: Float64Array, idRank: Int32Array, k: number, tier?: Uint8Array): number[] {
  const better = (a: number, b: number) =>
    (tier !== undefined && tier[a] !== tier[b]
      ? (tier[a] as number) > (tier[b] as number)
      : (score[a] as number) > (score[b] as number) ||
        ((score[a] as number) === (score[b] as number) && (idRank[a] as number) < (idRank[b] as number)));
  const byRank = (a: number, b: number) => (better(a, b) ? -1 : better(b, a) ? 1 : 0);
  if (candidates.length <= k * 4) return candidates.slice().sort(byRank).slice(0, k);
  // Min-heap of the k best seen so far; its root is the worst of them.
  const heap: number[] = [];
  const worse = (a: number, b: number) => better(b, a);
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!worse(heap[i] as number, heap[p] as number)) break;
      [heap[i], heap[p]] = [heap[p] as number, heap[i] as number];
      i = p;
    }
  };
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l] as number, heap[m] as number)) m = l;
      if (r < heap.length && worse(heap[r] as number, heap[m] as number)) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m] as number, heap[i] as number];
      i = m;
    }
  };
  for (const id of candidates) {
    if (heap.length < k) {
      heap.push(id);
      up(heap.length - 1);
    } else if (better(id, heap[0] as number)) {
      heap[0] = id;
      down(0);
    }
  }
  return heap.sort(byRank);
}
