import type { SearchHit } from '../../electron/api/contract';

/** A plausible hit for renderer unit tests (the E2E tests use the real KB). */
export function sampleHit(overrides: Partial<SearchHit> = {}): SearchHit {
  return {
    id: 'r1',
    title: 'việc r1',
    holder: 'Ủy ban nhân dân cấp xã',
    level: 'xa',
    holderKind: 'ubnd',
    role: 'quyet-dinh',
    mechanism: 'phan-dinh',
    sector: 'justice',
    formerHolder: null,
    citation: { document: '120/2025/NĐ-CP', article: 4, clause: null, point: null, annex: null },
    citationText: 'Điều 4 Nghị định 120/2025/NĐ-CP',
    sourceStatus: 'verified',
    caution: null,
    score: 1,
    titleRanges: [],
    excerpt: null,
    excerptRanges: [],
    ...overrides,
  };
}
