/**
 * Search store logic with a fake client whose answers we release by hand:
 * what matters here is ordering (stale answers dropped), not search quality,
 * which the core and E2E tests check on real data.
 */
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient, SearchArgs, SearchHit, SearchResult } from '../../../electron/api/contract';
import { setApiClient } from '../../../renderer/src/api/client';
import { useSearchStore } from '../../../renderer/src/stores/search';
import { sampleHit, sampleResult } from '../sample-hit';

interface Pending {
  args: SearchArgs;
  resolve: (r: SearchResult) => void;
  reject: (e: Error) => void;
}

function hit(id: string): SearchHit {
  return sampleHit({ id, title: `việc ${id}` });
}

function answer(q: string, ids: string[]): SearchResult {
  return sampleResult(q, ids.map(hit));
}

let pending: Pending[];

beforeEach(() => {
  setActivePinia(createPinia());
  pending = [];
  const fake: Partial<ApiClient> = {
    search: (args) => new Promise<SearchResult>((resolve, reject) => pending.push({ args, resolve, reject })),
  };
  setApiClient(fake as ApiClient);
});

afterEach(() => setApiClient(null));

describe('search store', () => {
  it('keeps the newest answer when an older one arrives late', async () => {
    const s = useSearchStore();
    const first = s.setQuery('dang');
    const second = s.setQuery('dang ky');
    expect(pending.map((p) => p.args.q)).toEqual(['dang', 'dang ky']);

    pending[1]!.resolve(answer('dang ky', ['new']));
    await second;
    pending[0]!.resolve(answer('dang', ['old']));
    await first;

    expect(s.result?.q).toBe('dang ky');
    expect(s.hits.map((h) => h.id)).toEqual(['new']);
    expect(s.loading).toBe(false);
  });

  it('ignores an error from a request that is no longer the latest', async () => {
    const s = useSearchStore();
    const first = s.setQuery('a');
    const second = s.setQuery('ab');
    pending[0]!.reject(new Error('Lỗi cũ'));
    await first;
    expect(s.error).toBeNull();
    expect(s.loading).toBe(true);
    pending[1]!.resolve(answer('ab', ['x']));
    await second;
    expect(s.error).toBeNull();
    expect(s.hits).toHaveLength(1);
  });

  it('shows the Vietnamese message of a failed latest request and keeps the query', async () => {
    const s = useSearchStore();
    const p = s.setQuery('khai sinh');
    pending[0]!.reject(new Error('Không đọc được cơ sở dữ liệu.'));
    await p;
    expect(s.error).toBe('Không đọc được cơ sở dữ liệu.');
    expect(s.query).toBe('khai sinh');
    expect(s.result).toBeNull();
  });

  it('unwraps the IPC prefix Electron puts on handler errors', async () => {
    const s = useSearchStore();
    const p = s.setQuery('x');
    pending[0]!.reject(new Error("Error invoking remote method 'tra-cuu:search': Error: Truy vấn quá dài."));
    await p;
    expect(s.error).toBe('Truy vấn quá dài.');
  });

  it('an empty query without filters clears results without calling the API, and drops an in-flight answer', async () => {
    const s = useSearchStore();
    const p = s.setQuery('khai');
    await s.setQuery('   ');
    expect(pending).toHaveLength(1);
    pending[0]!.resolve(answer('khai', ['late']));
    await p;
    expect(s.result).toBeNull();
    expect(s.idle).toBe(true);
  });

  it('sends only the filters that are set, as arrays, and searches with an empty query when a filter is on', async () => {
    const s = useSearchStore();
    const p = s.setFilter('sector', ['justice']);
    expect(pending[0]!.args.q).toBe('');
    expect(pending[0]!.args.filters).toEqual({ sector: ['justice'] });
    pending[0]!.resolve(answer('', ['a']));
    await p;
    const q = s.setFilter('sector', []);
    expect(pending).toHaveLength(1); // no filter, no query: nothing to ask
    await q;
    expect(s.result).toBeNull();
  });

  it('moves the active result within bounds and starts at the first hit', async () => {
    const s = useSearchStore();
    const p = s.setQuery('k');
    pending[0]!.resolve(answer('k', ['a', 'b', 'c']));
    await p;
    expect(s.active).toBe(0);
    s.move(1);
    s.move(1);
    s.move(1);
    expect(s.active).toBe(2);
    s.move(-5);
    expect(s.active).toBe(0);
  });

  it('showMore asks for a larger window of the same query', async () => {
    const s = useSearchStore();
    void s.setQuery('k');
    const before = pending[0]!.args.limit!;
    void s.showMore();
    expect(pending[1]!.args.q).toBe('k');
    expect(pending[1]!.args.limit).toBeGreaterThan(before);
  });
});

describe('search store, settled()', () => {
  it('waits for the answer to the latest query, not an older one', async () => {
    const s = useSearchStore();
    void s.setQuery('dang');
    void s.setQuery('dang ky');
    let done = false;
    const wait = s.settled().then(() => (done = true));
    pending[0]!.resolve(answer('dang', ['old']));
    await Promise.resolve();
    await Promise.resolve();
    expect(done).toBe(false);
    pending[1]!.resolve(answer('dang ky', ['new']));
    await wait;
    expect(s.hits.map((h) => h.id)).toEqual(['new']);
  });
});
