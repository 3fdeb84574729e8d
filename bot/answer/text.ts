/**
 * Text helpers of the answer engine: the forms a question is matched in, phrase matchers that
 * respect diacritics when the person typed them, sentence and step splitting, and trimming.
 */
import { foldDiacritics, hasDiacritics } from '../../knowledge/vietnamese/normalize.ts';
import { canonical, expandAbbreviations } from '../../knowledge/vietnamese/tokenize.ts';

export interface QuestionText {
  /** As typed, trimmed and NFC. */
  raw: string;
  /** Lower case, canonical tone marks, teencode expanded (alternatives after " | "). */
  expanded: string;
  /** `expanded` without diacritics: the form every rule can match. */
  folded: string;
  /** Whether the person typed diacritics: accented rules are then trusted over folded ones. */
  accented: boolean;
}

export function readQuestion(text: string): QuestionText {
  const raw = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  const expanded = expandAbbreviations(raw);
  return { raw, expanded, folded: foldDiacritics(expanded), accented: hasDiacritics(raw) };
}

const SYLLABLE = /[\p{L}\p{N}]+/gu;

export const syllables = (text: string): string[] => canonical(text).match(SYLLABLE) ?? [];
export const foldedSyllables = (text: string): string[] => syllables(foldDiacritics(text));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A set of phrases (accented, lower case; `\d` style regex fragments allowed with `re:`) matched
 * on whole words. Accented questions are matched accent-exact, unaccented ones folded, so
 * "mưa" (rain) does not fire on "mua" (buy) when the person typed the marks. A phrase marked
 * `accented:` is matched only as typed with its marks: folded, "nhậu" is "nhau", "liên quân" is
 * "liên quan".
 */
export class PhraseMatcher {
  private readonly accentedRe: RegExp;
  private readonly foldedRe: RegExp;

  constructor(phrases: readonly string[]) {
    const source = (fold: boolean) =>
      phrases
        .filter((p) => !(fold && p.startsWith('accented:')))
        .map((p) => p.replace(/^accented:/, ''))
        .map((p) =>
          p.startsWith('re:')
            ? fold
              ? foldDiacritics(p.slice(3))
              : p.slice(3)
            : escape(fold ? foldDiacritics(canonical(p)) : canonical(p)),
        )
        .join('|');
    this.accentedRe = new RegExp(`(?<![\\p{L}\\p{N}])(?:${source(false)})(?![\\p{L}\\p{N}])`, 'u');
    this.foldedRe = new RegExp(`(?<![\\p{L}\\p{N}])(?:${source(true)})(?![\\p{L}\\p{N}])`, 'u');
  }

  test(q: QuestionText): boolean {
    if (!q.accented) return this.foldedRe.test(q.folded);
    if (this.accentedRe.test(q.expanded)) return true;
    // A word typed without marks inside an accented question still counts.
    const m = this.foldedRe.exec(q.folded);
    return m ? !hasDiacritics(q.expanded.slice(m.index, m.index + m[0].length)) : false;
  }
}

/** Removes Markdown emphasis and link syntax that a chat message should not show. */
export function plain(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(^|\s)\*(\S.*?)\*/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Splits prose into sentences; keeps abbreviations such as "TP." and numbers like "1.5" intact. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+(?=[\p{Lu}\d"“(])|\n+/u)
    .map((s) => s.replace(/^[-•]\s*/, '').trim())
    .filter((s) => /[\p{L}]/u.test(s));
}

/**
 * Numbered steps of a list. Chunks sometimes glue one step's end to the next number
 * ("…bấm Nhận.2. Mở VNeID"), so a number followed by ". " after a sentence end also starts a step.
 */
export function splitSteps(text: string): { number: number; text: string }[] {
  const marked = text.replace(/(^|\n|[.!?:)”"*])\s*(\d{1,2})\.\s+(?=\S)/gu, '$1\n§$2§ ');
  const steps: { number: number; text: string }[] = [];
  for (const part of marked.split('\n')) {
    const m = /^§(\d+)§ (.*)$/su.exec(part.trim());
    if (m) steps.push({ number: Number(m[1]), text: m[2]!.trim() });
    else if (steps.length && part.trim()) steps[steps.length - 1]!.text += ` ${part.trim()}`;
  }
  return steps.filter((s) => /\p{L}/u.test(s.text));
}

/** Ends a clause with a full stop unless it already ends a sentence. */
export function asSentence(text: string): string {
  return /[.!?…]$/u.test(text) ? text : `${text}.`;
}

/** Cuts text at a word boundary so that it fits `max` characters, ending with "…". */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:–-]+$/u, '')}…`;
}

/** First sentence of a text, clipped. */
export function firstSentence(text: string, max = 200): string {
  return clip(sentences(text)[0] ?? text, max);
}
