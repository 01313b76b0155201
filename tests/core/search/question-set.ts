/**
 * The question set (data/search/questions.json) and how a search answers it:
 * a question is answered at rank k when a record citing the expected document,
 * article (and clause, when given) is among the first k hits.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchHit } from '../../../electron/api/contract';
import { REPO_ROOT } from './register-docs';

export type Form = 'marks' | 'no-marks' | 'abbrev' | 'natural' | 'telex';
export const FORMS: Form[] = ['marks', 'no-marks', 'abbrev', 'natural', 'telex'];

export interface Question {
  q: string;
  form: Form;
  expect: { document: string; article: number; clause?: number };
}

export function readQuestions(): Question[] {
  const raw = JSON.parse(readFileSync(join(REPO_ROOT, 'data/search/questions.json'), 'utf8')) as { questions: Question[] };
  return raw.questions;
}

export function citesExpected(hit: Pick<SearchHit, 'citation'>, q: Question): boolean {
  const c = hit.citation;
  return c.document === q.expect.document && c.article === q.expect.article && (q.expect.clause == null || c.clause === q.expect.clause);
}

/** 1-based rank of the first hit citing the expected provision, or null. */
export function rankOf(hits: Array<Pick<SearchHit, 'citation'>>, q: Question): number | null {
  const i = hits.findIndex((h) => citesExpected(h, q));
  return i < 0 ? null : i + 1;
}

export interface FormScore {
  ran: number;
  top1: number;
  top3: number;
}

export function score(results: Array<{ q: Question; rank: number | null }>): Record<Form, FormScore> {
  const out = Object.fromEntries(FORMS.map((f) => [f, { ran: 0, top1: 0, top3: 0 }])) as Record<Form, FormScore>;
  for (const { q, rank } of results) {
    const s = out[q.form];
    s.ran++;
    if (rank === 1) s.top1++;
    if (rank != null && rank <= 3) s.top3++;
  }
  return out;
}
