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
});
