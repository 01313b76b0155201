/**
 * What the results and the card show of the engine's words, on the real KB: a holder as a name or a
 * heading starts with a capital (the register keeps "cơ quan chuyên môn …" as the clause writes it), and
 * a command-line hint ("kb import") never reaches the window, where a clerk imports in "Nạp văn bản".
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureKb } from '../../../electron/core/kb/ensure';
import { openVerifiedKb } from '../../../electron/core/kb/manifest';
import type { KnowledgeBase } from '../../../electron/core/kb/open';
import { holderName, withoutCliHint } from '../../../renderer/src/lib/format';

let kb: KnowledgeBase;
beforeAll(async () => {
  kb = openVerifiedKb({ kbPath: (await ensureKb({ log: () => {} })).kbPath });
}, 300_000);

describe('holderName', () => {
  it('capitalises the first letter of every holder of the register and changes nothing else', () => {
    const holders = [...new Set(kb.allRecords().map((r) => r.holder))];
    const lower = holders.filter((h) => /^\p{Ll}/u.test(h));
    // The register writes some holders from mid-sentence ("công an cấp xã"): the case this is for.
    expect(lower.length).toBeGreaterThan(0);
    for (const h of holders) {
      const shown = holderName(h);
      expect(shown.charAt(0), h).toBe(shown.charAt(0).toLocaleUpperCase('vi'));
      expect(shown.toLocaleLowerCase('vi')).toBe(h.trim().toLocaleLowerCase('vi'));
      expect(shown.slice(1)).toBe(h.trim().slice(1));
    }
    expect(holderName(null)).toBe('');
  });
});

describe('withoutCliHint', () => {
  it('drops "kb import" from what the engine says of a decree without text and of a portal row, keeping the rest', () => {
    const said: string[] = [];
    for (const q of ['cấp chứng chỉ hành nghề khám bệnh', 'đăng ký khai sinh', 'cấp phép karaoke', 'mầm non', 'khám bệnh']) {
      const r = kb.search({ q, limit: 50 });
      for (const o of r.outOfCoverage ?? []) said.push(o.reason);
      for (const h of r.hits) if (h.portal?.basisNote) said.push(h.portal.basisNote);
    }
    expect(said.length).toBeGreaterThan(0);
    for (const s of said) {
      const shown = withoutCliHint(s);
      expect(shown, s).not.toMatch(/kb import|npm run/u);
      // Only the hint goes: the sentence naming the decree and the app's own way stay.
      expect(shown.length, s).toBeGreaterThan(s.length * 0.5);
      if (s.includes('Nạp văn bản')) expect(shown).toContain('Nạp văn bản');
    }
    expect(withoutCliHint('Chưa có văn bản nghị định này. Nhập văn bản: kb import <tệp .docx hoặc .txt>.')).toBe('Chưa có văn bản nghị định này.');
    // The two ways the engine has written the hint: a sentence of its own, and a portal row's parenthesis.
    expect(withoutCliHint('chưa có văn bản trong dữ liệu (nạp bằng màn hình Nạp văn bản hoặc "kb import"): chưa kiểm tra được.')).toBe(
      'chưa có văn bản trong dữ liệu (nạp bằng màn hình Nạp văn bản): chưa kiểm tra được.',
    );
  });
});
