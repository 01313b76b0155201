/** Where the real decree texts are (CI has ../shared/sources next to the repo). */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SOURCES = process.env.KB_SOURCES ?? path.resolve(repoRoot, '../shared/sources');
export const DECREES = path.join(SOURCES, 'decrees');
export const hasSources = existsSync(DECREES);

export function decreeFiles(): string[] {
  return hasSources ? readdirSync(DECREES).filter((f) => f.endsWith('.txt')).sort() : [];
}

export function readDecree(file: string): string {
  return readFileSync(path.join(DECREES, file), 'utf8');
}

export interface ManifestItem {
  number: string;
  file: string | null;
  bodyArticles: number | null;
}

export function manifest(): ManifestItem[] {
  return JSON.parse(readFileSync(path.join(SOURCES, 'manifest.json'), 'utf8')) as ManifestItem[];
}
