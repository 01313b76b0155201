import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient, RecordDetail } from '../../../electron/api/contract';
import { setApiClient } from '../../../renderer/src/api/client';
import { useRecordStore } from '../../../renderer/src/stores/record';
import { sampleStatus } from '../sample-hit';

const waiting = new Map<string, (d: RecordDetail | null) => void>();

function detail(id: string): RecordDetail {
  return {
    record: { id } as RecordDetail['record'],
    citationText: '',
    document: {} as RecordDetail['document'],
    provision: null,
    related: [],
    status: sampleStatus(),
    date: '2026-03-01',
    timeline: [],
    versions: [],
    successors: [],
    predecessors: [],
    delegations: [],
    delegation: null,
  nationalProcedures: [],
  annexProcedures: [],
  };
}

beforeEach(() => {
  setActivePinia(createPinia());
  waiting.clear();
  const fake: Partial<ApiClient> = {
    getRecord: ({ id }) => new Promise((resolve) => waiting.set(id, resolve)),
  };
  setApiClient(fake as ApiClient);
});
afterEach(() => setApiClient(null));

describe('record store', () => {
  it('shows the record last asked for, even if an earlier one answers later', async () => {
    const s = useRecordStore();
    const a = s.load('a');
    const b = s.load('b');
    waiting.get('b')!(detail('b'));
    await b;
    waiting.get('a')!(detail('a'));
    await a;
    expect(s.detail?.record.id).toBe('b');
    expect(s.loading).toBe(false);
  });

  it('tells "not found" apart from an error', async () => {
    const s = useRecordStore();
    const p = s.load('x');
    waiting.get('x')!(null);
    await p;
    expect(s.notFound).toBe(true);
    expect(s.error).toBeNull();
  });
});
