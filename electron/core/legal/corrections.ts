/**
 * Curated corrections (data/corrections/*.json): title overrides, explicit
 * exclusions with a reason, dropped or added records — data keyed by citation
 * ("Khoản 1 Điều 18 Nghị định 120/2025/NĐ-CP"), never special cases in code.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Correction } from './extract';

export type { Correction };

const ACTIONS = ['title', 'exclude', 'drop', 'add', 'set'];

/** Problems in one correction, in Vietnamese. */
export function validateCorrection(c: unknown): string[] {
  const o = c as Record<string, unknown>;
  if (typeof o !== 'object' || o === null) return ['Hiệu chỉnh không phải đối tượng JSON'];
  const e: string[] = [];
  if (typeof o.citation !== 'string' || !/(?:Nghị định \d+\/\d{4}\/NĐ-CP|Quyết định \d+\/\d{4}\/QĐ-UBND)$/u.test(o.citation)) e.push(`Trích dẫn hiệu chỉnh không hợp lệ: ${String(o.citation)}`);
  if (!ACTIONS.includes(o.action as string)) e.push(`Loại hiệu chỉnh không hợp lệ: ${String(o.action)}`);
  if ((o.action === 'exclude' || o.action === 'drop') && typeof o.reason !== 'string') e.push(`${String(o.citation)}: thiếu lý do`);
  for (const k of ['termFrom', 'termTo'] as const) {
    if (o[k] !== undefined && (typeof o[k] !== 'string' || !/^\d{4}-\d{2}-\d{2}$/u.test(o[k] as string))) e.push(`${String(o.citation)}: ${k} phải là ngày dạng YYYY-MM-DD`);
  }
  if ((o.termFrom !== undefined || o.termTo !== undefined) && (o.action !== 'set' || typeof o.reason !== 'string'))
    e.push(`${String(o.citation)}: thời hạn riêng chỉ đặt bằng "set", kèm lý do (văn bản nói ở đâu)`);
  if (o.action === 'add' && (typeof o.holder !== 'string' || typeof o.role !== 'string' || typeof o.title !== 'string'))
    e.push(`${String(o.citation)}: hiệu chỉnh "add" cần holder, role, title`);
  return e;
}

/** All corrections of data/corrections (sorted by file name). */
export function loadCorrections(dataDir: string): Correction[] {
  const dir = path.join(dataDir, 'corrections');
  if (!existsSync(dir)) return [];
  const out: Correction[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
    } catch (err) {
      throw new Error(`Tệp hiệu chỉnh ${f} không đọc được: ${(err as Error).message}`);
    }
    if (!Array.isArray(data)) throw new Error(`Tệp hiệu chỉnh ${f} phải là một mảng`);
    const errs = data.flatMap(validateCorrection);
    if (errs.length) throw new Error(`Tệp hiệu chỉnh ${f} không hợp lệ:\n${errs.join('\n')}`);
    out.push(...(data as Correction[]));
  }
  return out;
}
