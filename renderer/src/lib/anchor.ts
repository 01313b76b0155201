/**
 * A provision's anchor in the decree reader: readable, stable, one per provision.
 * "dieu-5-khoan-1-diem-a", "muc-i-phan-i-phu-luc-i-khoan-6". Pure, no DOM.
 */
import type { Citation } from '../../../electron/core/model';

/** Lower case without diacritics, one character for one: indices stay those of the input. */
export function foldChars(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch === 'đ' || ch === 'Đ') {
      out += 'd';
      continue;
    }
    const base = ch.normalize('NFD').charAt(0).toLowerCase();
    // A character whose lower case is longer (İ → i̇) keeps the length of the input.
    out += base.length === ch.length ? base : ch;
  }
  return out;
}

function slug(s: string): string {
  return foldChars(s)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** "đ" is its own point letter, after "d": it must not collide with it. */
function pointSlug(p: string): string {
  return p === 'đ' || p === 'Đ' ? 'dd' : slug(p);
}

export function anchorOf(c: Citation): string {
  const parts: string[] = [];
  if (c.annex) parts.push(slug(c.annex));
  else if (c.article != null) parts.push(`dieu-${c.article}`);
  if (c.clause != null) parts.push(`khoan-${c.clause}`);
  if (c.point) parts.push(`diem-${pointSlug(c.point)}`);
  return parts.join('-') || 'dau';
}

/** [start, end) ranges of every occurrence of the folded needle in the folded haystack. */
export function matchRanges(text: string, needle: string): Array<[number, number]> {
  const n = foldChars(needle.trim());
  if (!n) return [];
  const h = foldChars(text);
  const out: Array<[number, number]> = [];
  for (let i = h.indexOf(n); i !== -1; i = h.indexOf(n, i + n.length)) out.push([i, i + n.length]);
  return out;
}
