/** "Báo sai sót" and "Lưu PDF" payloads: what passes, and the Vietnamese refusal of what does not. */
import { describe, expect, it } from 'vitest';
import { validateArgs } from '../../electron/api/validate';

const shown = { holder: 'Ủy ban nhân dân cấp xã', citation: 'Căn cứ Điều 4 Nghị định số 120/2025/NĐ-CP;', status: 'Đang có hiệu lực' };

describe('saveReport payload', () => {
  it('passes a record, a day, a province, what was shown and a comment', () => {
    const r = validateArgs('saveReport', { recordId: '120-d4-ubnd-xa', date: '2025-10-01', province: 'Lào Cai', comment: 'Sai cơ quan', shown });
    expect(r).toEqual({ ok: true, value: { recordId: '120-d4-ubnd-xa', date: '2025-10-01', province: 'Lào Cai', comment: 'Sai cơ quan', shown } });
  });
  it('refuses an empty or blank comment with a message saying what to do', () => {
    for (const comment of ['', '   \n']) {
      const r = validateArgs('saveReport', { recordId: 'x', comment, shown });
      expect(r.ok).toBe(false);
      expect(!r.ok && r.message).toContain('Hãy ghi vài chữ');
    }
  });
  it('refuses a comment over 5000 characters, a bad day, a missing or oversized "shown"', () => {
    expect(validateArgs('saveReport', { recordId: 'x', comment: 'a'.repeat(5001), shown }).ok).toBe(false);
    expect(validateArgs('saveReport', { recordId: 'x', comment: 'a', date: '2025-02-30', shown }).ok).toBe(false);
    expect(validateArgs('saveReport', { recordId: 'x', comment: 'a' }).ok).toBe(false);
    expect(validateArgs('saveReport', { recordId: 'x', comment: 'a', shown: { ...shown, holder: 'x'.repeat(1001) } }).ok).toBe(false);
    expect(validateArgs('saveReport', { recordId: '', comment: 'a', shown }).ok).toBe(false);
  });
});

describe('savePdf payload', () => {
  it('passes a plain .pdf file name and refuses a path or another extension', () => {
    expect(validateArgs('savePdf', { fileName: 'tham-quyen-120-d4-2025-10-01.pdf' })).toEqual({ ok: true, value: { fileName: 'tham-quyen-120-d4-2025-10-01.pdf' } });
    for (const fileName of ['../x.pdf', 'C:\\x.pdf', 'x.exe', '', 'a\u0000.pdf']) expect(validateArgs('savePdf', { fileName }).ok).toBe(false);
  });
});
