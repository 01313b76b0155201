/**
 * Quality gate on the question set (data/search/questions.json): the expected
 * provision must be in the top 3 (and often top 1) for each form of question.
 * Runs on the real register; questions whose decree has no register file yet are
 * skipped and counted. Thresholds fail the build when quality drops.
 */
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
import { buildSearchIndex, runSearch, type SearchEngine } from '../../../electron/core/search';
import { FORMS, rankOf, readQuestions, score, type Form, type Question } from './question-set';
import { registerCorpus, type RegisterCorpus } from './register-docs';
import { existsSync } from 'node:fs';
import type { AuthorityRecord } from '../../../electron/core/model';
import {
  PORTAL_DAY,
  PORTAL_FORMS,
  PROCEDURES_DIR,
  portalRank,
  portalScore,
  readPortalQuestions,
  type PortalForm,
  type PortalQuestion,
} from './portal-questions';

/** Minimum share of questions answered at rank 1 and within the first 3, per form. */
const THRESHOLDS: Record<Form, { top1: number; top3: number }> = {
  // The issue's bar is "in the first three": held at 0.95 everywhere (all forms are at 1.0 today).
  // Top-1 leaves room for genuinely ambiguous questions (an annex procedure and the article it implements).
  marks: { top1: 0.9, top3: 0.95 },
  'no-marks': { top1: 0.85, top3: 0.95 },
  abbrev: { top1: 0.8, top3: 0.95 },
  natural: { top1: 0.8, top3: 0.95 },
  telex: { top1: 0.8, top3: 0.95 },
};

let corpus: RegisterCorpus;
let engine: SearchEngine;
let questions: Question[];
let runnable: Question[];

beforeAll(async () => {
  corpus = await registerCorpus();
  engine = buildSearchIndex(corpus.docs);
  questions = readQuestions();
  runnable = questions.filter((q) => corpus.documents.has(q.expect.document));
});

describe('question set', () => {
  it('has at least 100 questions in every form', () => {
    expect(questions.length).toBeGreaterThanOrEqual(100);
    for (const form of FORMS) expect(questions.filter((q) => q.form === form).length).toBeGreaterThan(0);
  });

  it('cites provisions that the register holds', () => {
    const missing = runnable.filter(
      (q) =>
        !corpus.docs.some(
          (d) =>
            d.record.citation.document === q.expect.document &&
            d.record.citation.article === q.expect.article &&
            (q.expect.clause == null || d.record.citation.clause === q.expect.clause),
        ),
    );
    expect(missing.map((q) => q.q)).toEqual([]);
  });

  it('meets the top-1 / top-3 thresholds per form', () => {
    const results = runnable.map((q) => ({ q, rank: rankOf(runSearch(engine, { q: q.q, limit: 10 }).hits, q) }));
    const scores = score(results);
    console.log(
      `quality: ${runnable.length} of ${questions.length} questions ran (${questions.length - runnable.length} skipped: no register file)\n` +
        FORMS.map((f) => `  ${f}: top1 ${scores[f].top1}/${scores[f].ran}, top3 ${scores[f].top3}/${scores[f].ran}`).join('\n'),
    );
    for (const form of FORMS) {
      const s = scores[form];
      if (s.ran === 0) continue;
      expect.soft(s.top1 / s.ran, `${form} top-1`).toBeGreaterThanOrEqual(THRESHOLDS[form].top1);
      expect.soft(s.top3 / s.ran, `${form} top-3`).toBeGreaterThanOrEqual(THRESHOLDS[form].top3);
    }
  });
});

/**
 * Questions nobody here wrote: the procedure names of the national procedure database, answered by the
 * law of the day they were published (PORTAL_DAY), over every act loaded. The key comes from each
 * procedure's own legal basis (portal-questions.ts). Floors sit below what was measured (written down in
 * electron/core/search/README.md): they catch a regression, they do not certify the engine.
 */
