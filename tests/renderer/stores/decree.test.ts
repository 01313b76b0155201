/** Decree store over a fake client: asks on the settings' day and province, drops stale answers, reports errors. */
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiClient, DocumentDetail } from '../../../electron/api/contract';
import { setApiClient } from '../../../renderer/src/api/client';
import { useDecreeStore } from '../../../renderer/src/stores/decree';
import { useSettingsStore } from '../../../renderer/src/stores/settings';

const detailOf = (number: string, date: string): DocumentDetail =>
  ({ document: { number } as DocumentDetail['document'], date, nodes: [] }) as DocumentDetail;

let calls: Array<{ number: string; date?: string; province?: string | null }>;
let gate: Record<string, () => void>;

beforeEach(() => {
  setActivePinia(createPinia());
  calls = [];
  gate = {};
  const fake: Partial<ApiClient> = {
    getDocument: async (args) => {
      calls.push(args);
      if (args.number === 'slow') await new Promise<void>((r) => (gate.slow = r));
      if (args.number === 'bad') throw new Error('Số hiệu văn bản không hợp lệ.');
      if (args.number === 'none') return null;
      return detailOf(args.number, args.date ?? '');
    },
  };
  setApiClient(fake as ApiClient);
});
afterEach(() => setApiClient(null));

describe('decree store', () => {
  it('loads a decree on the chosen day and province, once', async () => {
    const settings = useSettingsStore();
    settings.setDate('2025-10-01');
    settings.setProvince('Lào Cai');
    const s = useDecreeStore();
    await s.load('151/2025/NĐ-CP');
    expect(calls).toEqual([{ number: '151/2025/NĐ-CP', date: '2025-10-01', province: 'Lào Cai' }]);
    expect(s.detail?.date).toBe('2025-10-01');
    await s.load('151/2025/NĐ-CP');
    expect(calls).toHaveLength(1);
    settings.setDate('2026-02-01');
    await s.load('151/2025/NĐ-CP');
    expect(calls).toHaveLength(2);
    settings.setProvince(null);
  });

  it('keeps the answer to the last request, says when there is no such decree, and shows the error', async () => {
    const s = useDecreeStore();
    const slow = s.load('slow');
    await s.load('120/2025/NĐ-CP');
    gate.slow!();
    await slow;
    expect(s.detail?.document.number).toBe('120/2025/NĐ-CP');
    await s.load('none');
    expect(s.notFound).toBe(true);
    expect(s.detail).toBeNull();
    await s.load('bad');
    expect(s.error).toBe('Số hiệu văn bản không hợp lệ.');
  });
});
