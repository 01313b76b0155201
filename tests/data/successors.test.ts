/**
 * data/successors.json links a repealed record to the record of a later act that took its task over,
 * keyed by citation. A typo links nothing in silence (the answer then shows the repealed provision with
 * no "nay …"), so every link is checked against the real register: both ends name records, the earlier
 * is of the batch, the later of a later act.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatCitation, type AuthorityRecord } from '../../electron/core/model';
import { readCatalogue } from '../../electron/core/legal/catalogue';
import type { ChangesFile } from '../../electron/core/legal/changes';
import { recordTimeline } from '../../electron/core/legal/timeline';
import { actDates } from '../../electron/core/kb/timeline-apply';

const DATA = resolve(fileURLToPath(new URL('../../data', import.meta.url)));
const successors = JSON.parse(readFileSync(join(DATA, 'successors.json'), 'utf8')) as { links: Array<{ from: string; to: string; note?: string }> };
const records: AuthorityRecord[] = readdirSync(join(DATA, 'register'))
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => (JSON.parse(readFileSync(join(DATA, 'register', f), 'utf8')) as { records: AuthorityRecord[] }).records);
const byCitation = new Map<string, AuthorityRecord[]>();
for (const r of records) byCitation.set(formatCitation(r.citation), [...(byCitation.get(formatCitation(r.citation)) ?? []), r]);

describe('data/successors.json', () => {
  it('has links, none repeated', () => {
    expect(successors.links.length).toBeGreaterThan(5);
    const keys = successors.links.map((l) => `${l.from} → ${l.to}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(successors.links.map((l) => [l.from, l.to]))('%s → %s: both ends are records, a batch decree to a later act', (from, to) => {
    const earlier = byCitation.get(from) ?? [];
    const later = byCitation.get(to) ?? [];
    expect(earlier.length, from).toBeGreaterThan(0);
    expect(later.length, to).toBeGreaterThan(0);
    expect(earlier.every((r) => (r.act ?? 'batch') === 'batch'), from).toBe(true);
    // Within one decree only when the later record starts by its own term, when the earlier one's ends
    // (144 Điều 46 khoản 1 điểm c, a transition to 31/12/2025 → Điều 31 khoản 1 from 01/01/2026).
    const byTerm = later.every((r) => r.term?.from != null) && earlier.every((r) => r.term?.to != null && r.term.to <= later[0]!.term!.from!);
    expect(later.every((r) => r.act === 'later') || byTerm, to).toBe(true);
  });

  // A repealed record whose repealing act's own register holds a record of the same level doing the same
  // task (the same five leading words of the title: the verb and its object) must name its successor, or
  // the answer shows "Đã bãi bỏ" with no "nay …" (140 Điều 7 khoản 5 → 217/2026 Điều 32 khoản 4 was missing).
  it('a repealed record is linked when its repealing act holds the same task at the same level', () => {
    const changes = readdirSync(join(DATA, 'changes'))
      .filter((f) => f.endsWith('.json'))
      .flatMap((f) => (JSON.parse(readFileSync(join(DATA, 'changes', f), 'utf8')) as ChangesFile).changes);
    const dates = actDates(readCatalogue(DATA));
    const head = (s: string) => s.toLowerCase().normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter(Boolean).slice(0, 5).join(' ');
    const linked = new Set(successors.links.map((l) => l.from));
    const found: string[] = [];
    const missing: string[] = [];
    for (const r of records.filter((x) => (x.act ?? 'batch') === 'batch')) {
      const t = recordTimeline(r, changes, dates);
      if (t.endKind !== 'repealed' || !t.endedBy) continue;
      const act = t.endedBy.replace(/^.* Nghị định /u, '');
      const same = records.filter((x) => x.act === 'later' && x.citation.document === act && x.level === r.level && head(x.title) === head(r.title));
      if (same.length === 0) continue;
      const from = formatCitation(r.citation);
      found.push(from);
      if (!linked.has(from)) missing.push(`${from} (${r.title}) → ${same.map((x) => formatCitation(x.citation)).join(', ')}`);
    }
    expect(found).toContain('Khoản 5 Điều 7 Nghị định 140/2025/NĐ-CP');
    expect(missing).toEqual([]);
  });
});
