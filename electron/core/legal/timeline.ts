/**
 * The law on a timeline: applying the changes read from amending, later and provincial acts
 * (changes.ts) to the provisions and records of the acts they change. Changes are applied in
 * order of their effective date (then of their own citation), never in file order, so the result
 * does not depend on which text was read first.
 */
import type { AuthorityRecord, Citation, RecordTimeline, TimelineEvent, TimelineStatus } from '../model';
import { formatCitation } from '../model';
import { type Address, addressOf, addressWithin, formatAddress } from './addresses';
import type { Change } from './changes';
import { type LegalNode, type ParsedDecree, citationKey } from './structure';

export interface ActDates {
  from: string | null;
  to: string | null;
}

function changeOrder(a: Change, b: Change): number {
  if (a.effective !== b.effective) return a.effective < b.effective ? -1 : 1;
  const ka = citationKey(a.by);
  const kb = citationKey(b.by);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

export function sortChanges(changes: Change[]): Change[] {
  return [...changes].sort(changeOrder);
}

function inside(addr: Address, c: Change): boolean {
  if (Object.keys(c.address).length === 0) return true; // the whole act
  if (!addressWithin(addr, c.address)) return false;
  return !c.except.some((e) => addressWithin(addr, e));
}

/** A repeal of the amending provision that made a change undoes that change from the repeal's date. */
function repealsMaker(repeal: Change, maker: Change): boolean {
  return repeal.op === 'repeal' && repeal.document === maker.by.document && inside(addressOf(maker.by), repeal);
}

/** Where a record sits on the timeline, given every change known. */
export function recordTimeline(record: AuthorityRecord, allChanges: Change[], dates: ReadonlyMap<string, ActDates>): RecordTimeline {
  const doc = dates.get(record.citation.document);
  const addr = addressOf(record.citation);
  const mine = sortChanges(allChanges.filter((c) => c.document === record.citation.document && inside(addr, c)));
  let from = doc?.from ?? '2025-07-01';
  let madeBy: string | null = null;
  const events: TimelineEvent[] = [];
  let maker: Change | null = null;
  for (const c of mine) {
    if (c.op === 'add' || c.op === 'replace') {
      // A point added (or rewritten) by an amending act starts on that act's date.
      if (c.op === 'add') {
        from = c.effective;
        madeBy = formatCitation(c.by);
        maker = c;
      }
      events.push({ on: c.effective, kind: c.op === 'add' ? 'added' : 'replaced', by: formatCitation(c.by), note: null });
    } else if (c.op === 'phrase') {
      events.push({ on: c.effective, kind: 'amended', by: formatCitation(c.by), note: `Thay cụm từ “${c.phrase}” bằng “${c.text}” (${formatAddress(c.address)})` });
    }
  }
  let to = doc?.to ?? null;
  let endKind: RecordTimeline['endKind'] = to ? 'expired' : null;
  let endedBy: string | null = null;
  // The record's own term (a transition the text keeps "đến ngày …", a power that starts after it).
  const term = record.term;
  if (term?.from && term.from > from) from = term.from;
  if (term?.to && (to === null || term.to < to)) {
    to = term.to;
    endKind = 'expired';
  }
  const repeals = sortChanges(
    allChanges.filter(
      (c) => c.op === 'repeal' && ((c.document === record.citation.document && inside(addr, c)) || (maker !== null && repealsMaker(c, maker))),
    ),
  ).filter((c) => c.effective > from);
  const first = repeals[0];
  if (first && (to === null || first.effective <= to)) {
    to = first.effective;
    endKind = 'repealed';
    endedBy = formatCitation(first.by);
    events.push({ on: first.effective, kind: 'repealed', by: endedBy, note: null });
  }
  events.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return { from, to, endKind, madeBy, endedBy, ...(term ? { termNote: term.note } : {}), events };
}

/** Status of a record on a day. */
export function statusOn(t: RecordTimeline, day: string): TimelineStatus {
  if (day < t.from) return 'chua-hieu-luc';
  if (t.to !== null && day >= t.to) return t.endKind === 'repealed' ? 'bai-bo' : 'het-thoi-han';
  if (t.events.some((e) => e.kind !== 'added' && e.kind !== 'repealed' && e.on <= day)) return 'da-sua-doi';
  return 'hieu-luc';
}

export function inForce(status: TimelineStatus): boolean {
  return status === 'hieu-luc' || status === 'da-sua-doi';
}

/** "31/01/2026" */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The status in words, with the act that made it so. */
export function statusLabel(t: RecordTimeline, day: string): string {
  const s = statusOn(t, day);
  switch (s) {
    case 'chua-hieu-luc':
      return `Chưa có hiệu lực (từ ${viDate(t.from)}${t.madeBy ? `, ${lower(t.madeBy)}` : t.termNote ? `, ${t.termNote}` : ''})`;
    case 'bai-bo':
      // A point an amending act added and a later act repealed names both acts.
      return `${t.madeBy ? `Được bổ sung bởi ${lower(t.madeBy)} từ ${viDate(t.from)}; đ` : 'Đ'}ã bãi bỏ từ ${viDate(t.to!)} bởi ${lower(t.endedBy ?? '')}`;
    case 'het-thoi-han':
      // A term the text sets itself says where; the decree's own end may be extended.
      return t.termNote
        ? `Hết thời hạn áp dụng từ ${viDate(t.to!)} theo chính quy định này (${t.termNote})`
        : `Hết thời hạn áp dụng từ ${viDate(t.to!)} (trừ khi được gia hạn; cần kiểm tra văn bản mới)`;
    case 'da-sua-doi': {
      const last = [...t.events].reverse().find((e) => e.kind === 'amended' || e.kind === 'replaced');
      return `Có hiệu lực, đã sửa đổi từ ${viDate(last!.on)} bởi ${lower(last!.by)}`;
    }
    default:
      return t.madeBy ? `Đang có hiệu lực (được bổ sung bởi ${lower(t.madeBy)}, từ ${viDate(t.from)})` : 'Đang có hiệu lực';
  }
}

function lower(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Body additions ("Bổ sung điểm o vào khoản 1 Điều 5") become units of the act they join, so the extractor reads them like the rest. */
export function withAdditions(parsed: ParsedDecree, changes: Change[]): ParsedDecree {
  const adds = sortChanges(changes.filter((c) => c.op === 'add' && c.document === parsed.number && c.address.article && c.text));
  if (adds.length === 0) return parsed;
  const articles = structuredClone(parsed.articles);
  const provisions = [...parsed.provisions];
  for (const c of adds) {
    const art = articles.find((a) => a.citation.article === Number(c.address.article));
    if (!art) continue;
    const text = c.text!;
    if (c.address.point && c.address.clause) {
      const clause = art.children.find((k) => k.citation.clause === Number(c.address.clause));
      if (!clause || clause.children.some((p) => p.citation.point === c.address.point)) continue;
      clause.children.push(node('point', { ...clause.citation, point: c.address.point }, clause, text));
      provisions.push({ citation: { ...clause.citation, point: c.address.point }, path: clause.path, heading: clause.heading, text });
    } else if (c.address.clause && !c.address.point) {
      if (art.children.some((k) => k.citation.clause === Number(c.address.clause))) continue;
      art.children.push(node('clause', { ...art.citation, clause: Number(c.address.clause) }, art, text));
      provisions.push({ citation: { ...art.citation, clause: Number(c.address.clause) }, path: art.path, heading: art.heading, text });
    }
  }
  return { ...parsed, articles, provisions };
}

function node(kind: LegalNode['kind'], citation: Citation, parent: LegalNode, text: string): LegalNode {
  return { kind, citation, path: parent.path, heading: parent.heading, ownText: text, children: [] };
}
