/**
 * fast-check properties of the search path on the real data.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The ranking model is measured on the batch as issued: a fixed clock on a day when every record
// of the question set was in force (answers on other days are tests/core/legal/timeline.test.ts).
beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2025-10-01T09:00:00'));
});
afterAll(() => {
  vi.useRealTimers();
});
import { fold } from '../../../electron/core/text/normalize';
import { tokenize } from '../../../electron/core/text/tokenize';
import { parseQuery } from '../../../electron/core/search/query';
import { fixture, type Fixture } from './fixture';

let f: Fixture;
let vocabulary: string[];
let contentWords: string[];
beforeAll(async () => {
  f = await fixture();
  // Real words with their marks, from titles and holders: the queries people type.
  const words = new Set<string>();
  for (const d of f.docs.slice(0, 400)) for (const t of tokenize(`${d.record.title} ${d.record.holder}`)) if (t.raw.length > 1) words.add(t.raw.toLowerCase());
  // Content words only for the marks property: a function word or filler typed with marks ("bị", "được") is
  // not required, while its folded twin ("bi" may be "bí", "bì") is, so such a query may find more with marks.
  vocabulary = [...words].sort();
  // Also beside a marked word: there a function word typed without marks ("cho") is that function word, not
  // required, while the folded question keeps it ("cho" may be "chợ"), so it may find more (CI, seed 16773701: "giấu cho").
  const content = (q: string) => parseQuery(q).terms.every((t) => !t.soft && !t.filler);
  contentWords = vocabulary.filter((w) => content(w) && content(`đất ${w}`));
});

/**
 * Every record an answer carries: its rows, the annex procedures grouped under them (one answer per power)
 * and the other holders of a row's provision (one answer per provision: which record leads the row may
 * differ between the marked and the folded query, the provision's records are found either way).
 */
function matchSet(q: string): { total: number; complete: boolean; ids: Set<string> } {
  const r = f.search(q, { limit: 200 });
  const carried = (h: (typeof r.hits)[number]) => [
    h.id,
    ...(h.procedures ?? []).filter((p) => p.kind === 'annex').map((p) => p.id),
    ...(h.roles ?? []).map((role) => role.id),
  ];
  // Complete when every row it counts is listed: the engine ranks `limit` records before grouping them by
  // power and provision, so a total near the limit may count rows that were never ranked.
  return { total: r.total, complete: r.hits.length >= r.total, ids: new Set(r.hits.flatMap(carried)) };
}

describe('search properties', () => {
  // Issue 9: a word typed WITH marks is that word ("dược" is not "được"), so marks narrow what is found and
  // never widen it; without marks a query matches every spelling (rule 1 of engine.test.ts).
  it('a query typed with marks finds a subset of what its mark-stripped twin finds', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...contentWords), { minLength: 1, maxLength: 4 }), fc.boolean(), (words, trailingSpace) => {
        const q = words.join(' ') + (trailingSpace ? ' ' : '');
        const marked = f.search(q, { limit: 200 });
        // A marked word that exists nowhere in its exact form is said missing; the rest is then searched alone.
        if (marked.missingWords.length > 0) return;
        const stripped = matchSet(fold(q));
        // Near misses (a word lacking) are listed after the answers when only one or two records hold every word
        // apart: they widen the list, not what matches. The answers are compared.
        const answers = marked.hits.filter((h) => h.confidence !== 'low');
        // Totals are exact only when every row counted is listed: past the rows ranked, rows grouped under one
        // power are estimated ("xã": 623 counted with marks, 621 without, 189 and 187 listed).
        const markedComplete = marked.hits.length >= marked.total;
        if (answers.length === marked.hits.length && markedComplete && stripped.complete) expect(marked.total).toBeLessThanOrEqual(stripped.total);
        // A power found through its procedure may stand for it under a sister power of the same procedure
        // in the other answer (146 Phụ lục XI mục IV implements Điều 37 khoản 1 and 5): the procedure is what was found.
        const found = (h: (typeof marked.hits)[number]) =>
          stripped.ids.has(h.id) || (h.procedures ?? []).some((p) => p.kind === 'annex' && p.matched && stripped.ids.has(p.id));
        if (stripped.complete) for (const h of answers) expect(found(h), `${q}: ${h.id}`).toBe(true);
      }),
      // "kiến": found through 146 Phụ lục XI mục IV, grouped under Điều 37 khoản 1 with marks, khoản 5 without.
      // "thông": 193 rows counted without marks, 173 listed: 144 Điều 44 was past the 200 records ranked (CI, seed 270097300).
      // "đại biên": two records hold both marked words apart, so near misses follow them (seed 2008099550).
      { numRuns: 150, examples: [[['kiến'], false], [['thông'], false], [['đại', 'biên'], true], [['xã'], true]] },
    );
  });

  it('no input throws (arbitrary unicode, with and without filters)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.option(fc.constantFrom('xa', 'tinh', 'trung-uong', 'nonsense')),
        (q, level) => {
          const r = f.search(q, level ? { filters: { level: [level as 'xa'] } } : {});
          expect(r.hits.length).toBeLessThanOrEqual(r.total);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('no input throws (mixtures of real words, identifiers, quotes and keystrokes)', () => {
    const pieces = fc.constantFrom('nđ', '120', 'điều', '4', 'k2', 'đ5', '"', '“', 'ubnd', 'sổ đỏ', 'caaps', 'dd', '1.001193', '140/2025', '?', 'không', 'ai');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.constantFrom(...vocabulary)), { maxLength: 12 }), (parts) => {
        expect(() => f.search(parts.join(' '))).not.toThrow();
      }),
      { numRuns: 400 },
    );
  });

  it('huge strings are cut, not choked on', () => {
    for (const q of ['đất '.repeat(200_000), 'a'.repeat(2_000_000), '\u0301'.repeat(100_000)]) {
      expect(() => f.search(q)).not.toThrow();
    }
  });
});
