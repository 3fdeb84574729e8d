import { foldTerm, phrases } from '../../knowledge/vietnamese/tokenize.ts';
import { expansionsOf } from '../../knowledge/vietnamese/abbreviations.ts';

/**
 * Grouping of similar questions for the "unanswered questions" page. Each stored question gets a
 * fingerprint (its folded, de-teencoded content words, sorted), so "Cách cài VNeID?" and
 * "cach cai vneid ko dc" meet in SQL; the most frequent fingerprints are then merged when their
 * words overlap enough.
 */

/** Words that carry no topic: politeness, question words, pronouns. */
const FILLER = new Set(
  (
    'a ạ à ơi oi cach cách nhe nhé nha ha hả vay vậy the thế nao nào sao gi gì lam làm cho toi tôi minh mình em anh chi chị ' +
    'ban bạn co có khong không duoc được hoi hỏi xin voi với la là cua của thi thì va và mot một nhu như can cần ' +
    'giup giúp e a1 ko k dc đc j vs bn'
  ).split(' '),
);

/** The content words of a question, folded (no diacritics, đ→d) and with teencode expanded. */
export function contentWords(text: string): string[] {
  const words: string[] = [];
  for (const syllables of phrases(text))
    for (const syllable of syllables) {
      if (FILLER.has(syllable)) continue;
      const expanded = expansionsOf(syllable)?.[0] ?? syllable;
      for (const part of expanded.split(' ')) {
        const folded = foldTerm(part);
        if (!FILLER.has(folded)) words.push(folded);
      }
    }
  return words;
}

/** A key equal for questions that differ only in accents, case, order, teencode or filler. */
export function questionFingerprint(text: string): string {
  return [...new Set(contentWords(text))].sort().join(' ').slice(0, 200);
}

export interface FingerprintCount {
  fingerprint: string;
  count: number;
  /** One of the questions, as stored (redacted). */
  example: string;
  lastDay: number;
}

export interface QuestionGroup {
  /** The most asked fingerprint of the group, used as its id. */
  key: string;
  count: number;
  examples: string[];
  lastDay: number;
}

/** Merges fingerprints whose word sets overlap (Jaccard ≥ threshold) into groups, largest first. */
export function groupSimilar(counts: FingerprintCount[], threshold = 0.6): QuestionGroup[] {
  const groups: (QuestionGroup & { words: Set<string> })[] = [];
  for (const item of [...counts].sort((a, b) => b.count - a.count)) {
    const words = new Set(item.fingerprint.split(' ').filter(Boolean));
    const home = groups.find((g) => jaccard(g.words, words) >= threshold);
    if (home) {
      home.count += item.count;
      if (home.examples.length < 5) home.examples.push(item.example);
      home.lastDay = Math.max(home.lastDay, item.lastDay);
    } else
      groups.push({
        key: item.fingerprint,
        count: item.count,
        examples: [item.example],
        lastDay: item.lastDay,
        words,
      });
  }
  return groups.sort((a, b) => b.count - a.count).map(({ words: _words, ...group }) => group);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (!a.size && !b.size) return 1;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}
