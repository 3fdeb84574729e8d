/** Retrieval metrics over ranked lists of ids. */

export interface RetrievalMetrics {
  n: number;
  hit_at_1: number;
  hit_at_5: number;
  hit_at_10: number;
  mrr_at_10: number;
  p50_ms: number;
  p95_ms: number;
}

export interface RankedResult {
  /** Ids in rank order (duplicates allowed; the first occurrence counts). */
  ranked: string[];
  relevant: string[];
  ms: number;
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

export function percentile(values: number[], p: number): number {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** 1-based rank of the first relevant id within the first `limit`, or 0. */
export function firstRelevantRank(ranked: string[], relevant: string[], limit = 10): number {
  const wanted = new Set(relevant);
  const seen = new Set<string>();
  let rank = 0;
  for (const id of ranked) {
    if (seen.has(id)) continue;
    seen.add(id);
    rank++;
    if (rank > limit) return 0;
    if (wanted.has(id)) return rank;
  }
  return 0;
}

export function summarize(results: RankedResult[]): RetrievalMetrics {
  const ranks = results.map((r) => firstRelevantRank(r.ranked, r.relevant));
  const n = results.length || 1;
  const hit = (k: number) => round(ranks.filter((r) => r > 0 && r <= k).length / n);
  return {
    n: results.length,
    hit_at_1: hit(1),
    hit_at_5: hit(5),
    hit_at_10: hit(10),
    mrr_at_10: round(ranks.reduce((s, r) => s + (r ? 1 / r : 0), 0) / n),
    p50_ms: round(
      percentile(
        results.map((r) => r.ms),
        50,
      ),
      3,
    ),
    p95_ms: round(
      percentile(
        results.map((r) => r.ms),
        95,
      ),
      3,
    ),
  };
}
