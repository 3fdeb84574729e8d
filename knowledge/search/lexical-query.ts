import type { ColumnWeights, KnowledgeStore } from '../store/knowledge-store.ts';
import { hasDiacritics } from '../vietnamese/normalize.ts';
import { expandAbbreviations, terms } from '../vietnamese/tokenize.ts';

export interface LexicalQuery {
  /** FTS5 MATCH expression, or '' when no query term occurs in the index. */
  expression: string;
  /** Column weights for bm25(): accented matches count on top of folded ones. */
  weights: ColumnWeights;
}

/**
 * FTS5's bm25() reads the whole posting list of every phrase (for its idf), whatever the query
 * matches: a query costs about the sum of its terms' document frequencies. Terms in more than
 * half of the chunks score nothing (FTS5 clamps their idf), lists longer than 2,000 are never read
 * (query p50 at 100k chunks from ~20 ms to under 5 ms; `npm run bench`), and a long question
 * stops at a budget of postings, rarest terms first.
 *
 * Measured on the training split of UIT-ViCoV19QA (README.md, "External set"; 26-word questions,
 * 4,450 passages): the earlier limits (10% of the chunks, 48 terms) cost 2.3 points hit@5; the
 * budget keeps all of it at ~12 ms a question, where reading every list costs ~25 ms.
 */
const maxDocumentFrequency = (chunks: number): number => Math.min(0.5 * chunks, 2000);
export const POSTINGS_BUDGET = 10_000;
/** Bounds the expression FTS5 parses; an accented syllable brings four terms (pair, folded). */
export const MAX_TERMS = 128;

/** Measured flat on the training split; kept apart so that they can be tuned per corpus. */
const WEIGHTS: ColumnWeights = [1, 1, 1, 1];

/**
 * Turns what a person typed into an FTS5 query: teencode expanded, syllables and pairs, folded
 * always and accented when the person typed diacritics (so "bàn" ranks "bàn" above "bán"), terms
 * unknown to the index or too common dropped, the rarest kept within the budget.
 */
export function buildLexicalQuery(text: string, store: KnowledgeStore): LexicalQuery {
  const expanded = expandAbbreviations(text);
  const { accented, folded } = terms(expanded);
  const typedAccents = hasDiacritics(text);
  const candidates = typedAccents ? [...new Set([...accented, ...folded])] : [...new Set(folded)];
  const keptSet = new Set(chooseTerms(candidates, store.documentFrequencies(candidates), store.chunkCount()));
  const parts: string[] = [];
  const add = (column: string, list: string[], pairs: boolean) => {
    const chosen = [...new Set(list.filter((t) => keptSet.has(t) && t.includes('_') === pairs))];
    if (chosen.length) parts.push(`${column} : (${chosen.map((t) => `"${t}"`).join(' OR ')})`);
  };
  if (typedAccents) {
    add('acc', accented, false);
    add('acc_pair', accented, true);
  }
  add('fold', folded, false);
  add('fold_pair', folded, true);
  return { expression: parts.join(' OR '), weights: WEIGHTS };
}

/**
 * The terms worth searching, rarest first: those the index knows (`df`: chunks holding each),
 * not in more than half of the chunks (unless no other is known), within the postings budget.
 * The rarest is kept whatever it costs, so that a query of common words still finds something.
 */
export function chooseTerms(candidates: string[], df: Map<string, number>, chunks: number): string[] {
  const known = candidates.filter((t) => df.has(t)).sort((a, b) => df.get(a)! - df.get(b)!);
  const cutOff = maxDocumentFrequency(Math.max(1, chunks));
  const usable = known.filter((t) => df.get(t)! <= cutOff);
  const kept: string[] = [];
  let postings = 0;
  for (const term of usable.length ? usable : known) {
    postings += df.get(term)!;
    if (kept.length === MAX_TERMS || (kept.length > 0 && postings > POSTINGS_BUDGET)) break;
    kept.push(term);
  }
  return kept;
}
