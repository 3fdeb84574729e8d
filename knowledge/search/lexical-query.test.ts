import { describe, expect, it } from 'vitest';
import { chooseTerms, MAX_TERMS, POSTINGS_BUDGET } from './lexical-query.ts';

const terms = (n: number, prefix = 't') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('chooseTerms', () => {
  it('keeps the known terms, rarest first, and drops those in more than half of the chunks', () => {
    const df = new Map([
      ['common', 60],
      ['rare', 2],
      ['middle', 30],
    ]);
    expect(chooseTerms(['common', 'unknown', 'middle', 'rare'], df, 100)).toEqual(['rare', 'middle']);
  });

  it('never reads a list longer than 2,000 chunks in a large index, unless nothing else is known', () => {
    const df = new Map([
      ['long', 2500],
      ['short', 1500],
    ]);
    expect(chooseTerms(['long', 'short'], df, 100_000)).toEqual(['short']);
    expect(chooseTerms(['long'], df, 100_000)).toEqual(['long']);
  });

  it('stops at the postings budget, keeping the rarest terms of a long question', () => {
    const list = terms(40);
    const df = new Map(list.map((t, i) => [t, 1000 + i]));
    const kept = chooseTerms([...list].reverse(), df, 100_000);
    let postings = 0;
    for (const t of kept) postings += df.get(t)!;
    expect(kept).toEqual(list.slice(0, kept.length));
    expect(postings).toBeLessThanOrEqual(POSTINGS_BUDGET);
    expect(postings + df.get(list[kept.length]!)!).toBeGreaterThan(POSTINGS_BUDGET);
  });

  it('keeps the rarest term even when it alone is over the budget', () => {
    const df = new Map([['huge', POSTINGS_BUDGET * 2]]);
    expect(chooseTerms(['huge'], df, 10 * POSTINGS_BUDGET)).toEqual(['huge']);
  });

  it('keeps at most MAX_TERMS terms', () => {
    const list = terms(MAX_TERMS + 20);
    expect(chooseTerms(list, new Map(list.map((t) => [t, 1])), 10_000)).toHaveLength(MAX_TERMS);
  });
});
