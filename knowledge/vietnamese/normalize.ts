/**
 * Vietnamese text normalization: NFC, one tone-mark placement, and diacritic folding.
 *
 * Residents type "hoà" and "hòa", "thuỷ" and "thủy", precomposed or decomposed (NFD) characters,
 * or no diacritics at all. Everything that is indexed or searched passes through here so that all
 * spellings of a syllable meet in one form.
 */

/** Combining tone marks: huyền, sắc, ngã, hỏi, nặng. */
const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
/** Vowels that carry a quality mark (ă â ê ô ơ ư): the tone goes on them when present. */
const MARKED_VOWELS = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);
const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);

const WORD = /\p{L}+/gu;
const syllableCache = new Map<string, string>();

/**
 * Puts the tone mark of one syllable where traditional orthography puts it ("hòa", "thủy",
 * "hoàn", "thuyền", "quý", "già"). Words that are not Vietnamese syllables pass through intact.
 */
export function unifyToneMark(word: string): string {
  const cached = syllableCache.get(word);
  if (cached !== undefined) return cached;
  const result = placeTone(word);
  if (syllableCache.size < 200_000) syllableCache.set(word, result);
  return result;
}

function placeTone(word: string): string {
  const decomposed = word.normalize('NFD');
  let tone = '';
  let bare = '';
  for (const ch of decomposed) {
    if (TONE_MARKS.has(ch)) {
      if (tone) return word.normalize('NFC'); // two tone marks: not a Vietnamese syllable
      tone = ch;
    } else bare += ch;
  }
  if (!tone) return word.normalize('NFC');

  const letters = [...bare.normalize('NFC')];
  const lower = letters.map((c) => c.toLowerCase());
  let start = 0;
  // "qu" and "gi" (before another vowel) are consonants, not part of the vowel cluster.
  if (lower[0] === 'q' && lower[1] === 'u') start = 2;
  else if (lower[0] === 'g' && lower[1] === 'i' && lower[2] !== undefined && VOWELS.has(lower[2])) start = 2;
  while (start < lower.length && !VOWELS.has(lower[start]!)) start++;
  let end = start;
  while (end < lower.length && VOWELS.has(lower[end]!)) end++;
  if (end === start) return word.normalize('NFC'); // no vowel: leave it

  let at = -1;
  for (let i = start; i < end; i++) if (MARKED_VOWELS.has(lower[i]!)) at = i;
  if (at < 0) {
    const size = end - start;
    const hasFinal = end < lower.length;
    if (size === 1) at = start;
    else if (hasFinal) at = end - 1;
    else if (size === 3) at = start + 1;
    else at = start;
  }
  letters[at] = (letters[at]! + tone).normalize('NFC');
  return letters.join('');
}

/** NFC plus unified tone marks in every word; other characters are kept as they are. */
export function normalizeVietnamese(text: string): string {
  return text.normalize('NFC').replace(WORD, unifyToneMark);
}

/** Removes every diacritic and maps đ→d, Đ→D ("Đăng ký" → "Dang ky"). Case is kept. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** True when the text contains at least one Vietnamese diacritic (including đ). */
export function hasDiacritics(text: string): boolean {
  return /[\u0300-\u036f]/.test(text.normalize('NFD')) || /[đĐ]/.test(text);
}
