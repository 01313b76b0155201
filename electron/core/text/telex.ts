/**
 * Raw Telex / VNI keystrokes typed with the Vietnamese keyboard switched off:
 * "caaps pheps" → "cấp phép", "dd" → "đ", "ca6p1" → "cấp". Only used when a
 * query finds nothing, to offer "Có phải bạn muốn tìm …".
 */

const TONES: Record<string, string> = {
  s: '\u0301', f: '\u0300', r: '\u0309', x: '\u0303', j: '\u0323',
  '1': '\u0301', '2': '\u0300', '3': '\u0309', '4': '\u0303', '5': '\u0323',
};

/** Vowel and đ modifiers, longest first. */
const MODIFIERS: Array<[RegExp, string]> = [
  [/uow|uwow|u7o7|uo7/g, 'ươ'],
  [/dd|d9/g, 'đ'],
  [/aa|a6/g, 'â'],
  [/aw|a8/g, 'ă'],
  [/ee|e6/g, 'ê'],
  [/oo|o6/g, 'ô'],
  [/ow|o7/g, 'ơ'],
  [/uw|u7/g, 'ư'],
  [/(?<=^|[bcdđghklmnpqrstvx])w/g, 'ư'],
];

const VOWELS = 'aăâeêioôơuưy';
const MODIFIED = 'ăâêôơư';
const FINALS = /(ch|ng|nh|[cmnpt])$/;

function placeTone(word: string, tone: string): string {
  // Leading qu / gi: their u / i belong to the consonant when another vowel follows.
  let from = 0;
  if (/^qu[aăâeêioôơuưy]/.test(word)) from = 2;
  else if (/^gi[aăâeêoôơuưy]/.test(word)) from = 2;
  let first = -1;
  let last = -1;
  for (let i = from; i < word.length; i++) {
    if (VOWELS.includes(word[i] ?? '')) {
      if (first < 0) first = i;
      last = i;
    } else if (first >= 0) break;
  }
  if (first < 0) return word;
  const cluster = word.slice(first, last + 1);
  const hasFinal = FINALS.test(word.slice(last + 1));
  let at: number;
  const modified = [...cluster].findIndex((c, i) => MODIFIED.includes(c) && !(c === 'ư' && cluster[i + 1] === 'ơ'));
  if (modified >= 0) at = first + modified;
  else if (hasFinal || cluster.length === 1) at = last;
  else if (cluster.length === 3) at = first + 1;
  else if (/^(oa|oe|uy)$/.test(cluster)) at = last;
  else at = first;
  return (word.slice(0, at + 1) + tone + word.slice(at + 1)).normalize('NFC');
}

/**
 * A vowel key typed after the final consonant, as Telex keyboards accept: "lana" → lân, "tuongw" → tương,
 * "lamw" → lăm. No Vietnamese syllable has a vowel after its final, so nothing else is read this way.
 */
function lateModifier(s: string): string {
  const m = /^([^aeiouy]*)([aeiouy]+)(ch|ng|nh|[cmnpt])([aeow])$/.exec(s);
  if (!m) return s;
  const [, head, vowels, final, key] = m as unknown as [string, string, string, string, string];
  let changed: string | null = null;
  if (key === 'w') {
    if (vowels.includes('uo')) changed = vowels.replace('uo', 'uow');
    else if (/[aou]/.test(vowels)) changed = vowels.replace(/[aou](?!.*[aou])/, (v) => `${v}w`);
  } else if (vowels.includes(key)) changed = vowels.replace(key, `${key}${key}`);
  return changed ? `${head}${changed}${final}` : s;
}

/** One word of raw keystrokes → Vietnamese, or null when it does not look like Telex/VNI. */
export function decodeTelexWord(word: string): string | null {
  const w = word.toLowerCase();
  if (!/^[a-z0-9]+$/.test(w) || !/[a-z]/.test(w)) return null;
  let s = w;
  let tone = '';
  // The tone key is typed last (s f r x j, or VNI 1-5); none of them ends a Vietnamese syllable.
  const last = s[s.length - 1] ?? '';
  if (s.length > 1 && TONES[last] && /[aeiouyw0-9]/.test(s.slice(0, -1))) {
    tone = TONES[last] ?? '';
    s = s.slice(0, -1);
  } else {
    // VNI users may type the tone digit right after the vowel ("phe1p"); Telex users the tone key before
    // the final consonant ("lafm" → làm, "phesp" → phép): no Vietnamese syllable has s f r x j there.
    const mid = /(?<=[aeiouy6789])[1-5](?=[a-z])/.exec(s) ?? /(?<=[aeiouyw])[sfrxj](?=(?:ch|ng|nh|[cmnpt])$)/.exec(s);
    if (mid) {
      tone = TONES[mid[0]] ?? '';
      s = s.slice(0, mid.index) + s.slice(mid.index + 1);
    }
  }
  s = lateModifier(s);
  for (const [re, to] of MODIFIERS) s = s.replace(re, to);
  if (/[0-9]/.test(s)) return null;
  if (tone) s = placeTone(s, tone);
  s = s.normalize('NFC');
  return s === w ? null : s;
}

/** Whole query decoded, or null when no word changed. */
export function decodeTelex(query: string): string | null {
  let changed = false;
  const out = query
    .normalize('NFC')
    .split(/(\s+)/)
    .map((part) => {
      const d = /\s/.test(part) ? null : decodeTelexWord(part);
      if (d) changed = true;
      return d ?? part;
    })
    .join('');
  return changed ? out.trim() : null;
}
