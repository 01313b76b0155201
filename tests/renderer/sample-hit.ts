import type { HitStatus, SearchHit, SearchResult } from '../../electron/api/contract';

/** A status in force from the reform, made by the original text. */
export function sampleStatus(overrides: Partial<HitStatus> = {}): HitStatus {
  return {
    code: 'hieu-luc',
    label: 'Đang có hiệu lực',
    from: '2025-07-01',
    to: null,
    madeBy: null,
    endedBy: null,
    note: null,
    ...overrides,
  };
}

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
    status: sampleStatus(),
    act: 'batch',
    province: null,
    supersedes: null,
    supersededBy: [],
    delegation: null,
    timeLimit: null,
    timeLimitSource: null,
    confidence: 'high',
    confidenceReason: 'Có đủ các từ quan trọng, đúng dấu.',
    ...overrides,
  };
}

/** A search answer holding these hits, for the day and province given. */
export function sampleResult(q: string, hits: SearchHit[], overrides: Partial<SearchResult> = {}): SearchResult {
  return {
    q,
    total: hits.length,
    hits,
    suggestion: null,
    jump: null,
    missingWords: [],
    date: '2026-03-01',
    province: null,
    notice: null,
    tookMs: 0,
    ...overrides,
  };
}
