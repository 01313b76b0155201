import type { Validity } from './model';

/** Status on a given day (ISO date). Computed when the KB is opened, not when built: the KB may outlive 2027. */
export function validityStatus(v: Pick<Validity, 'from' | 'to'>, today: string): Validity['status'] {
  if (today < v.from) return 'chua-hieu-luc';
  if (v.to !== null && today >= v.to) return 'het-hieu-luc';
  return 'hieu-luc';
}

export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
