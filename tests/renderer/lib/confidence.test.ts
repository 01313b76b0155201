import { beforeAll, describe, expect, it } from 'vitest';
import { ensureKb } from '../../../electron/core/kb/ensure';
import { openVerifiedKb } from '../../../electron/core/kb/manifest';
import type { KnowledgeBase } from '../../../electron/core/kb/open';
import { confidenceView, NEAR_LABEL } from '../../../renderer/src/lib/confidence';
import { sampleHit } from '../sample-hit';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = openVerifiedKb({ kbPath: (await ensureKb({ log: () => {} })).kbPath });
}, 300_000);

describe('confidence on screen', () => {
  it('a confident hit reads as an answer', () => {
    const v = confidenceView(sampleHit({ confidence: 'high', confidenceReason: 'Có đủ các từ quan trọng, đúng dấu.' }));
    expect(v.near).toBe(false);
    expect(v.label).toBe('Khớp câu hỏi');
  });

  it.each(['medium', 'low'] as const)('a %s hit reads as a near miss, with its reason', (confidence) => {
    const v = confidenceView(sampleHit({ confidence, confidenceReason: '' }));
    expect(v.near).toBe(true);
    expect(v.label).toBe('Gần đúng — kiểm tra lại');
    expect(v.reason.length).toBeGreaterThan(0);
    const said = confidenceView(sampleHit({ confidence, confidenceReason: 'Gần đúng — không có từ: dược.' }));
    expect(said.reason).toContain('dược');
  });

  // The engine's reasons say "Gần đúng — …" and "kiểm tra lại" for the CLI, where they stand alone; on
  // screen the label says it, and the line read "Gần đúng — kiểm tra lại Gần đúng — không có từ: karaoke".
  it.each(['cấp phép karaoke', 'đăng ký hộ kinh doanh', 'xác nhận tình trạng hôn nhân', 'cap chung chi hanh nghe kham benh'])(
    'a near miss of the real search says «Gần đúng» and «kiểm tra lại» once: %s',
    (q) => {
      const near = kb.search({ q, limit: 50 }).hits.filter((h) => h.kind !== 'portal' && h.confidence !== 'high');
      expect(near.length).toBeGreaterThan(0);
      for (const h of near) {
        const v = confidenceView(h);
        expect(v.near).toBe(true);
        const line = `${v.label} ${v.reason}`;
        expect(line.match(/gần đúng/giu)?.length, line).toBe(1);
        expect(line.match(/kiểm tra lại/giu)?.length, line).toBe(1);
        // What the engine found missing is still said.
        for (const w of /không có từ: ([^.]+)\./u.exec(h.confidenceReason)?.[1]?.split(', ') ?? []) expect(v.reason).toContain(w);
        expect(v.reason.charAt(0)).toBe(v.reason.charAt(0).toLocaleUpperCase('vi'));
      }
      expect(NEAR_LABEL).toBe('Gần đúng — kiểm tra lại');
    },
  );
});

