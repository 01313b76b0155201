/**
 * TEST CORPUS, NOT A REGISTER. Turns every paragraph of the real decree texts
 * into a fake SearchDoc (citation parsed from "Điều N" / "N." / "a)"; holder
 * guessed from the words), so the engine can be tested and benchmarked on real
 * Vietnamese legal text before and beside the register. Never shipped.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AuthorityRecord, HolderKind, Level, SectorId } from '../../../electron/core/model';
import type { SearchDoc } from '../../../electron/core/search';

/** ../shared/sources relative to the repo (CI layout); a bundled copy is told the repo root by TCQ_REPO_ROOT. */
export const SOURCES_DIR = resolve(process.env.TCQ_REPO_ROOT ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../..'), '../shared/sources');

interface ManifestEntry {
  number: string;
  title: string;
  sector: SectorId;
  file: string | null;
}

export function manifest(): ManifestEntry[] {
  return JSON.parse(readFileSync(join(SOURCES_DIR, 'manifest.json'), 'utf8')) as ManifestEntry[];
}

function guessHolder(text: string): { holder: string; level: Level; holderKind: HolderKind } {
  const m = /(Chủ tịch )?(Ủy|Uỷ) ban nhân dân cấp (xã|tỉnh)|(Bộ trưởng|Thủ tướng Chính phủ|Sở [A-ZĐ][\p{L} ]{2,30})/u.exec(text);
  if (!m) return { holder: 'Cơ quan khác', level: 'tinh', holderKind: 'khac' };
  if (m[4]) return { holder: m[4].trim(), level: m[4].startsWith('Sở') ? 'tinh' : 'trung-uong', holderKind: m[4].startsWith('Sở') ? 'co-quan-chuyen-mon' : 'bo' };
  const level: Level = m[3] === 'xã' ? 'xa' : 'tinh';
  return { holder: m[0], level, holderKind: m[1] ? 'chu-tich-ubnd' : 'ubnd' };
}

/** One SearchDoc per paragraph of one decree text. */
export function paragraphDocs(file: string, number: string, documentTitle: string, sector: SectorId): SearchDoc[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const out: SearchDoc[] = [];
  let article: number | null = null;
  let heading = '';
  let clause: number | null = null;
  let inAnnex = false;
  let n = 0;
  for (const line of lines) {
    if (/^PHỤ LỤC/u.test(line)) inAnnex = true;
    const a = !inAnnex ? /^Điều (\d+)\.\s*(.*)$/u.exec(line) : null;
    if (a) {
      article = Number(a[1]);
      heading = a[2] ?? '';
      clause = null;
      continue;
    }
    if (article == null && !inAnnex) continue;
    const c = /^(\d{1,2})\.\s/.exec(line);
    if (c && !inAnnex) clause = Number(c[1]);
    const p = /^([a-zđ])\)\s/u.exec(line);
    const g = guessHolder(line);
    const short = number.split('/')[0];
    const record: AuthorityRecord = {
      id: `corpus-${short}-${String(++n).padStart(4, '0')}`,
      title: inAnnex ? line.slice(0, 90) : heading,
      holder: g.holder,
      level: g.level,
      holderKind: g.holderKind,
      role: 'quyet-dinh',
      formerHolder: null,
      mechanism: 'phan-dinh',
      refersTo: [],
      citation: {
        document: number,
        article: inAnnex ? null : article,
        clause: inAnnex ? null : clause,
        point: !inAnnex && p ? (p[1] ?? null) : null,
        annex: inAnnex ? 'Phụ lục' : null,
      },
      sector,
      field: null,
      aliases: [],
      sourceStatus: 'verified',
      secondarySource: null,
      procedures: [],
      timeLimit: null,
    };
    out.push({ record, provisionText: line, documentTitle });
  }
  return out;
}

/** All decree texts present in the sources folder, paragraph by paragraph. */
export function paragraphCorpus(): SearchDoc[] {
  const dir = join(SOURCES_DIR, 'decrees');
  if (!existsSync(dir)) return [];
  const byFile = new Map(manifest().filter((m) => m.file).map((m) => [m.file as string, m]));
  const docs: SearchDoc[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const m = byFile.get(f);
    if (!m) continue;
    docs.push(...paragraphDocs(join(dir, f), m.number, m.title, m.sector));
  }
  return docs;
}
