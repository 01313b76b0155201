/**
 * A record's title as a clerk reads it. The register clips long titles at 120 characters on a space,
 * but a Vietnamese word is often two syllables: "Giấy phép sản…" (sản xuất), "khu công…" (khu công
 * nghiệp), "quyền sử…" (quyền sử dụng đất) end in the middle of one. When the clause the title was taken
 * from is at hand (the card's provision, a hit's excerpt), the title goes on in the clause's own words
 * to the end of its phrase; never words of another text. Pure, no DOM.
 */

/** Where a phrase of a clause ends: ";", a full stop before a space or the end, a new line, a colon. */
const PHRASE_END = /[;\n]|\.(?=\s|$)|:\s/u;
/** Where the task's name ends and its legal reference begins: the title stops there, whole. */
const CITATION = /\s(?:(?:được|đã được) )?(?:quy định tại|theo quy định)(?=\s|$)/u;
/**
 * Words that start a new part of a sentence: a cut before one never splits a word of two syllables
 * ("… Giấy phép bán lẻ rượu| trên địa bàn", "… điều kiện| đối với …").
 */
const BOUNDARY_WORDS =
  /(?<!(?:kèm|kể|đối|trở|ở))\s(?=(?:theo|tại|trên|của|đối với|thuộc|cho|và|hoặc|khi|để|trong|do|từ|đến|sau khi|trước khi|nhằm|bao gồm|trừ)\s)/gu;
/** Words run together in a scanned text ("Chủ tịchỦy ban"): the title never carries them. */
const RUN_TOGETHER = /\p{Ll}\p{Lu}/u;

const norm = (s: string): string => s.normalize('NFC').replace(/\s+/gu, ' ');

/**
 * `title` as given, or continued from `text` (the clause, or an excerpt of it) when the title was
 * clipped ("…") and `text` holds its start: to the end of the phrase or the start of its legal
 * reference when that comes within `maxExtra` characters, else to the last word that starts a new part
 * of the sentence (still marked "…"); unchanged when the text does not hold the title's words.
 */
export function completeTitle(title: string, text: string | null | undefined, maxExtra = 90): string {
  const t = norm(title).trim();
  if (!t.endsWith('…') || !text) return title;
  const stem = t.slice(0, -1).trimEnd();
  if (stem.length < 20) return title;
  // The excerpt's own clip marks ("… " first, " …" last) are not the clause's words.
  const whole = norm(text).trim();
  const clipped = /\s…$/u.test(whole);
  const src = whole.replace(/^…\s*/u, '').replace(/\s*…$/u, '');
  const at = src.toLocaleLowerCase('vi').indexOf(stem.toLocaleLowerCase('vi'));
  if (at < 0) return title;
  const rest = src.slice(at + stem.length);
  // The title stopped on a space of the clause, not inside one of its syllables.
  if (!rest || !/^[\s,;.:)]/u.test(rest)) return title;
  const ends: number[] = [];
  const phrase = PHRASE_END.exec(rest);
  if (phrase) ends.push(phrase.index);
  else if (!clipped) ends.push(rest.length);
  const cite = CITATION.exec(rest);
  if (cite) ends.push(cite.index);
  const end = ends.length ? Math.min(...ends) : -1;
  const glitch = RUN_TOGETHER.exec(rest);
  const room = Math.min(maxExtra, glitch ? glitch.index : Infinity);
  if (end > 0 && end <= room) return stem + rest.slice(0, end).replace(/[\s,;:]+$/u, '');
  // Too long to give whole: up to the last word that starts a new part of the sentence, else as clipped.
  const window = rest.slice(0, room);
  let cut = -1;
  for (const m of window.matchAll(BOUNDARY_WORDS)) if (m.index > 0) cut = m.index;
  const comma = window.lastIndexOf(',');
  if (comma > cut) cut = comma;
  if (cut <= 0) return title;
  return `${stem}${rest.slice(0, cut).replace(/[\s,;:]+$/u, '')}…`;
}
