/**
 * Titles the register clipped ("… Giấy phép sản…"), continued from their own clause on the real KB:
 * only the clause's words, never into run-together scan text, ending where the clause ends a phrase or
 * starts its legal reference, or (still marked "…") before a word that starts a new part of the sentence.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureKb } from '../../../electron/core/kb/ensure';
import { openVerifiedKb } from '../../../electron/core/kb/manifest';
import type { KnowledgeBase } from '../../../electron/core/kb/open';
import { completeTitle } from '../../../renderer/src/lib/title';

let kb: KnowledgeBase;
const clipped: Array<{ id: string; title: string; text: string }> = [];
beforeAll(async () => {
  kb = openVerifiedKb({ kbPath: (await ensureKb({ log: () => {} })).kbPath });
  for (const r of kb.allRecords()) {
    if (!r.title.endsWith('…')) continue;
    const text = kb.provisionFor(r)?.text;
    if (text) clipped.push({ id: r.id, title: r.title, text });
  }
}, 300_000);

const flat = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim();
const low = (s: string) => flat(s).toLocaleLowerCase('vi');

describe('completeTitle on the register', () => {
  it('continues most clipped titles, each only with words of its own clause', () => {
    expect(clipped.length).toBeGreaterThan(100);
    let changed = 0;
    for (const c of clipped) {
      const out = completeTitle(c.title, c.text, 240);
      if (out === c.title) continue;
      changed++;
      const stem = flat(c.title).slice(0, -1).trimEnd();
      expect(out.startsWith(stem), c.id).toBe(true);
      const shown = out.replace(/…$/u, '');
      // Every word shown stands in the clause, in this order.
      expect(low(c.text).includes(low(shown)), c.id).toBe(true);
      // Never words a scan ran together ("Chủ tịchỦy ban") in what was added.
      expect(/\p{Ll}\p{Lu}/u.test(shown.slice(stem.length)), c.id).toBe(false);
      // It stops on a word of the clause, not inside one of its syllables.
      const at = low(c.text).indexOf(low(shown)) + low(shown).length;
      const next = low(c.text).slice(at);
      expect(next === '' || /^[\s,;.:)]/u.test(next), `${c.id}: «${shown}|${next.slice(0, 20)}»`).toBe(true);
      if (!out.endsWith('…')) {
        // Given whole: the clause ends the phrase there, or its legal reference begins.
        expect(/^(?:$|[;.:\n]|,?\s*(?:(?:được|đã được) )?(?:quy định tại|theo quy định)\b)/u.test(next), `${c.id}: «${next.slice(0, 30)}»`).toBe(true);
      }
    }
    // The clauses of most clipped titles hold their whole phrase (measured: 302 of 419).
    expect(changed / clipped.length).toBeGreaterThan(0.5);
  });

  it('in the list (60 characters more at most) a clipped title never ends inside a two-syllable word it could finish', () => {
    // "… cấp điều chỉnh Giấy phép sản…": the clause says "Giấy phép sản xuất".
    const cut = clipped.filter((c) => / sản…$/u.test(c.title) && low(c.text).includes(`${low(c.title.slice(0, -1))} xuất`));
    expect(cut.length).toBeGreaterThan(0);
    for (const c of cut) expect(completeTitle(c.title, c.text, 60)).not.toMatch(/ sản…$/u);
  });

  it('leaves a title alone when it is whole, or when the text given does not hold its words', () => {
    const whole = kb.allRecords().find((r) => !r.title.endsWith('…') && kb.provisionFor(r));
    expect(whole).toBeDefined();
    if (whole) expect(completeTitle(whole.title, kb.provisionFor(whole)?.text)).toBe(whole.title);
    const c = clipped[0]!;
    const other = clipped.find((x) => !low(x.text).includes(low(c.title.slice(0, -1))));
    expect(other).toBeDefined();
    if (other) expect(completeTitle(c.title, other.text)).toBe(c.title);
    expect(completeTitle(clipped[0]!.title, null)).toBe(clipped[0]!.title);
  });

  it('reads an excerpt as the list has it: its own "…" marks are not the clause', () => {
    const c = clipped.find((x) => completeTitle(x.title, x.text, 60) !== x.title);
    expect(c).toBeDefined();
    if (!c) return;
    const stem = flat(c.title).slice(0, -1).trimEnd();
    const at = low(c.text).indexOf(low(stem));
    // An excerpt cut a few words after the title's end: the title may go on only as far as the excerpt.
    const excerpt = `… ${flat(c.text).slice(Math.max(0, at - 10), at + stem.length + 12)} …`;
    const out = completeTitle(c.title, excerpt, 60);
    expect(low(excerpt).includes(low(out.replace(/…$/u, '')))).toBe(true);
  });
});
