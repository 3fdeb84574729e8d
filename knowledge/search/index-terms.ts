import type { IndexTerms } from '../store/knowledge-store.ts';
import { terms } from '../vietnamese/tokenize.ts';

/**
 * How a chunk's text becomes full-text terms. Recorded in the store: a knowledge base indexed
 * another way is emptied on open and filled again by the next ingest (knowledge-base.ts).
 */
export const INDEX_TERMS_VERSION = 2;

/**
 * The opening syllables of a chunk count twice. They are the title and heading of a lesson's
 * chunk, or the sentence an FAQ answer opens with, and say what the chunk is about; counting them
 * again is field weighting inside the one FTS5 row (BM25F-like: same document frequencies, a
 * higher term frequency). Measured on the training split of UIT-ViCoV19QA (README.md, "External
 * set"): +1.6 points hit@5 at 15 syllables; 10, 20 or 30 did less.
 */
export const LEAD_SYLLABLES = 15;

/**
 * A text's terms in the four FTS columns: syllables and neighbour pairs, accented and folded, in
 * text order. The opening is a count of leading terms (its pairs are those between its syllables,
 * which come first in the pair columns too); the store writes them twice.
 */
export function indexTerms(text: string): IndexTerms {
  const { accented, folded } = terms(text);
  const acc: string[] = [];
  const accPair: string[] = [];
  const fold: string[] = [];
  const foldPair: string[] = [];
  let openingPairs = 0;
  accented.forEach((term, i) => {
    if (!term.includes('_')) {
      acc.push(term);
      fold.push(folded[i]!);
      return;
    }
    accPair.push(term);
    foldPair.push(folded[i]!);
    if (acc.length < LEAD_SYLLABLES) openingPairs++;
  });
  return {
    acc: acc.join(' '),
    accPair: accPair.join(' '),
    fold: fold.join(' '),
    foldPair: foldPair.join(' '),
    opening: { syllables: Math.min(acc.length, LEAD_SYLLABLES), pairs: openingPairs },
  };
}
