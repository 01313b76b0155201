/**
 * Finds national procedure records in a folder: any .json file at any depth whose content is a portal
 * record (has "ma_thu_tuc" and "ten_thu_tuc"). Recognised by content, not by folder name.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { type NationalProcedure, parsePortalRecord } from './portal';

export interface ReadProcedures {
  procedures: NationalProcedure[];
  /** Files that looked like portal records but could not be read (bad JSON …), with why. */
  skipped: Array<{ file: string; reason: string }>;
}

export function readNationalProcedures(dirs: string[]): ReadProcedures {
  const byCode = new Map<string, NationalProcedure>();
  const skipped: ReadProcedures['skipped'] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (extname(entry.name).toLowerCase() === '.json') {
        const text = readFileSync(full, 'utf8');
        if (!text.includes('"ma_thu_tuc"')) continue; // not a portal record (catalogues, manifests …)
        try {
          const p = parsePortalRecord(JSON.parse(text));
          if (p && !byCode.has(p.code)) byCode.set(p.code, p);
          else if (!p) skipped.push({ file: full, reason: 'Thiếu mã hoặc tên thủ tục' });
        } catch (err) {
          skipped.push({ file: full, reason: `Tệp JSON hỏng: ${(err as Error).message}` });
        }
      }
    }
  };
  for (const d of dirs) {
    try {
      if (statSync(d).isDirectory()) walk(d);
    } catch {
      // a missing folder is simply skipped
    }
  }
  return { procedures: [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code)), skipped };
}
