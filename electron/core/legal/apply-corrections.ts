/**
 * Curated corrections (data/corrections), applied by citation after extraction, and the notes on removed tails.
 */
import type { AuthorityRecord, Mechanism, Role } from '../model';
import { actName, formatCitation } from '../model';
import { holderMentions, kindOf, levelOf } from './holders';
import { fieldOf, mechanismOf } from './mechanism';
import type { Ctx } from './record';
import { recordId } from './record-ids';
import { citationKey, contextOf } from './structure';
import { refersTo, timeLimit, TITLE_MAX } from './titles';
import { clip, matchForm } from './text';

export interface Correction {
  /** The provision, as formatCitation writes it: "Khoản 1 Điều 18 Nghị định 120/2025/NĐ-CP". */
  citation: string;
  action: 'title' | 'exclude' | 'drop' | 'add' | 'set';
  holder?: string;
  role?: Role;
  title?: string;
  reason?: string;
  formerHolder?: string | null;
  timeLimit?: string | null;
  mechanism?: Mechanism;
  /** A caution shown with the record (a scan misreading to check against the original …). */
  caution?: string;
  /** The record's own term, as its text (or the provision it depends on) sets it; `reason` says where. */
  termFrom?: string;
  termTo?: string;
}

export function applyCorrections(ctx: Ctx, corrections: Correction[]): string[] {
  const problems: string[] = [];
  // "… Nghị định 120/2025/NĐ-CP", "… Quyết định 40/2026/QĐ-UBND": the act's own name and number.
  const docCorr = corrections.filter((c) => c.citation.toLowerCase().endsWith(`${actName(ctx.doc.number)} ${ctx.doc.number}`.toLowerCase()));
  const match = (r: AuthorityRecord, c: Correction): boolean =>
    formatCitation(r.citation).toLowerCase() === c.citation.toLowerCase() &&
    (c.holder === undefined || r.holder === c.holder) &&
    (c.role === undefined || r.role === c.role);
  for (const c of docCorr) {
    const hits = [...ctx.records.values()].filter((r) => match(r, c));
    const provision = ctx.parsed.provisions.find((p) => formatCitation(p.citation).toLowerCase() === c.citation.toLowerCase());
    if (!provision) {
      problems.push(`Hiệu chỉnh trỏ tới điều khoản không có trong văn bản: ${c.citation}`);
      continue;
    }
    if (c.action === 'title' || c.action === 'set') {
      if (hits.length === 0) problems.push(`Hiệu chỉnh không khớp bản ghi nào: ${c.citation} ${c.holder ?? ''}`);
      for (const r of hits) {
        if (c.title) r.title = clip(c.title, TITLE_MAX);
        if (c.formerHolder !== undefined) r.formerHolder = c.formerHolder;
        if (c.timeLimit !== undefined) r.timeLimit = c.timeLimit;
        if (c.mechanism) r.mechanism = c.mechanism;
        if (c.caution) r.caution = c.caution;
        if (c.termFrom || c.termTo) r.term = { ...(c.termFrom ? { from: c.termFrom } : {}), ...(c.termTo ? { to: c.termTo } : {}), note: c.reason ?? '' };
      }
    } else if (c.action === 'drop') {
      if (hits.length === 0) problems.push(`Hiệu chỉnh "drop" không khớp bản ghi nào: ${c.citation} ${c.holder ?? ''}`);
      for (const r of hits) {
        ctx.records.delete(r.id);
        // A dropped annex procedure leaves no dangling link in the powers it implemented.
        for (const o of ctx.records.values()) o.procedures = o.procedures.filter((id) => id !== r.id);
      }
      ctx.excluded.set(`${citationKey(provision.citation)}|drop|${c.holder ?? ''}`, {
        citation: provision.citation,
        reason: c.reason ?? 'Loại theo hiệu chỉnh',
      });
    } else if (c.action === 'exclude') {
      ctx.excluded.set(citationKey(provision.citation), { citation: provision.citation, reason: c.reason ?? 'Loại theo hiệu chỉnh' });
    } else if (c.action === 'add' && c.holder && c.role) {
      const level = levelOf(c.holder);
      if (level === null || level === 'huyen') {
        problems.push(`Hiệu chỉnh "add" có chủ thể không xác định cấp: ${c.holder}`);
        continue;
      }
      // The holder may stand in the provision or in its lead-ins ("3. Sở Nội vụ có trách nhiệm:" above a point).
      const context = matchForm(contextOf(ctx.parsed, provision.citation) ?? `${provision.heading ?? ''}\n${provision.text}`);
      if (!context.includes(c.holder)) {
        problems.push(`Hiệu chỉnh "add": "${c.holder}" không có trong ${c.citation}`);
        continue;
      }
      const id = recordId(provision.citation, c.holder, c.role);
      const article = ctx.parsed.articles.find((a) => a.citation.article === provision.citation.article) ?? null;
      ctx.records.set(id, {
        id,
        title: clip(c.title ?? provision.heading ?? '', TITLE_MAX),
        holder: c.holder,
        level,
        holderKind: kindOf(c.holder),
        role: c.role,
        formerHolder: c.formerHolder ?? null,
        mechanism: c.mechanism ?? (article ? mechanismOf(ctx.doc, article, c.formerHolder ?? null) : 'phan-cap'),
        refersTo: refersTo(matchForm(provision.text)),
        citation: provision.citation,
        sector: ctx.doc.sector,
        field: fieldOf(provision.path),
        aliases: [],
        sourceStatus: 'verified',
        secondarySource: null,
        ...(c.caution ? { caution: c.caution } : {}),
        procedures: [],
        timeLimit: c.timeLimit ?? timeLimit(matchForm(provision.text)),
      });
      ctx.covered.add(citationKey(provision.citation));
    }
  }
  return problems;
}

/**
 * "…, trình Ủy ban nhân dân cấp tỉnh phê duyệt …; không thực hiện việc thẩm định Kế hoạch …" (140 Điều 22 khoản 3):
 * a tail naming no body drops a step of the same task, so the decision's title says so (after corrections, which
 * may have rewritten the title).
 */
export function noteRemovedTails(ctx: Ctx): void {
  for (const r of ctx.records.values()) {
    if (r.role !== 'quyet-dinh' || /\bkhông\b/u.test(r.title)) continue;
    const tail = /; không thực hiện (?:việc )?([^.;]+)/u.exec(ctx.sourceText.get(r.id) ?? '');
    if (!tail?.[1] || holderMentions(tail[1]).length > 0) continue;
    const words = tail[1].split(/\s+/u).slice(0, 4).join(' ').replace(/[,:]$/u, '');
    const note = `; không ${words.charAt(0).toLowerCase()}${words.slice(1)}`;
    if (r.title.length + note.length <= TITLE_MAX) r.title = `${r.title.replace(/…$/u, '')}${note}`;
  }
}
