/**
 * Splits a string into plain and marked segments from [start, end) ranges.
 * Ranges may arrive unsorted, overlapping or out of bounds: they are clamped
 * and merged so the text is always shown whole and exactly once.
 */
import type { Ranges } from '../../../electron/api/contract';

export interface Segment {
  text: string;
  mark: boolean;
}

export function segments(text: string, ranges: Ranges | null | undefined): Segment[] {
  const len = text.length;
  const clean = (ranges ?? [])
    .map(([s, e]) => [Math.max(0, Math.min(len, s)), Math.max(0, Math.min(len, e))] as [number, number])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const r of clean) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  const out: Segment[] = [];
  let pos = 0;
  for (const [s, e] of merged) {
    if (s > pos) out.push({ text: text.slice(pos, s), mark: false });
    out.push({ text: text.slice(s, e), mark: true });
    pos = e;
  }
  if (pos < len || out.length === 0) out.push({ text: text.slice(pos), mark: false });
  return out;
}
