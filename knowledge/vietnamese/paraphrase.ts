/**
 * The lessons' wording for what residents say in everyday words ("tắt tiếng nhóm" → "tắt
 * thông báo", "mật mã" → "mật khẩu"). A question is matched on whole words, teencode spelled
 * out: accent-exact when the person typed diacritics, folded when not, so "mua" (buy) never
 * fires "mưa" (rain).
 */
import { foldDiacritics, hasDiacritics } from './normalize.ts';
import { EVERYDAY_BY_LESSON } from './everyday-by-lesson.ts';
import { SYNONYMS } from './synonyms.ts';
import { canonical, expandAbbreviations } from './tokenize.ts';

/** An everyday phrase found in a text, with the lessons' wording for it. */
export interface EverydayPhrase {
  said: string;
  wording: readonly string[];
}

interface Entry extends EverydayPhrase {
  accented: string[];
  folded: string[];
}

/** Words, and each punctuation mark on its own: a phrase never runs across a comma. */
const TOKEN = /[\p{L}\p{N}]+|[^\p{L}\p{N}\s]/gu;
const tokensOf = (text: string) => text.match(TOKEN) ?? [];
const isWord = (token: string) => /^[\p{L}\p{N}]/u.test(token);
/** Words that may stand between a phrase's words ("bán lại cái điện thoại cũ" holds "bán điện thoại cũ"). */
const MAX_GAP = 2;

/** Entries by their first word, folded: a text is tested only against phrases that can occur in it. */
const BY_FIRST = new Map<string, Entry[]>();
for (const [said, wording] of [SYNONYMS, ...Object.values(EVERYDAY_BY_LESSON)].flatMap(Object.entries)) {
  const form = canonical(said);
  const accented = tokensOf(form);
  const folded = accented.map((t) => foldDiacritics(t));
  if (!folded.length) continue;
  BY_FIRST.set(folded[0]!, [...(BY_FIRST.get(folded[0]!) ?? []), { said: form, wording, accented, folded }]);
}

/** Whether `phrase` occurs in `tokens` from `start`, each next word at most MAX_GAP words on. */
function occursAt(tokens: string[], start: number, phrase: string[]): boolean {
  let at = start;
  for (const word of phrase.slice(1)) {
    let found = -1;
    for (let next = at + 1; next <= at + 1 + MAX_GAP && next < tokens.length; next++) {
      if (tokens[next] === word) {
        found = next;
        break;
      }
      if (!isWord(tokens[next]!)) break;
    }
    if (found < 0) return false;
    at = found;
  }
  return true;
}

/** Recent answers: one question is read several times (search, weights, scope). */
const recent = new Map<string, EverydayPhrase[]>();
const RECENT_MAX = 64;

/** The everyday phrases a text holds. */
export function everydayPhrases(text: string): EverydayPhrase[] {
  const cached = recent.get(text);
  if (cached) return cached;
  const accented = hasDiacritics(text);
  // Teencode spelled out first: "ban dt cu" holds "bán điện thoại cũ".
  const typed = tokensOf(expandAbbreviations(text).split(' | ')[0]!);
  const folded = typed.map((t) => foldDiacritics(t));
  const tokens = accented ? typed : folded;
  const out: EverydayPhrase[] = [];
  for (const entry of new Set(folded.flatMap((t) => BY_FIRST.get(t) ?? []))) {
    const phrase = accented ? entry.accented : entry.folded;
    if (tokens.some((t, i) => t === phrase[0] && occursAt(tokens, i, phrase)))
      out.push({ said: entry.said, wording: entry.wording });
  }
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
  recent.set(text, out);
  return out;
}

/** The lesson phrases for the everyday phrases a text holds, without repeats. */
export function lessonWording(text: string): string[] {
  return [...new Set(everydayPhrases(text).flatMap((p) => p.wording))];
}
