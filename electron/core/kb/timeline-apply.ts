/**
 * At KB build: every record gets its place on the timeline (from the changes of all acts known),
 * the links between a repealed record and the later record that took its task over
 * (data/successors.json, curated, keyed by citation), a province's delegations linked to the
 * national records they rest on, and the "the province may delegate" mark read from the clause.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuthorityRecord, Citation, Provision } from '../model';
import { formatCitation } from '../model';
import type { CatalogueEntry } from '../legal/catalogue';
import type { Change } from '../legal/changes';
import { within } from '../legal/extract';
import { type ActDates, recordTimeline } from '../legal/timeline';
import type { ProvisionVersion } from '../results';

export interface SuccessorLink {
  /** The earlier provision ("Điểm h khoản 1 Điều 5 Nghị định 151/2025/NĐ-CP"). */
  from: string;
  /** The provision of the later act that took the task over. */
  to: string;
  note?: string;
}

export function readSuccessors(dataDir: string): SuccessorLink[] {
  const file = join(dataDir, 'successors.json');
  if (!existsSync(file)) return [];
  return (JSON.parse(readFileSync(file, 'utf8')) as { links: SuccessorLink[] }).links;
}

/** "phân cấp, ủy quyền" left to the province by the clause itself (49/2026/NĐ-CP Điều 14 khoản 1). */
const DELEGABLE_RE = /quyết định việc phân cấp, ủy quyền|được phân cấp, ủy quyền cho|có thể phân cấp, ủy quyền/u;

export function actDates(catalogue: Iterable<CatalogueEntry>): Map<string, ActDates> {
  const m = new Map<string, ActDates>();
  for (const e of catalogue) m.set(e.number, { from: e.effective ?? e.issued, to: e.expires });
  return m;
}

export function applyTimeline(
  records: AuthorityRecord[],
  changes: Change[],
  catalogue: CatalogueEntry[],
  provisions: ReadonlyMap<string, Provision>,
  successors: SuccessorLink[],
  warn: (m: string) => void,
): AuthorityRecord[] {
  const dates = actDates(catalogue);
  const out = records.map((r) => ({ ...r, timeline: recordTimeline(r, changes, dates), act: r.act ?? ('batch' as const) }));
  const byCitation = new Map<string, AuthorityRecord[]>();
  for (const r of out) {
    const k = formatCitation(r.citation);
    byCitation.set(k, [...(byCitation.get(k) ?? []), r]);
  }
  // Curated successors: both ends must exist, the later one must start when or after the earlier ends.
  for (const l of successors) {
    const from = byCitation.get(l.from) ?? [];
    const to = byCitation.get(l.to) ?? [];
    if (from.length === 0 || to.length === 0) {
      warn(`Liên kết thay thế không khớp bản ghi: ${l.from} → ${l.to}`);
      continue;
    }
    for (const f of from) for (const t of to) {
      f.replacedBy = [...new Set([...(f.replacedBy ?? []), t.id])];
      t.replaces = [...new Set([...(t.replaces ?? []), f.id])];
    }
  }
  // A province's delegation rests on the national records of the provision it cites.
  for (const e of catalogue.filter((c) => c.actKind === 'provincial')) {
    const basis = (e.basis ?? []) as Citation[];
    const national = out.filter((r) => r.act !== 'provincial' && basis.some((b) => within(r.citation, b)) && r.level === 'tinh');
    for (const r of out.filter((x) => x.citation.document === e.number)) r.restsOn = national.map((n) => n.id);
  }
  // Delegable: the clause says the province decides who does it, or (49/2026 Điều 14 khoản 2) who issues
  // depends on who decided under a delegable clause of the same article.
  const delegableArticles = new Map<string, Citation>();
  for (const r of out) {
    const p = provisions.get(provisionKey(r.citation)) ?? provisions.get(provisionKey({ ...r.citation, point: null }));
    if (r.act !== 'provincial' && p && DELEGABLE_RE.test(p.text)) {
      r.delegable = true;
      delegableArticles.set(`${r.citation.document}|${r.citation.article}`, { ...r.citation, point: null });
    }
  }
  for (const r of out) {
    const by = delegableArticles.get(`${r.citation.document}|${r.citation.article}`);
    if (!r.delegable && by && r.act && r.act !== 'batch' && r.act !== 'provincial') {
      r.delegable = true;
      r.delegableBy = by;
    }
  }
  return out;
}

function provisionKey(c: Citation): string {
  return [c.document, c.annex ?? '', c.article ?? '', c.clause ?? '', c.point ?? ''].join('|');
}

/** The wording of one provision over time: each phrase replacement starts a version. */
export function provisionVersions(p: Provision, changes: Change[], catalogue: CatalogueEntry[]): ProvisionVersion[] {
  const dates = actDates(catalogue);
  const pseudo = { citation: p.citation } as AuthorityRecord;
  const t = recordTimeline(pseudo, changes, dates);
  const versions: ProvisionVersion[] = [];
  let text = p.text;
  let from = t.from;
  let madeBy = t.madeBy;
  for (const e of t.events.filter((x) => x.kind === 'amended' || x.kind === 'replaced')) {
    const c = changes.find(
      (x) =>
        formatCitation(x.by) === e.by &&
        x.effective === e.on &&
        ((x.op === 'phrase' && x.phrase && text.includes(x.phrase)) || (x.op === 'replace' && x.text)),
    );
    if (!c) continue;
    versions.push({ from, to: e.on, text, madeBy, endedBy: e.by });
    // A phrase replaced where it stands; a rewritten unit takes the quoted wording of the amending act.
    text = c.op === 'phrase' ? text.split(c.phrase!).join(c.text ?? '') : c.text!;
    from = e.on;
    madeBy = e.by;
  }
  versions.push({ from, to: t.to, text, madeBy, endedBy: t.endedBy });
  return versions;
}
