import { beforeAll, describe, expect, it } from 'vitest';
import { loadSearchIndex, runSearch, serializeSearchIndex, SEARCH_INDEX_VERSION } from '../../../electron/core/search';
import { fixture, type Fixture } from './fixture';

let f: Fixture;
let json: string;
beforeAll(async () => {
  f = await fixture();
  json = serializeSearchIndex(f.engine);
});

describe('serialized index', () => {
  it('carries its version', () => {
    expect(JSON.parse(json).version).toBe(SEARCH_INDEX_VERSION);
  });

  it('loads to an engine that answers exactly like the one built, whatever the record order', () => {
    const loaded = loadSearchIndex(json, [...f.docs].reverse());
    loaded.useCache = false;
    for (const q of ['dang ky khai sinh', 'cấp giấy phép xây d', 'nđ 120 điều 4', 'sổ đỏ', 'caaps pheps', '"trật tự xây dựng"']) {
      const a = runSearch(f.engine, { q, limit: 30 });
      const b = runSearch(loaded, { q, limit: 30 });
      expect(b.hits.map((h) => [h.id, h.score])).toEqual(a.hits.map((h) => [h.id, h.score]));
      expect(b.total).toBe(a.total);
      expect(b.jump).toEqual(a.jump);
    }
  });

  it('refuses an index of another version with a clear message', () => {
    const other = JSON.stringify({ ...JSON.parse(json), version: SEARCH_INDEX_VERSION + 1 });
    expect(() => loadSearchIndex(other, f.docs)).toThrow(/phiên bản .* không khớp/u);
  });

  it('refuses an index built from other records, and garbage', () => {
    expect(() => loadSearchIndex(json, f.docs.slice(1))).toThrow(/không khớp dữ liệu/u);
    expect(() => loadSearchIndex('{not json', f.docs)).toThrow(/bị hỏng/u);
    expect(() => loadSearchIndex('{"a":1}', f.docs)).toThrow(/không phải chỉ mục/u);
  });
});
