/**
 * The lessons' wording for what residents say in everyday words ("tắt tiếng nhóm" → "tắt
 * thông báo", "mật mã" → "mật khẩu"). A question is matched on whole words, teencode spelled
 * out: accent-exact when the person typed diacritics, folded when not, so "mua" (buy) never
 * fires "mưa" (rain).
 */
import { foldDiacritics, hasDiacritics } from './normalize.ts';
import { SYNONYMS } from './synonyms.ts';
import { canonical, expandAbbreviations } from './tokenize.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

interface Entry {
  said: string;
  accented: RegExp;
  folded: RegExp;
  wording: readonly string[];
}

/** An everyday phrase found in a text, with the lessons' wording for it. */
export interface EverydayPhrase {
  said: string;
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
  const entry = { said: form, accented: wholeWords(form), folded: wholeWords(foldDiacritics(form)), wording };
  BY_FIRST.set(first, [...(BY_FIRST.get(first) ?? []), entry]);
}

/** The everyday phrases a text holds. */
export function everydayPhrases(text: string): EverydayPhrase[] {
  const accented = hasDiacritics(text);
  // Teencode spelled out first: "ban dt cu" holds "bán điện thoại cũ".
  const typed = expandAbbreviations(text).split(' | ')[0]!;
  const form = accented ? typed : foldDiacritics(typed);
  const out: EverydayPhrase[] = [];
  for (const syllable of new Set(syllablesOf(typed))) {
    for (const entry of BY_FIRST.get(syllable) ?? []) {
      if ((accented ? entry.accented : entry.folded).test(form)) out.push({ said: entry.said, wording: entry.wording });
    }
  }
  return out;
}

/** The lesson phrases for the everyday phrases a text holds, without repeats. */
export function lessonWording(text: string): string[] {
  return [...new Set(everydayPhrases(text).flatMap((p) => p.wording))];
}
