/**
 * Syllable analysis for indexing and search.
 *
 * Vietnamese words are made of syllables separated by spaces ("dịch vụ công"), so we index each
 * syllable and each pair of neighbouring syllables (the pair carries much of the meaning and
 * tells apart syllables that fold to the same letters). Every term exists twice: as written
 * (accented) and folded (no diacritics, đ→d), so an unaccented query meets accented text.
 */
import { expansionsOf } from './abbreviations.ts';
import { standardAsking } from './dialect.ts';
import { foldDiacritics, normalizeVietnamese } from './normalize.ts';

/** Punctuation that ends a phrase: no syllable pair is formed across it. */
const PHRASE_BREAK = /[.,;:!?()[\]{}"“”‘’'«»…|\n\r\t•*#>]+/u;
const SYLLABLE = /[\p{L}\p{N}]+/gu;

/** Lower-case, NFC, unified tone marks. */
export function canonical(text: string): string {
  return normalizeVietnamese(text).toLowerCase();
}

/** The syllables of the text, phrase by phrase. */
export function phrases(text: string): string[][] {
  return canonicalPhrases(canonical(text));
}

/** `phrases` of a text already in canonical form (as `expandAbbreviations` returns it). */
export function canonicalPhrases(text: string): string[][] {
  const out: string[][] = [];
  for (const part of text.split(PHRASE_BREAK)) {
    const syllables = part.match(SYLLABLE);
    if (syllables) out.push(syllables);
  }
  return out;
}

/** A syllable pair as one index term. `_` is declared a token character in the FTS5 table. */
export const pairTerm = (a: string, b: string): string => `${a}_${b}`;

export interface Terms {
  /** Syllables and syllable pairs as written (lower case, canonical tone marks). */
  accented: string[];
  /** The same terms folded to plain letters. */
  folded: string[];
}

/** Unigrams and bigrams of the text, accented and folded, in order (duplicates kept: they are tf). */
export function terms(text: string): Terms {
  return canonicalTerms(canonical(text));
}

/** `terms` of a text already in canonical form (as `expandAbbreviations` returns it). */
export function canonicalTerms(text: string): Terms {
  const accented: string[] = [];
  const folded: string[] = [];
  for (const syllables of canonicalPhrases(text)) {
    const plain = syllables.map(foldTerm);
    for (let i = 0; i < syllables.length; i++) {
      accented.push(syllables[i]!);
      folded.push(plain[i]!);
      if (i + 1 < syllables.length) {
        accented.push(pairTerm(syllables[i]!, syllables[i + 1]!));
        folded.push(pairTerm(plain[i]!, plain[i + 1]!));
      }
    }
  }
  return { accented, folded };
}

const foldCache = new Map<string, string>();
/** Folds one syllable (or term), cached: the vocabulary is small and folding is on the ingest hot path. */
export function foldTerm(term: string): string {
  let folded = foldCache.get(term);
  if (folded === undefined) {
    folded = foldDiacritics(term);
    if (foldCache.size < 500_000) foldCache.set(term, folded);
  }
  return folded;
}

/**
 * Rewrites teencode, abbreviations and regional asking words ("ko dc" → "không được", "cccd" →
 * "căn cước công dân", "làm răng" → "làm sao").
 * Alternative meanings are appended as separate phrases so they can match without forming
 * false syllable pairs.
 */
export function expandAbbreviations(text: string): string {
  const alternatives: string[] = [];
  const main = standardAsking(canonical(text)).replace(SYLLABLE, (token) => {
    const expansions = expansionsOf(token);
    if (!expansions) return token;
    alternatives.push(...expansions.slice(1));
    return expansions[0]!;
  });
  return alternatives.length ? `${main} | ${alternatives.join(' | ')}` : main;
}
