/**
 * A record's status on the day asked, for display. Pure, no DOM.
 * Written defensively: a server from before the timeline sends no status, and such a hit
 * is shown as it always was (no badge), never as repealed.
 */
import type { HitStatus, SearchHit } from '../../../electron/api/contract';
import { TIMELINE_STATUS_LABELS, type TimelineEvent, type TimelineStatus } from '../../../electron/core/model';
import { lastDay, viDate } from './format';

const CODES = Object.keys(TIMELINE_STATUS_LABELS) as TimelineStatus[];

/** The hit's status when the server gave a usable one. */
export function statusOf(x: { status?: HitStatus | null } | null | undefined): HitStatus | null {
  const s = x?.status;
  return s && typeof s === 'object' && CODES.includes(s.code) ? s : null;
}

/** In force on the day (possibly as amended): the hit can be given as an answer. */
export function inForce(s: HitStatus | null): boolean {
  return s === null || s.code === 'hieu-luc' || s.code === 'da-sua-doi';
}

/** Repealed or past its term: no longer the law on that day. */
export function ended(s: HitStatus | null): boolean {
  return s !== null && (s.code === 'bai-bo' || s.code === 'het-thoi-han');
}

/** "Đã bãi bỏ", "Hết thời hạn áp dụng" … */
export function shortLabel(s: HitStatus): string {
  return TIMELINE_STATUS_LABELS[s.code] ?? s.code;
}

/** The sentence with the act ("Đã bãi bỏ từ 31/01/2026 bởi …"), else the short label. */
export function fullLabel(s: HitStatus): string {
  return s.label?.trim() || shortLabel(s);
}

/** CSS class of a status: st-hieu-luc, st-bai-bo … */
export function statusClass(s: HitStatus | null): string {
  return s ? `st-${s.code}` : 'st-none';
}

/** One row of the result list: a hit, and the hit above it when that one took it over. */
export interface HitRow {
  hit: SearchHit;
  index: number;
  /** The record in force listed just above that took this one over. */
  under: SearchHit | null;
}

/** Pairs each ended hit with the hit directly above it that supersedes it (the core lists them so). */
export function hitRows(hits: readonly SearchHit[]): HitRow[] {
  return hits.map((hit, index) => {
    const prev = index > 0 ? hits[index - 1]! : null;
    const under = prev && prev.supersedes && prev.supersedes === hit.id ? prev : null;
    return { hit, index, under };
  });
}

/**
 * "Quy định trước đây (hồ sơ nộp trước ngày 31/01/2026 có thể vẫn áp dụng)": the day is the first
 * day of the new rule, i.e. when the old one stopped applying.
 */
export function formerRuleLabel(old: SearchHit, successor: SearchHit | null): string {
  const day = statusOf(old)?.to ?? statusOf(successor)?.from ?? null;
  return day
    ? `Quy định trước đây (hồ sơ nộp trước ngày ${viDate(day)} có thể vẫn áp dụng)`
    : 'Quy định trước đây (hồ sơ nộp trước khi quy định mới có hiệu lực có thể vẫn áp dụng)';
}

export const EVENT_KIND_LABELS: Record<TimelineEvent['kind'], string> = {
  added: 'Bổ sung',
  replaced: 'Thay thế',
  amended: 'Sửa đổi',
  repealed: 'Bãi bỏ',
};

/** "Từ 01/07/2025 đến hết 30/01/2026" / "Từ 31/01/2026": the span of a version (`to` = first day it no longer applies). */
export function spanText(from: string | null | undefined, to: string | null | undefined): string {
  const start = from ? `Từ ${viDate(from)}` : 'Từ khi ban hành';
  return to ? `${start} đến hết ${lastDay(to)}` : start;
}

/** Records that took a repealed one over, one entry per holder (a holder named in several points once). */
export interface SuccessorGroup {
  holder: string;
  hits: SearchHit[];
}

/**
 * "Nay thực hiện theo": 49/2026 took 151 Điều 5 khoản 1 điểm h over in six records, two for each of three
 * bodies; listed one after another they read as six answers. Grouped by holder, in the order given.
 */
export function successorGroups(hits: readonly SearchHit[]): SuccessorGroup[] {
  const groups = new Map<string, SearchHit[]>();
  for (const h of hits) {
    const key = h.holder.trim();
    const g = groups.get(key);
    if (g) {
      if (!g.some((x) => x.citationText === h.citationText)) g.push(h);
    } else groups.set(key, [h]);
  }
  return [...groups].map(([holder, hs]) => ({ holder, hits: hs }));
}
