import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_NAMES, MAX_RESULTS, type ApiName } from '../../electron/api/contract';
import { validateArgs } from '../../electron/api/validate';
import { MAX_LIMIT as CORE_LIMIT } from '../../electron/core/search/run';
import { MAX_LIMIT as RENDERER_LIMIT } from '../../renderer/src/stores/search';
import { HOLDER_KINDS, LEVELS, MECHANISMS, ROLES, SECTOR_IDS } from '../../electron/core/model';

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
/** Every name Object.prototype carries, plus the JSON "__proto__" key. */
const PROTOTYPE_NAMES = [...Object.getOwnPropertyNames(Object.prototype), '__proto__'];

describe('own-property checks', () => {
  it.each(PROTOTYPE_NAMES)('refuses the filter name %s (from JSON) with a Vietnamese message', (name) => {
    const payload = JSON.parse(`{"q":"khai sinh","filters":{${JSON.stringify(name)}:["xa"]}}`) as unknown;
    const r = validateArgs('search', payload);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toMatch(VIETNAMESE);
    expect(r.ok ? '' : r.message).toContain('không được hỗ trợ');
  });

  it('does not read fields a payload only inherits', () => {
    const inherits = (fields: object) => Object.create(fields) as unknown;
    expect(validateArgs('search', inherits({ q: 'khai sinh' })).ok).toBe(false);
    expect(validateArgs('getRecord', inherits({ id: 'x' })).ok).toBe(false);
    expect(validateArgs('saveBookmark', inherits({ recordId: 'x' })).ok).toBe(false);
    expect(validateArgs('removeBookmark', inherits({ recordId: 'x' })).ok).toBe(false);
    expect(validateArgs('rememberSearch', inherits({ q: 'x' })).ok).toBe(false);
    // A polluted Object.prototype must not make an empty payload valid either.
    const proto = Object.prototype as Record<string, unknown>;
    proto.q = 'polluted';
    try {
      expect(validateArgs('search', {}).ok).toBe(false);
      expect(validateArgs('rememberSearch', {}).ok).toBe(false);
    } finally {
      delete proto.q;
    }
  });

  it('accepts a null-prototype payload (what some parsers make) and refuses class instances', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { q: 'khai sinh' });
    expect(validateArgs('search', bare)).toEqual({ ok: true, value: { q: 'khai sinh', filters: {} } });
    expect(validateArgs('search', new Date()).ok).toBe(false);
    expect(validateArgs('search', new Map([['q', 'x']])).ok).toBe(false);
  });

  it('turns a payload that throws while read into a refusal, not an exception', () => {
    const hostile = {
      get q(): string {
        throw new Error('boom');
      },
    };
    expect(validateArgs('search', hostile)).toEqual({ ok: false, message: 'Dữ liệu gửi lên không hợp lệ.' });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(validateArgs('getRecord', proxy).ok).toBe(false);
    expect(validateArgs('nope' as ApiName, {}).ok).toBe(false);
  });

  it('copies filter arrays, so the caller cannot change them after the check', () => {
    const level = ['xa'];
    const r = validateArgs('search', { q: 'a', filters: { level } });
    level.push('huyen');
    expect(r.ok && r.value.filters?.level).toEqual(['xa']);
  });
});

describe('one result limit', () => {
  it('is the same in the validator, the core and the renderer', () => {
    expect(CORE_LIMIT).toBe(MAX_RESULTS);
    expect(RENDERER_LIMIT).toBe(MAX_RESULTS);
    expect(validateArgs('search', { q: 'a', limit: MAX_RESULTS }).ok).toBe(true);
    const over = validateArgs('search', { q: 'a', limit: MAX_RESULTS + 1 });
    expect(over).toEqual({ ok: false, message: `Số kết quả phải là số nguyên từ 1 đến ${MAX_RESULTS}.` });
  });
});

const filterValue = fc.oneof(
  fc.constantFrom(...SECTOR_IDS, ...LEVELS, ...HOLDER_KINDS, ...ROLES, ...MECHANISMS),
  fc.string({ maxLength: 8 }),
);
const filterKey = fc.oneof(
  fc.constantFrom('sector', 'level', 'holderKind', 'role', 'mechanism', 'document', ...PROTOTYPE_NAMES),
  fc.string({ maxLength: 12 }),
);
/** Search payloads near the valid ones: right field names with wrong or odd values, hostile keys. */
const searchLike = fc.record(
  {
    q: fc.oneof(fc.string({ maxLength: 600 }), fc.integer(), fc.constant(null)),
    limit: fc.oneof(fc.integer({ min: -5, max: 600 }), fc.double(), fc.string({ maxLength: 3 })),
    offset: fc.oneof(fc.integer({ min: -5, max: 10_000 }), fc.double()),
    filters: fc.oneof(fc.dictionary(filterKey, fc.oneof(fc.array(filterValue, { maxLength: 4 }), fc.anything())), fc.anything()),
    date: fc.oneof(fc.constantFrom('2026-02-01', '2026-02-31', '2025-07-01', ''), fc.string({ maxLength: 12 })),
    province: fc.oneof(fc.constantFrom('Lào Cai', ''), fc.string({ maxLength: 80 }), fc.integer()),
  },
  { requiredKeys: [] },
);

describe('fuzzed payloads (fast-check)', () => {
  it('a search payload either passes with only known, checked fields or is refused in Vietnamese', () => {
    fc.assert(
      fc.property(searchLike, (payload) => {
        // Through JSON, as HTTP and IPC deliver it: "__proto__" becomes an own key.
        const wire = JSON.parse(JSON.stringify(payload)) as unknown;
        const r = validateArgs('search', wire);
        if (!r.ok) {
          expect(r.message).toMatch(VIETNAMESE);
          return;
        }
        expect(typeof r.value.q).toBe('string');
        expect(r.value.q.length).toBeLessThanOrEqual(500);
        if (r.value.limit !== undefined) expect(r.value.limit).toBeLessThanOrEqual(MAX_RESULTS);
        for (const key of Reflect.ownKeys(r.value.filters ?? {})) {
          expect(['sector', 'level', 'holderKind', 'role', 'mechanism', 'document']).toContain(key);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('no request of the contract throws, whatever the payload', () => {
    fc.assert(
      fc.property(fc.constantFrom(...API_NAMES), fc.oneof(fc.anything({ withNullPrototype: true, withMap: true, withSet: true }), searchLike), (name, payload) => {
        const r = validateArgs(name, payload);
        if (!r.ok) expect(r.message).toMatch(VIETNAMESE);
      }),
      { numRuns: 2000 },
    );
  });
});
