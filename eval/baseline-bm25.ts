/**
 * The reference the project is measured against: plain Okapi BM25 (k1 = 1.2, b = 0.75) over
 * lower-cased NFC syllables, with no folding, no pairs and no abbreviations: what a generic
 * search engine does with Vietnamese.
 */
const K1 = 1.2;
const B = 0.75;

const tokenize = (text: string): string[] =>
  text
    .normalize('NFC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? [];

export class BaselineBm25 {
  private readonly postings = new Map<string, { doc: number; tf: number }[]>();
  private readonly lengths: number[] = [];
  private readonly ids: string[] = [];
  private averageLength = 0;

  constructor(documents: { id: string; text: string }[]) {
    for (const { id, text } of documents) {
      const doc = this.ids.push(id) - 1;
      const counts = new Map<string, number>();
      const tokens = tokenize(text);
      for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
      this.lengths.push(tokens.length);
      for (const [term, tf] of counts) {
        const list = this.postings.get(term) ?? this.postings.set(term, []).get(term)!;
        list.push({ doc, tf });
      }
    }
    this.averageLength = this.lengths.reduce((a, b) => a + b, 0) / Math.max(1, this.lengths.length);
  }

  search(query: string, k = 10): string[] {
    const scores = new Map<number, number>();
    const n = this.ids.length;
    for (const term of new Set(tokenize(query))) {
      const list = this.postings.get(term);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        const norm = tf + K1 * (1 - B + (B * this.lengths[doc]!) / this.averageLength);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (K1 + 1)) / norm);
      }
    }
    return [...scores.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([doc]) => this.ids[doc]!);
  }
}