const PORTAL_FLOORS: Record<PortalForm, { top1: number; top3: number }> = {
  // Baseline before issue 9's fixes: 0.84 / 0.90 (marks), 0.84 / 0.89 (no marks) of 255 names;
  // after the class fixes 0.87 / 0.91 (marks), 0.85 / 0.90 (no marks). Floors a little below.
  marks: { top1: 0.83, top3: 0.87 },
  'no-marks': { top1: 0.82, top3: 0.87 },
};

describe('procedure names of the national database (not written by us)', () => {
  let portal: PortalQuestion[];
  let portalEngine: SearchEngine;
  let records: Map<string, AuthorityRecord>;
  beforeAll(async () => {
    const all = await registerCorpus({ acts: 'all' });
    portalEngine = buildSearchIndex(all.docs);
    records = new Map(all.docs.map((d) => [d.record.id, d.record]));
    portal = readPortalQuestions();
  });

  it('reads hundreds of names whose legal basis cites a decree with its text loaded', () => {
    expect(existsSync(PROCEDURES_DIR), PROCEDURES_DIR).toBe(true);
    expect(portal.filter((q) => q.form === 'marks').length).toBeGreaterThanOrEqual(200);
    // Every key names a decree the corpus holds records of (or an act whose changes live in them).
    const held = new Set([...records.values()].map((r) => r.citation.document));
    const keyed = portal.filter((q) => q.expect.documents.some((d) => held.has(d)));
    expect(keyed.length).toBe(portal.length);
  });

  it('meets the top-1 / top-3 floors per form', () => {
    const results = portal.map((q) => {
      const hits = runSearch(portalEngine, { q: q.q, limit: 10, date: PORTAL_DAY }).hits;
      return { q, rank: portalRank(hits, q, records), levelRank: portalRank(hits, q, records, { level: true }), top: hits[0]?.confidence };
    });
    const scores = portalScore(results);
    console.log(
      `portal quality (day ${PORTAL_DAY}):\n` +
        PORTAL_FORMS.map((f) => {
          const s = scores[f];
          return `  ${f}: top1 ${s.top1}/${s.ran}, top3 ${s.top3}/${s.ran}, top3 at the procedure's level ${s.top3Level}/${s.ran}`;
        }).join('\n'),
    );
    // Calibrated confidence: a first hit said 'high' is right more often than one said 'low' (measured
    // 0.97 vs 0.79 when confidence was introduced); the floor sits below what was measured.
    const byConfidence = { high: [0, 0], medium: [0, 0], low: [0, 0] } as Record<'high' | 'medium' | 'low', [number, number]>;
    for (const x of results) {
      const c = x.top;
      if (!c) continue;
      byConfidence[c][0]++;
      if (x.rank === 1) byConfidence[c][1]++;
    }
    const precision = (c: 'high' | 'medium' | 'low') => byConfidence[c][1] / Math.max(1, byConfidence[c][0]);
    console.log(`  first hit right, by confidence: ${(['high', 'medium', 'low'] as const).map((c) => `${c} ${byConfidence[c][1]}/${byConfidence[c][0]}`).join(', ')}`);
    expect(byConfidence.high[0]).toBeGreaterThan(0);
    expect(byConfidence.low[0]).toBeGreaterThan(0);
    expect(precision('high')).toBeGreaterThanOrEqual(0.9);
    expect(precision('high')).toBeGreaterThan(precision('low'));
    for (const form of PORTAL_FORMS) {
      const s = scores[form];
      expect(s.ran).toBeGreaterThan(0);
      expect.soft(s.top1 / s.ran, `${form} top-1`).toBeGreaterThanOrEqual(PORTAL_FLOORS[form].top1);
      expect.soft(s.top3 / s.ran, `${form} top-3`).toBeGreaterThanOrEqual(PORTAL_FLOORS[form].top3);
    }
  });
});
