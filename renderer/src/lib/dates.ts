/** Calendar days as ISO strings ("2026-01-31"), on the user's own clock. Pure, no DOM. */

/** Today on this computer, not in UTC: at 06:00 in Hà Nội, UTC is still yesterday. */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** A real calendar day written YYYY-MM-DD (no 2026-02-30), between 1900 and 2999. */
export function isIsoDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2999) return false;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/**
 * A day as a Vietnamese user types it: "1/10/2025", "01-10-2025", "1.10.25" (day first), or ISO.
 * Returns the ISO day, or null when it is not a real day.
 */
export function parseViDate(input: string): string | null {
  const s = input.trim();
  if (isIsoDay(s)) return s;
  const m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/.exec(s);
  if (!m) return null;
  const year = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const iso = `${year}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return isIsoDay(iso) ? iso : null;
}
