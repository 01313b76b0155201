/**
 * Everyday questions written blind (data/search/questions-everyday.json, issue 9): a seeded sample of the
 * register, each question written from its cited provision before any search was run, the answer being the
 * provision in force on the set's day (2026-12-02). Answered over every act loaded, on that day.
 *
 * A hit answers when it cites the expected provision, or carries it: an annex procedure folded into the row
 * (one answer per power), the record it took over (`supersedes`, the record's `replaces`), or a record in force
 * that took it over (`supersededBy`). Floors sit a little below what was measured (electron/core/search/README.md):
 * they catch a regression, they do not certify the engine.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildSearchIndex, runSearch, type SearchEngine } from '../../../electron/core/search';
import { parseQuery } from '../../../electron/core/search/query';
import type { AuthorityRecord, Citation } from '../../../electron/core/model';
import type { SearchHit } from '../../../electron/api/contract';
import { FORMS, type Form } from './question-set';
import { REPO_ROOT, registerCorpus } from './register-docs';

interface EverydayQuestion {
  q: string;
  form: Form;
  expect: { document: string; article: number | null; clause?: number; annex?: string };
}

interface EverydaySet {
  date: string;
  questions: EverydayQuestion[];
}
const readSet = (file: string) => JSON.parse(readFileSync(join(REPO_ROOT, 'data/search', file), 'utf8')) as EverydaySet;

/**
 * Two sets, each written blind (before any search was run), with measured top-1 / top-3 shares and floors a
 * little below (see the README). A: first run 63/104 (0.606), 82/104 (0.788); after the light-verb,
 * everyday-word, 'ở' and 'cho' fixes read off its misses 68/104, 91/104 — it over-states those fixes. B (a
 * later draw, none of A's records or answers): first run 69/100, 83/100; after the stray-AND rule 70/100, 85/100.
 * C (a third draw, none of A's or B's answers, written blind at 2ab7334): first run 78/100, 90/100.
 * D is not everyday phrasing: 150 lookups in the five forms of our own set (30 each, answers at article level,
 * batch records, written blind at 459e639), standing in for the held-back lookups; first run 139/150, 148/150.
 */
