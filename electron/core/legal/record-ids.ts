/**
 * Record ids and citation containment: ids come from citation + holder + role, so they survive rebuilds.
 */
import type { Citation, Role } from '../model';
import { holderSlug } from './holders';
import { citationKey } from './structure';
import { fold } from '../text/normalize';

function docSlug(number: string): string {
  const m = /^(\d+)\/(\d{4})/u.exec(number);
  if (!m) return fold(number).replace(/[^a-z0-9]+/g, '-');
  return m[2] === '2025' ? String(m[1]) : `${m[1]}-${m[2]}`;
}

function citationSlug(c: Citation): string {
  const parts: string[] = [];
  if (c.annex) {
    const a = /(?:mục ([IVXLC]+) )?(?:phần ([A-H]) )?(?:Phần ([IVXLC]+) )?Phụ lục(?: ([IVXLC\d]+))?/u.exec(c.annex);
    parts.push(`pl${(a?.[4] ?? '').toLowerCase()}`);
    if (a?.[3]) parts.push(`phan${a[3].toLowerCase()}`);
    if (a?.[2]) parts.push(`p${a[2].toLowerCase()}`);
    if (a?.[1]) parts.push(`m${a[1].toLowerCase()}`);
  }
  if (c.article != null) parts.push(`d${c.article}`);
  if (c.clause != null) parts.push(`k${c.clause}`);
  if (c.point) parts.push(`p${c.point === 'đ' ? 'dd' : c.point}`);
  return parts.join('-');
}

export function recordId(c: Citation, holder: string, role: Role): string {
  return `${docSlug(c.document)}-${citationSlug(c)}-${holderSlug(holder)}-${role}`;
}

export function sameCitation(a: Citation, b: Citation): boolean {
  return citationKey(a) === citationKey(b);
}

/** Whether `inner` is `outer` or a unit inside it. */
export function within(inner: Citation, outer: Citation): boolean {
  if (inner.document !== outer.document) return false;
  if (outer.annex === null ? inner.annex !== null : inner.annex !== outer.annex && !(inner.annex ?? '').endsWith(` ${outer.annex}`))
    return false;
  if (outer.article !== null && inner.article !== outer.article) return false;
  if (outer.clause !== null && inner.clause !== outer.clause) return false;
  if (outer.point !== null && inner.point !== outer.point) return false;
  return true;
}
