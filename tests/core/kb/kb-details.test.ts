import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openKnowledgeBase, type KnowledgeBase } from '../../../electron/core/kb/open';
import { kbCopy } from './kb-copy';

// The server reads what search does not need after its first answer (kb-details.ts): every screen
// must answer the same from such a KB — before and after those details are read — as from one
// read whole at open.
describe('a KB whose details are read later', () => {
  let whole: KnowledgeBase;
  let kbPath: string;
  beforeAll(async () => {
    ({ kbPath } = await kbCopy('kb-details-')); // its own copy: a rebuild elsewhere must not change it between opens
    whole = openKnowledgeBase({ kbPath, warmUp: false });
  });

  it('answers search before its details are read, and every record, decree and count the same as one read whole', () => {
    const later = openKnowledgeBase({ kbPath, warmUp: false, deferDetails: true });
    const q = { q: 'đăng ký khai sinh', limit: 20 };
    expect(later.search(q).hits).toEqual(whole.search(q).hits);
    const ids = whole.allRecords().map((r) => r.id);
    const numbers = whole.listDocuments().filter((d) => d.textLoaded).map((d) => d.number);
    // The first record asked for reads the details: the rest are read from memory.
    fc.assert(
      fc.property(fc.constantFrom(...ids), (id) => {
        expect(later.getRecord(id)).toEqual(whole.getRecord(id));
      }),
      { numRuns: 60 },
    );
    for (const n of numbers.slice(0, 3)) expect(later.getDocument(n)).toEqual(whole.getDocument(n));
    expect(later.stats()).toEqual(whole.stats());
    expect(later.crosscheck()).toEqual(whole.crosscheck());
  });

  it('reads them on the first need, whatever that is (statistics first)', () => {
    const later = openKnowledgeBase({ kbPath, warmUp: false, deferDetails: true });
    expect(later.stats()).toEqual(whole.stats());
    later.loadDetails(); // already read: nothing to do, no error
    const withVersions = whole.allRecords().find((r) => (whole.getRecord(r.id)?.versions.length ?? 0) > 1)!;
    expect(later.getRecord(withVersions.id)).toEqual(whole.getRecord(withVersions.id));
  });
});
