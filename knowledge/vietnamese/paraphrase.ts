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

const wholeWords = (phrase: string) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(phrase)}(?![\\p{L}\\p{N}])`, 'u');

const ENTRIES: Entry[] = Object.entries(SYNONYMS).map(([said, wording]) => ({
  accented: wholeWords(canonical(said)),
  folded: wholeWords(foldDiacritics(canonical(said))),
  wording,
}));

/** The lesson phrases for the everyday phrases a text holds, without repeats. */
export function lessonWording(text: string): string[] {
  const accented = hasDiacritics(text);
  const typed = canonical(text);
  const form = accented ? typed : foldDiacritics(typed);
  const out = new Set<string>();
  for (const entry of ENTRIES) {
    if ((accented ? entry.accented : entry.folded).test(form)) for (const w of entry.wording) out.add(w);
  }
  return [...out];
}
