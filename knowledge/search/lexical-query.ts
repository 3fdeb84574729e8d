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
 * Terms found in more chunks than this say little and make every query slow (their posting lists
 * are long). Small knowledge bases keep all terms up to 500 chunks; large ones drop terms past 10%
 * of the chunks and never scan lists longer than 2,000 (measured: same quality on the training
 * split, query p50 at 100k chunks from ~20 ms to under 5 ms; `npm run bench`).
 */
const maxDocumentFrequency = (chunks: number): number => Math.min(Math.max(0.1 * chunks, 500), 2000);
/** Enough terms for a long question; the rarest are kept. */
const MAX_TERMS = 48;

/** Measured flat on the training split; kept apart so that they can be tuned per corpus. */
const WEIGHTS: ColumnWeights = [1, 1, 1, 1];

/**
 * Turns what a person typed into an FTS5 query: teencode expanded, syllables and pairs, folded
 * always and accented when the person typed diacritics (so "bàn" ranks "bàn" above "bán"), terms
 * unknown to the index or too common dropped, the rarest kept.
 */
export function buildLexicalQuery(text: string, store: KnowledgeStore): LexicalQuery {
  const expanded = expandAbbreviations(text);
  const { accented, folded } = terms(expanded);
  const typedAccents = hasDiacritics(text);
  const candidates = typedAccents ? [...new Set([...accented, ...folded])] : [...new Set(folded)];
  const df = store.documentFrequencies(candidates);
  const total = Math.max(1, store.chunkCount());
  const known = candidates.filter((t) => df.has(t));
  const cutOff = maxDocumentFrequency(total);
  let kept = known.filter((t) => df.get(t)! <= cutOff);
  if (!kept.length) kept = known;
  kept = kept.sort((a, b) => df.get(a)! - df.get(b)!).slice(0, MAX_TERMS);

  const keptSet = new Set(kept);
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
