/**
 * One record of the national procedure database (Cơ sở dữ liệu quốc gia về thủ tục hành chính), as the
 * portal publishes it: Vietnamese keys, table cells run together ("Hình thức nộpThời gianPhí, lệ phíMô tả
 * Trực tiếp20 Ngày làm việcKhông có thông tin…"), "Không có thông tin" for empty. Parsed into the facts the
 * register links and cross-checks: name, levels, bodies, ways to file with time limit and fee, legal basis.
 * A second, official source — never a replacement for the decree text.
 */
import type { Level } from '../model';

export interface FilingWay {
  /** "Trực tiếp", "Trực tuyến", "Dịch vụ bưu chính". */
  way: string;
  /** "20 Ngày làm việc"; null when the portal says "Không có thông tin". */
  time: string | null;
  /** "Miễn phí", "675,000 Việt Nam Đồng"; null when not given. */
  fee: string | null;
}

export interface NationalProcedure {
  code: string;
  name: string;
  /** Levels that carry it out ("Cấp xã" → xa, "Cấp tỉnh" → tinh, "Cấp bộ" → trung-uong). */
  levels: Level[];
  field: string | null;
  competentBody: string | null;
  implementingBody: string | null;
  ways: FilingWay[];
  /** The time limit most ways share (the first given), as written. */
  timeLimit: string | null;
  /** Numbers of the decrees (NĐ-CP) and laws (QH) cited as its basis. */
  basis: string[];
  /** The decision that published it ("226/QĐ-UBND" marks a province's own procedure). */
  publishedBy: string | null;
  /** A province's own procedure (published by a QĐ-UBND), not a national one. */
  provincial: boolean;
  url: string | null;
}

const NONE = /^\s*(?:Không có thông tin|Không quy định|Không)\s*\.?\s*$/iu;

function clean(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const t = v.replace(/\s+/gu, ' ').trim();
  return t && !NONE.test(t) ? t : null;
}

const LEVEL_WORDS: Array<[RegExp, Level]> = [
  [/cấp xã/iu, 'xa'],
  [/cấp tỉnh/iu, 'tinh'],
  [/cấp bộ|cấp trung ương/iu, 'trung-uong'],
];

export function levelsOf(cap: string | null): Level[] {
  if (!cap) return [];
  return LEVEL_WORDS.filter(([re]) => re.test(cap)).map(([, l]) => l);
}

/** "Trực tuyến17 Ngày làm việcMiễn phí(…)Dịch vụ bưu chính30 Ngày làm việc…" → one entry per way. */
export function filingWays(cell: string | null): FilingWay[] {
  if (!cell) return [];
  const body = cell.replace(/^Hình thức nộp\s*Thời gian\s*Phí, lệ phí\s*Mô tả/u, '');
  const starts = [...body.matchAll(/(Trực tiếp|Trực tuyến|Dịch vụ bưu chính)(?=\s*(?:\d|Không có thông tin))/gu)];
  const out: FilingWay[] = [];
  starts.forEach((m, i) => {
    const seg = body.slice((m.index ?? 0) + m[0].length, starts[i + 1]?.index ?? body.length);
    // "Trực tuyến120,000 VNĐ…": no time given, the number is the fee.
    const money = /^\s*([\d.,]+\s*(?:Việt Nam Đồng|đồng|VNĐ))/u.exec(seg);
    if (money) {
      out.push({ way: m[1]!, time: null, fee: money[1]!.trim() });
      return;
    }
    const t = /^\s*(\d+(?:[.,]\d+)?\s*(?:Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm)|\d+(?=\D)|Không có thông tin)/u.exec(seg);
    const time = t && !/Không có thông tin/u.test(t[1]!) ? t[1]!.trim() : null;
    const rest = seg.slice(t ? t[0].length : 0);
    const f = /^\s*(Miễn phí|Không có thông tin|[\d.,]+\s*(?:Việt Nam Đồng|đồng|VNĐ))/u.exec(rest);
    const fee = f && !/Không có thông tin/u.test(f[1]!) ? f[1]!.trim() : null;
    out.push({ way: m[1]!, time: time && /\D/u.test(time) ? time : time ? `${time} (không rõ đơn vị)` : null, fee });
  });
  return out;
}

/** Legal texts cited: "…151/2025/NĐ-CPThực hiện…118/2025/NĐ-C…" → their numbers. */
export function basisNumbers(cell: string | null): string[] {
  if (!cell) return [];
  const out = new Set<string>();
  // Only forms whose end is certain in run-together cells: decrees (NĐ-CP) and laws (QH + 2 digits).
  for (const m of cell.matchAll(/(?<!\d)(\d{1,4})\/(\d{4})\/(NĐ-CP|QH\d{2})/gu)) out.add(`${Number(m[1])}/${m[2]}/${m[3]}`);
  return [...out].sort();
}

/** The commonest time limit among the ways (ties: the first given). */
function commonTime(ways: FilingWay[]): string | null {
  const counts = new Map<string, number>();
  // A number without its unit ("7") is no time limit to tell a citizen: kept in the ways, never the answer.
  for (const w of ways) if (w.time && !/không rõ đơn vị/u.test(w.time)) counts.set(w.time, (counts.get(w.time) ?? 0) + 1);
  let best: string | null = null;
  for (const [t, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = t;
  return best;
}

/** Parse one portal record; null when it is not one (no code or no name). */
export function parsePortalRecord(raw: unknown): NationalProcedure | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const o = raw as Record<string, unknown>;
  const code = clean(o.ma_thu_tuc);
  const name = clean(o.ten_thu_tuc);
  if (!code || !name) return null;
  const ways = filingWays(typeof o.cach_thuc_thuc_hien === 'string' ? o.cach_thuc_thuc_hien : null);
  const publishedBy = clean(o.so_quyet_dinh);
  return {
    code,
    name: name.replace(/\.$/u, ''),
    levels: levelsOf(clean(o.cap_thuc_hien)),
    field: clean(o.linh_vuc),
    competentBody: clean(o.co_quan_co_tham_quyen),
    implementingBody: clean(o.co_quan_thuc_hien),
    ways,
    timeLimit: commonTime(ways),
    basis: basisNumbers(typeof o.can_cu_phap_ly === 'string' ? o.can_cu_phap_ly : null),
    publishedBy,
    provincial: /QĐ-UBND/u.test(publishedBy ?? ''),
    url: clean(o.detail_url),
  };
}
