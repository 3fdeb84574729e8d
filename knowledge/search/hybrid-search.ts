import type { KnowledgeBase } from '../knowledge-base.ts';
import type { SearchFilter, SearchHit } from '../types.ts';
import { buildLexicalQuery } from './lexical-query.ts';

export interface HybridOptions {
  /** Candidates taken from each engine before fusion. */
  candidates: number;
  /** Share of the vector engine in the fused score (0: lexical only, 1: vectors only). */
  vectorShare: number;
}

/**
 * Defaults measured on the training split of a Vietnamese QA set (eval/README.md): the lexical
 * engine is the stronger one, the vectors add typo and synonym recall at a small share.
 */
export const DEFAULT_HYBRID: HybridOptions = { candidates: 50, vectorShare: 0.1 };

/**
 * Hybrid retrieval: FTS5 BM25 over accented and folded syllable terms, fused with HNSW
 * neighbours of the query vector. Scores are fused convexly after scaling each engine's scores
 * to [0, 1] by its best candidate, so a strong lexical match is not outvoted by rank alone.
 */
export class HybridSearch {
  constructor(
    private readonly kb: KnowledgeBase,
    private readonly options: HybridOptions = DEFAULT_HYBRID,
  ) {}

  async search(query: string, { k = 10, filter = {} as SearchFilter } = {}): Promise<SearchHit[]> {
    const { candidates, vectorShare } = this.options;
    const fused = new Map<number, { score: number; lexicalRank?: number; vectorRank?: number }>();
    const entry = (id: number) => fused.get(id) ?? fused.set(id, { score: 0 }).get(id)!;

    const lexical = buildLexicalQuery(query, this.kb.store);
    if (lexical.expression && vectorShare < 1) {
      const rows = this.kb.store.matchChunks(lexical.expression, candidates, lexical.weights, filter);
      const best = rows[0]?.score || 1;
      rows.forEach((row, i) => {
        const e = entry(row.id);
        e.lexicalRank = i + 1;
        e.score += (1 - vectorShare) * (row.score / best);
      });
    }

    const vectors = this.kb.vectorIndex;
    if (vectors && vectorShare > 0 && /[\p{L}\p{N}]/u.test(query)) {
      const filtered = Object.keys(filter).length > 0;
      const queryVector = await this.kb.embedder.embedQuery(query);
      let near = vectors.search(queryVector, filtered ? candidates * 4 : candidates);
      if (filtered) {
        const allowed = this.kb.store.filterChunkIds(
          near.map((n) => n.id),
          filter,
        );
        near = near.filter((n) => allowed.has(n.id));
      }
      const best = Math.max(near[0]?.similarity ?? 0, 1e-6);
      near.slice(0, candidates).forEach((n, i) => {
        const e = entry(n.id);
        e.vectorRank = i + 1;
        e.score += vectorShare * (Math.max(0, n.similarity) / best);
      });
    }

    const ranked = [...fused.entries()].sort((a, b) => b[1].score - a[1].score).slice(0, k);
    const chunks = this.kb.store.chunksByIds(ranked.map(([id]) => id));
    const byId = new Map(chunks.map((c) => [c.id, c]));
    return ranked.flatMap(([id, f]) => {
      const chunk = byId.get(id);
      return chunk ? [{ chunk, ...f }] : [];
    });
  }
}
