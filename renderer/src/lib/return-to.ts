/**
 * "Quay lại kết quả": the list a record was opened from (search results, the sector tree, a decree,
 * the saved records) and where the page was scrolled, kept while the user goes from record to record,
 * so going back lands on the list as it was — not on the previous record.
 */
export type ListKind = 'search' | 'browse' | 'decree' | 'saved';

export interface ListPlace {
  kind: ListKind;
  fullPath: string;
  scrollY: number;
}

const LIST_ROUTES: readonly string[] = ['search', 'browse', 'decree', 'saved'];
let place: ListPlace | null = null;
/** Set while going back, so the router scrolls to the place once the list is there again. */
let returning: ListPlace | null = null;

export const BACK_LABELS: Record<ListKind, string> = {
  search: 'Quay lại kết quả',
  browse: 'Quay lại danh sách',
  decree: 'Quay lại văn bản',
  saved: 'Quay lại mục đã lưu',
};

export function isListRoute(name: unknown): name is ListKind {
  return typeof name === 'string' && LIST_ROUTES.includes(name);
}

/** Called when a record opens from a list; a record opened from a record keeps the list it came from. */
export function rememberList(kind: ListKind, fullPath: string, scrollY: number): void {
  place = { kind, fullPath, scrollY };
}

export function listPlace(): ListPlace | null {
  return place;
}

export function markReturning(): void {
  returning = place;
}

/** The scroll position to restore for this navigation, once (null when not going back to the list). */
export function takeReturnScroll(fullPath: string): number | null {
  const r = returning;
  returning = null;
  return r && r.fullPath === fullPath ? r.scrollY : null;
}

/** Resolves when the page is tall enough to scroll to `y` (the list has rendered), or after `ms`. */
export function whenScrollable(y: number, ms = 2000): Promise<void> {
  const until = Date.now() + ms;
  return new Promise((resolve) => {
    const tick = (): void => {
      if (document.documentElement.scrollHeight - window.innerHeight >= y || Date.now() > until) resolve();
      else requestAnimationFrame(tick);
    };
    tick();
  });
}