const SETS: Array<{ name: string; set: EverydaySet; floors: { top1: number; top3: number } }> = [
  { name: 'A', set: readSet('questions-everyday.json'), floors: { top1: 0.63, top3: 0.85 } },
  { name: 'B', set: readSet('questions-everyday-b.json'), floors: { top1: 0.65, top3: 0.8 } },
  { name: 'C', set: readSet('questions-everyday-c.json'), floors: { top1: 0.72, top3: 0.85 } },
  { name: 'D', set: readSet('questions-lookup-d.json'), floors: { top1: 0.88, top3: 0.95 } },
];
const SET = SETS[0]!.set;
const DAY = SET.date;

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${DAY}T09:00:00`));
});
afterAll(() => {
  vi.useRealTimers();
});

function cites(c: Citation, e: EverydayQuestion['expect']): boolean {
  return (
    c.document === e.document &&
    (c.article ?? null) === e.article &&
    (e.clause == null || c.clause === e.clause) &&
    (e.annex == null || c.annex === e.annex)
  );
}

function answers(hit: SearchHit, e: EverydayQuestion['expect'], records: ReadonlyMap<string, AuthorityRecord>): boolean {
  if (cites(hit.citation, e)) return true;
  const linked = [
    ...(hit.procedures ?? []).filter((p) => p.kind === 'annex').map((p) => p.id),
    ...(hit.supersedes ? [hit.supersedes] : []),
    ...hit.supersededBy,
    ...(records.get(hit.id)?.replaces ?? []),
  ];
  return linked.some((id) => {
    const r = records.get(id);
    return r != null && cites(r.citation, e);
  });
}

describe.each(SETS)('everyday questions written blind, set $name', ({ name, set: SET, floors: FLOORS }) => {
  let engine: SearchEngine;
  let records: Map<string, AuthorityRecord>;
  beforeAll(async () => {
    const all = await registerCorpus({ acts: 'all' });
    engine = buildSearchIndex(all.docs);
    engine.useCache = false;
    records = new Map(all.docs.map((d) => [d.record.id, d.record]));
  });

  it('cites provisions that the register holds', () => {
    const held = [...records.values()];
    const missing = SET.questions.filter((q) => !held.some((r) => cites(r.citation, q.expect)));
    expect(missing.map((q) => q.q)).toEqual([]);
    expect(SET.questions.length).toBeGreaterThanOrEqual(100);
  });

  it('meets the top-1 / top-3 floors', () => {
    const results = SET.questions.map((q) => {
      const hits = runSearch(engine, { q: q.q, limit: 10, date: SET.date }).hits;
      const i = hits.findIndex((h) => answers(h, q.expect, records));
      return { q, rank: i < 0 ? null : i + 1, first: hits[0] };
    });
    const n = results.length;
    const top1 = results.filter((r) => r.rank === 1).length;
    const top3 = results.filter((r) => r.rank != null && r.rank <= 3).length;
    const byForm = FORMS.map((f) => {
      const rs = results.filter((r) => r.q.form === f);
      return `${f} ${rs.filter((r) => r.rank === 1).length}/${rs.filter((r) => r.rank != null && r.rank <= 3).length}/${rs.length}`;
    });
    const misses = results
      .filter((r) => r.rank == null || r.rank > 3)
      .map((r) => `  ${r.rank ?? '-'}  ${r.q.q}  → ${r.first ? `${r.first.citationText} | ${r.first.title.slice(0, 70)}` : '(nothing)'}`);
    console.log(
      `everyday ${name} (day ${SET.date}): top1 ${top1}/${n} (${(top1 / n).toFixed(3)}), top3 ${top3}/${n} (${(top3 / n).toFixed(3)}); by form top1/top3/ran: ${byForm.join(', ')}\n` +
        `misses (rank, question → first hit):\n${misses.join('\n')}`,
    );
    expect.soft(top1 / n, 'top-1').toBeGreaterThanOrEqual(FLOORS.top1);
    expect.soft(top3 / n, 'top-3').toBeGreaterThanOrEqual(FLOORS.top3);
  });
});

/**
 * Class fixed first (the light verbs of an everyday question): "ra quyết định", "xin …", "xem …", "làm …"
 * are seldom written in the records, so they are function words (scored, not required), typed with marks or
 * not. "cho" only in a question typed with marks: all bare it may be "chợ" (tried bare: it cost a procedure name its
 * top 3).
 */
describe('light verbs of an everyday question', () => {
  const soft = (q: string, fold: string) => parseQuery(q).terms.find((t) => t.fold === fold)?.soft;
  it('are not required, with or without marks', () => {
    expect(soft('ai ra quyet dinh thu hoi dat', 'ra')).toBe(true);
    expect(soft('xin giay phep nau ruou', 'xin')).toBe(true);
    expect(soft('xem ho so dia chinh', 'xem')).toBe(true);
    expect(soft('lam khu tai dinh cu', 'lam')).toBe(true);
    // The words they stand beside stay required.
    expect(soft('ai ra quyet dinh thu hoi dat', 'thu')).toBe(false);
  });
  it('"ở" (where) is one too, but not in "nhà ở", "đất ở"', () => {
    expect(soft('xem ho so dia chinh o xa', 'o')).toBe(true);
    expect(soft('hồ sơ địa chính ở xã', 'o')).toBe(true);
    expect(soft('nha o xa hoi', 'o')).toBe(false);
    expect(soft('cấp đất ở', 'o')).toBe(false);
  });
  it('a question phrase typed with other marks is content ("cho hội" is not "cho hỏi")', () => {
    expect(parseQuery('khen thưởng cho hội ở xã').terms.map((t) => t.fold)).toContain('hoi');
    expect(parseQuery('cho hỏi đăng ký kết hôn').terms.map((t) => t.fold)).not.toContain('hoi');
  });
  it('a word the register never uses is not folded into a question word and dropped: "tội phạm" is no «vi phạm» answer', async () => {
    const all = await registerCorpus({ acts: 'all' });
    const hits = runSearch(buildSearchIndex(all.docs), { q: 'tội phạm', limit: 5, date: DAY }).hits;
    // Dropped as "tôi", the question was "phạm" alone: «xử lý vi phạm …» answered it, said sure.
    expect(hits.every((h) => h.confidence === 'low')).toBe(true);
    expect(hits[0]?.confidenceReason).toContain('tội');
  });
  it('one or two records holding every word only apart are no answer list: the records holding most words follow', async () => {
    // Set B: "quyet dinh dau tu va chon chu dau tu nha cong vu" listed one annex item of 151 holding every word
    // somewhere; the Minister's decision on public housing (144 Điều 16 khoản 3) lacks only "va".
    const all = await registerCorpus({ acts: 'all' });
    const hits = runSearch(buildSearchIndex(all.docs), { q: 'quyet dinh dau tu va chon chu dau tu nha cong vu', limit: 10, date: DAY }).hits;
    expect(hits.length).toBeGreaterThan(2);
    expect(hits.slice(0, 3).some((h) => h.citation.document === '144/2025/NĐ-CP' && h.citation.article === 16)).toBe(true);
  });
  it('"cho" is one in a question typed with marks; typed all without marks it may be "chợ" and stays required', () => {
    expect(soft('xây nhà công vụ cho bộ', 'cho')).toBe(true);
    expect(soft('xa quan ly cho', 'cho')).toBe(false);
    expect(soft('quản lý chợ', 'cho')).toBe(false);
  });
  it('a question about a power taken over is answered by the provision in force, not by the repealed one alone', async () => {
    const all = await registerCorpus({ acts: 'all' });
    const engine = buildSearchIndex(all.docs);
    const hits = runSearch(engine, { q: 'ai ra quyết định thu hồi đất', limit: 10, date: DAY }).hits;
    expect(hits.length).toBeGreaterThan(1);
    expect(hits[0]?.status.code).toBe('hieu-luc');
  });
});

/**
 * Second class (everyday words the texts do not use): data/search/everyday-words.json maps them to the texts'
 * words at query time, by their marks, so a word that only folds alike is left alone.
 */
describe('everyday words', () => {
  const folds = (q: string) => parseQuery(q).terms.filter((t) => !t.optional).map((t) => t.fold);
  it('become the words of the texts when typed with their marks', () => {
    expect(folds('dừng cuộc đình công')).toContain('ngung');
    expect(folds('đưa công nhân đi học nghề')).toEqual(expect.arrayContaining(['nguoi', 'lao', 'dong']));
    expect(folds('bán lại phần góp vốn')).toEqual(expect.arrayContaining(['chuyen', 'nhuong']));
  });
  it('leave a word that only folds alike as typed', () => {
    expect(folds('sử dụng đất')).not.toContain('ngung');
    expect(folds('gia dinh van hoa ai cong nhan')).not.toContain('lao');
    expect(folds('công nhận gia đình văn hóa')).not.toContain('lao');
  });
});
