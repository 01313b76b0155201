/**
 * Text helpers for reading decrees. The stored text is never rewritten: these
 * produce a *matching form* only, so the quirks of the sources (glued words,
 * doubled spaces, elliptic "cấp tỉnh, cấp xã") do not hide an authority phrase.
 */

/** Words the sources glue to the previous word ("doỦy ban", "Chủ tịchỦy ban"). */
const GLUED_CAPITAL = /([a-zà-ỹđ,;)])(Ủy|Chủ|Tòa|Sở|Bộ|Hội|Thủ|Ban|Cục|Kho|Quỹ|Ngân|Nhà|Công|Viện|Văn|Phòng)/gu;

/** Lower-case words glued in 125/127 ("trungương", "phươngán", "vụán"). */
const GLUED_WORDS: Array<[RegExp, string]> = [
  [/trungương/g, 'trung ương'],
  [/phươngán/g, 'phương án'],
  [/Tòaán/g, 'Tòa án'],
  [/tòaán/g, 'tòa án'],
  [/vụán/g, 'vụ án'],
  [/dựán/g, 'dự án'],
  [/Đảngủy/g, 'Đảng ủy'],
  [/huyệnủy/g, 'huyện ủy'],
  [/Đảngở/g, 'Đảng ở'],
  [/(tỉnh|huyện|hoặc|được|và|thì|đã|không|theo|để|tịch)ủy/g, '$1 ủy'],
  [/đềán/g, 'đề án'],
  [/Đềán/g, 'Đề án'],
  [/xeô tô/g, 'xe ô tô'],
  [/Namở/g, 'Nam ở'],
];

/** "Chủ tịch Ủy ban nhân dân cấp tỉnh, cấp xã" names two holders: spell both out. */
const ELLIPTIC_LEVELS =
  /(Chủ tịch Ủy ban nhân dân|Ủy ban nhân dân|Hội đồng nhân dân) cấp (tỉnh|xã|huyện)(, | và | hoặc )cấp (tỉnh|xã|huyện)/gu;

/** "Ủy ban nhân dân, Chủ tịch Ủy ban nhân dân cấp tỉnh" names the level once for both bodies. */
const ELLIPTIC_BODIES =
  /(Hội đồng nhân dân|Ủy ban nhân dân)(, | và | hoặc )((?:Ủy ban nhân dân|Chủ tịch Ủy ban nhân dân) cấp (tỉnh|xã|huyện))/gu;

/** NFC, uniform spaces, glued words split, elliptic levels expanded: for matching only. */
export function matchForm(text: string): string {
  let s = text.normalize('NFC').replace(/[\u00a0\u2007\u202f\t]/g, ' ');
  s = s.replace(/Uỷ ban/g, 'Ủy ban').replace(/uỷ ban/g, 'ủy ban');
  for (const [re, to] of GLUED_WORDS) s = s.replace(re, to);
  s = s.replace(GLUED_CAPITAL, '$1 $2');
  s = s.replace(/ {2,}/g, ' ');
  for (let i = 0; i < 2; i++) s = s.replace(ELLIPTIC_LEVELS, '$1 cấp $2$3$1 cấp $4');
  s = s.replace(ELLIPTIC_BODIES, (_m, body: string, sep: string, rest: string, level: string) => `${body} cấp ${level}${sep}${rest}`);
  return s;
}

/** Sentences of a provision; ";" is kept inside a sentence because a holder at the end governs all parts. */
export function sentences(text: string): string[] {
  return text
    // "… tại khoản 1 Điều 14. Điều 43 Nghị định số 67/2013/NĐ-CP" (a typo for a comma) is one citation, not two sentences.
    .split(/\n+|(?<=[.:])(?<!Điều \d{1,3}\.)\s+(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ])/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

export function romanToInt(r: string): number {
  let total = 0;
  for (let i = 0; i < r.length; i++) {
    const v = ROMAN[r[i] ?? ''] ?? 0;
    const next = ROMAN[r[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

/** Vietnamese point letters in order (no f, j, w, z). */
export const POINT_LETTERS = 'a b c d đ e g h i k l m n o p q r s t u v x y'.split(' ');

export function nextPointLetter(prev: string | null): string {
  if (prev == null) return 'a';
  const i = POINT_LETTERS.indexOf(prev);
  return POINT_LETTERS[i + 1] ?? '';
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** "ngày 01 tháng 7 năm 2025" → "2025-07-01". */
export function isoDate(day: string, month: string, year: string): string {
  return `${year}-${pad(Number(month))}-${pad(Number(day))}`;
}

export const DATE_RE = /ngày (\d{1,2}) tháng (\d{1,2}) năm (\d{4})/u;

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Shorten to at most max characters at a word boundary. */
export function clip(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 1);
  const sp = cut.lastIndexOf(' ');
  // Never mid-word: a word longer than the room left is dropped whole (unless it is the only word).
  return `${(sp > 0 ? cut.slice(0, sp) : cut).replace(/[,;:\s]+$/u, '')}…`;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "LĨNH VỰC HỘ TỊCH" → "Lĩnh vực hộ tịch": headings in capitals read as sentence case. */
export function sentenceCase(s: string): string {
  const t = s.trim();
  if (t !== t.toUpperCase()) return t;
  return capitalize(t.toLowerCase())
    .replace(/việt nam/gu, 'Việt Nam')
    .replace(/(bộ|sở) (tư pháp|tài chính|xây dựng|nội vụ|công thương|y tế)/gu, (_m, a: string, b: string) => `${capitalize(a)} ${capitalize(b)}`);
}

/**
 * The sister points a point names as its subject: "Cơ quan … quy định tại các điểm a, b và c khoản này có
 * thẩm quyền …" → ["a", "b", "c"] (49/2026 Điều 14 khoản 2 điểm d); [] when it names none.
 */
export function sisterPointsNamed(text: string): string[] {
  const m = /quy định tại (?:các )?điểm ([a-zđ](?:\s*,\s*[a-zđ])*(?:\s+và\s+(?:điểm\s+)?[a-zđ])?) khoản này/u.exec(text);
  return m?.[1] ? m[1].split(/\s*,\s*|\s+và\s+(?:điểm\s+)?/u) : [];
}

/**
 * Whether a provision's text names a record's holder, or, for a point whose subject is "the bodies of
 * points a, b and c of this clause", one of those points does (`sister` reads a sister point's text).
 */
export function namesHolder(holder: string, text: string, point: string | null, sister: (point: string) => string | null): boolean {
  const own = matchForm(text.replace(/\s+/gu, ' '));
  if (own.includes(holder)) return true;
  if (!point) return false;
  return sisterPointsNamed(own).some((p) => matchForm((sister(p) ?? '').replace(/\s+/gu, ' ')).includes(holder));
}
