/**
 * An amending act is recognised by its text wherever it comes from: dropped into a user's imports
 * folder under any file name, with a data/ that has never heard of it (no register, no change list),
 * it is read as an amending act, never as a decree of the batch, and its changes apply by date.
 */
import { cpSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTempKb, HAS_SOURCES, ROOT, SOURCES } from './kb-fixture';
import { dataDir } from '../../../electron/core/paths';

describe.skipIf(!HAS_SOURCES)('an amending act imported by a user', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'amending-import-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('49/2026 under another name repeals 151 Điều 5 from 31/01/2026 with no change in data/', async () => {
    // data/ without any trace of the acts outside the batch; sources: the decrees only, plus one import.
    const data = join(tmp, 'data');
    cpSync(dataDir(ROOT), data, { recursive: true });
    for (const d of ['register', 'changes']) rmSync(join(data, d), { recursive: true, force: true });
    mkdirSync(join(data, 'register'));
    const imports = join(tmp, 'imports');
    mkdirSync(imports);
    cpSync(join(SOURCES!, 'amending/49-2026-ND-CP.txt'), join(imports, 'van-ban-tai-ve (1).txt'));
    const { kb } = await buildTempKb([join(SOURCES!, 'decrees'), imports], data);

    const doc = kb.listDocuments().find((d) => d.number === '49/2026/NĐ-CP')!;
    expect(doc).toMatchObject({ actKind: 'later', textLoaded: true });
    const h = kb.allRecords().find((r) => r.citation.document === '151/2025/NĐ-CP' && r.citation.article === 5 && r.citation.point === 'h')!;
    expect(h.timeline).toMatchObject({ to: '2026-01-31', endKind: 'repealed', endedBy: 'Điểm đ khoản 3 Điều 16 Nghị định 49/2026/NĐ-CP' });
    // The exceptions of the repeal still apply.
    const i = kb.allRecords().find((r) => r.citation.document === '151/2025/NĐ-CP' && r.citation.article === 5 && r.citation.clause === 1 && r.citation.point === 'i')!;
    expect(i.timeline?.endKind).not.toBe('repealed');
    // Its own re-assignment (Điều 14) became records.
    expect(kb.allRecords().some((r) => r.citation.document === '49/2026/NĐ-CP' && r.citation.article === 14 && r.holder === 'Ủy ban nhân dân cấp tỉnh')).toBe(true);
  }, 120_000);
});
