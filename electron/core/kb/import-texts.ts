/**
 * `kb import`: official texts a user downloaded (.txt or .docx) join the sources.
 * Each file is checked to be a decree before it is kept; nothing is overwritten
 * silently, and a file that cannot be read is reported, not dropped quietly.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDecree } from '../legal/structure';
import { defaultUserDir, repoRoot } from '../paths';
import { ensureKb } from './ensure';
import { listSourceFiles, readSourceText } from './source-texts';

export interface ImportSummary {
  imported: Array<{ file: string; document: string; provisions: number; savedAs: string }>;
  rejected: Array<{ file: string; reason: string }>;
  records: number | null;
}

/** "120/2025/NĐ-CP" → "120-2025-ND-CP.txt": the saved copy's name. */
export function importFileName(documentNumber: string): string {
  return `${documentNumber.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'D').replace(/[^A-Za-z0-9]+/g, '-')}.txt`;
}

export async function importTexts(paths: string[], log: (m: string) => void, root = repoRoot()): Promise<ImportSummary> {
  const importsDir = join(defaultUserDir(root), 'imports');
  const summary: ImportSummary = { imported: [], rejected: [], records: null };
  for (const path of paths) {
    if (!existsSync(path)) {
      summary.rejected.push({ file: path, reason: 'Không tìm thấy tệp hoặc thư mục.' });
      continue;
    }
    for (const file of listSourceFiles(path)) {
      try {
        const source = await readSourceText(file);
        const parsed = parseDecree(source.text);
        if (!parsed.number) {
          summary.rejected.push({ file, reason: 'Không nhận ra số hiệu nghị định (dòng "Số: …/NĐ-CP").' });
          continue;
        }
        if (parsed.provisions.length === 0) {
          summary.rejected.push({ file, reason: 'Không tìm thấy điều khoản nào trong văn bản.' });
          continue;
        }
        mkdirSync(importsDir, { recursive: true });
        const savedAs = join(importsDir, importFileName(parsed.number));
        writeFileSync(savedAs, source.text, 'utf8');
        summary.imported.push({ file, document: parsed.number, provisions: parsed.provisions.length, savedAs });
        log(`Đã nạp ${parsed.number} (${parsed.provisions.length} điều khoản) từ ${file}`);
      } catch (err) {
        summary.rejected.push({ file, reason: (err as Error).message });
      }
    }
  }
  if (summary.imported.length > 0) {
    const result = await ensureKb({ root, log });
    summary.records = result.report?.records ?? null;
  }
  return summary;
}
