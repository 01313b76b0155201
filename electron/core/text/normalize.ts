/**
 * Vietnamese text normalisation shared by the extractor and the search.
 *
 * Two forms:
 * - exact(): NFC, lower case, with ONE canonical spelling of words that have two
 *   accepted spellings (old/new tone placement hòa/hoà, khỏe/khoẻ, thủy/thuỷ, and
 *   i/y after a consonant kĩ/kỹ, quí/quý). Tone marks still matter here ("ma" ≠ "má").
 * - fold(): exact() with every mark removed and đ → d: what a query typed
 *   without marks matches.
 * Why not an ASCII strip: it would delete đ/Đ, which must fold to d.
 * Both are word-local (no character moves across a word boundary), so offsets of
 * words found in the original text stay meaningful for highlighting.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** The five Vietnamese tone marks as NFD combining characters. */
const TONE = '[\\u0300\\u0301\\u0303\\u0309\\u0323]';
/** A word ends where no letter, mark or digit follows. */
const WORD_END = '(?![\\p{L}\\p{M}\\p{N}])';
const WORD_START = '(?<![\\p{L}\\p{M}\\p{N}])';

/**
 * Open syllables ending in oa / oe / uy carry the tone on the first vowel in the
 * old style (hòa, khỏe, thủy) and on the second in the new style (hoà, khoẻ, thuỷ).
 * We keep the new style. A final consonant (hoàn, khuyến) leaves no choice, so the
 * rule only applies at the end of a word. "qu" + y (quý) is not a uy diphthong but
 * is written the same way in both styles, so the rule is harmless there.
 */
const OLD_TONE_PLACEMENT = new RegExp(`(o)(${TONE})([ae])${WORD_END}|(u)(${TONE})(y)${WORD_END}`, 'gu');

/**
 * i/y after an initial consonant in a one-vowel syllable: kĩ/kỹ, quí/quý, lí/lý,
 * mĩ/mỹ, tỉ/tỷ. We keep i. Syllables where y follows another vowel (thuỷ, tuyến)
 * and a bare y (y tế, ý kiến) are different words and stay as they are.
 */
const CONSONANT_Y = new RegExp(
  `${WORD_START}(qu|ph|th|tr|ch|kh|nh|ng|gh|[bcdđghklmnprstvx])y(${TONE}?)${WORD_END}`,
  'gu',
);

function canonicalSpelling(nfdLower: string): string {
  return nfdLower
    .replace(OLD_TONE_PLACEMENT, (_m, o, t1, ae, u, t2, y) => (o ? `${o}${ae}${t1}` : `${u}${y}${t2}`))
    .replace(CONSONANT_Y, '$1i$2');
}

/** NFC + lower case + canonical spelling: the exact form, where tone marks still matter. */
export function exact(text: string): string {
  const lower = text.normalize('NFC').toLowerCase().normalize('NFD');
  return canonicalSpelling(lower).normalize('NFC');
}

/** Marks removed, đ → d, lower case, canonical spelling: the form a query typed without marks matches. */
export function fold(text: string): string {
  const stripped = exact(text).normalize('NFD').replace(COMBINING_MARKS, '').replace(/[đĐ]/g, 'd').toLowerCase();
  // Stripping can bring a consonant next to a y (garbage marks in between): canonicalise again.
  return canonicalSpelling(stripped.normalize('NFD')).normalize('NFC');
}

/** True when the text carries any Vietnamese mark (tone or vowel mark, or đ). */
export function hasMarks(text: string): boolean {
  return exact(text) !== fold(text);
}
