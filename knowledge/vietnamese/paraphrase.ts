/**
 * The lessons' wording for what residents say in everyday words ("tắt tiếng nhóm" → "tắt
 * thông báo", "mật mã" → "mật khẩu"). A question is matched on whole words: accent-exact when
 * the person typed diacritics, folded when not, so "mua" (buy) never fires "mưa" (rain).
 */
import { foldDiacritics, hasDiacritics } from './normalize.ts';
import { SYNONYMS } from './synonyms.ts';
import { canonical } from './tokenize.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Entry {
  accented: RegExp;
  folded: RegExp;
  wording: readonly string[];
}

/** Whole words, with up to two words between them ("bán lại cái điện thoại cũ" holds "bán điện thoại cũ"). */
const wholeWords = (phrase: string) =>
  new RegExp(
    `(?<![\\p{L}\\p{N}])${phrase.split(/\s+/).map(escape).join('(?:\\s+[\\p{L}\\p{N}]+){0,2}?\\s+')}(?![\\p{L}\\p{N}])`,
    'u',
  );
const SYLLABLE = /[\p{L}\p{N}]+/gu;
const syllablesOf = (text: string) => foldDiacritics(text).match(SYLLABLE) ?? [];

/** Entries by their first syllable, folded: a question is tested only against phrases that can occur in it. */
const BY_FIRST = new Map<string, Entry[]>();
for (const [said, wording] of Object.entries(SYNONYMS)) {
  const form = canonical(said);
  const first = syllablesOf(form)[0];
  if (!first) continue;
  const entry = { accented: wholeWords(form), folded: wholeWords(foldDiacritics(form)), wording };
  BY_FIRST.set(first, [...(BY_FIRST.get(first) ?? []), entry]);
}

/** The lesson phrases for the everyday phrases a text holds, without repeats. */
export function lessonWording(text: string): string[] {
  const accented = hasDiacritics(text);
  const typed = canonical(text);
  const form = accented ? typed : foldDiacritics(typed);
  const out = new Set<string>();
  for (const syllable of new Set(syllablesOf(typed))) {
    for (const entry of BY_FIRST.get(syllable) ?? []) {
      if ((accented ? entry.accented : entry.folded).test(form)) for (const w of entry.wording) out.add(w);
    }
  }
  return [...out];
}
