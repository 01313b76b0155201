/**
 * Finds decree texts in a folder: one decree per file, .txt or .docx, at any depth.
 * Nothing else about the folder's layout is assumed.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

export interface SourceText {
  file: string; // absolute path
  name: string; // file name
  text: string; // NFC
  sha256: string;
}

const TEXT_EXTENSIONS = new Set(['.txt', '.docx']);

export function listSourceFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (TEXT_EXTENSIONS.has(extname(entry.name).toLowerCase())) out.push(full);
    }
  };
  if (statSync(dir).isDirectory()) walk(dir);
  else out.push(dir);
  return out;
}

/** Reads a .txt (UTF-8, BOM tolerated) or .docx (raw text via mammoth). */
export async function readSourceText(file: string): Promise<SourceText> {
  const bytes = readFileSync(file);
  let text: string;
  if (extname(file).toLowerCase() === '.docx') {
    const mammoth = await import('mammoth');
    text = (await mammoth.extractRawText({ buffer: bytes })).value;
  } else {
    text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    if (text.includes('\uFFFD')) {
      throw new Error(`Tệp ${basename(file)} không phải văn bản UTF-8 (hãy lưu lại với mã hóa UTF-8).`);
    }
  }
  return {
    file,
    name: basename(file),
    text: text.normalize('NFC'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
