import hnswlib from 'hnswlib-node';

const { HierarchicalNSW } = hnswlib;
type Hnsw = InstanceType<typeof HierarchicalNSW>;

/**
 * Graph parameters: the vectors are a minor voice in the fusion (see HybridSearch), so build
 * speed wins over the last points of recall; measured in `npm run bench`.
 */
const M = 8;
const EF_CONSTRUCTION = 32;
const EF_SEARCH = 64;
const SEED = 42;

/**
 * An HNSW index over chunk vectors (hnswlib-node, cosine), labelled with SQLite chunk ids.
 * Deleting marks a label; the caller rebuilds when too many are marked. Not thread-safe, and
 * never written in place: `saveTo` writes a new file that the caller then points the store at.
 */
export class VectorIndex {
  private constructor(
    private readonly hnsw: Hnsw,
    readonly dimensions: number,
    private live: number,
    private deleted: number,
  ) {
    hnsw.setEf(EF_SEARCH);
  }

  static empty(dimensions: number, capacity = 1024): VectorIndex {
    const hnsw = new HierarchicalNSW('cosine', dimensions);
    hnsw.initIndex({ maxElements: capacity, m: M, efConstruction: EF_CONSTRUCTION, randomSeed: SEED });
    return new VectorIndex(hnsw, dimensions, 0, 0);
  }

  /** Loads a saved index; `live` is how many of its labels are not deleted (known to the store). */
  static load(file: string, dimensions: number, live: number): VectorIndex {
    const hnsw = new HierarchicalNSW('cosine', dimensions);
    hnsw.readIndexSync(file);
    return new VectorIndex(hnsw, dimensions, live, hnsw.getCurrentCount() - live);
  }

  get size(): number {
    return this.live;
  }

  /** Share of slots held by deleted labels: past about a half, a rebuild pays off. */
  get garbageRatio(): number {
    const total = this.live + this.deleted;
    return total ? this.deleted / total : 0;
  }

  /** Makes room for `count` more vectors at once (growing by doubling overshoots, in memory). */
  reserve(count: number): void {
    const needed = this.hnsw.getCurrentCount() + count;
    if (needed > this.hnsw.getMaxElements()) this.hnsw.resizeIndex(needed);
  }

  add(id: number, vector: Float32Array): void {
    if (vector.length !== this.dimensions) {
      throw new Error(`vector has ${vector.length} dimensions, the index ${this.dimensions}`);
    }
    const used = this.hnsw.getCurrentCount();
    if (used >= this.hnsw.getMaxElements()) this.hnsw.resizeIndex(Math.max(1024, used * 2));
    this.hnsw.addPoint(Array.from(vector), id);
    this.live++;
  }

  remove(id: number): void {
    try {
      this.hnsw.markDelete(id);
      this.live--;
      this.deleted++;
    } catch {
      // Not in the index (e.g. a chunk stored without a vector): nothing to remove.
    }
  }

  /** A fresh graph of the live vectors only, added in label order (what a rebuild from the store does). */
  compacted(): VectorIndex {
    const fresh = VectorIndex.empty(this.dimensions, Math.max(1024, this.live));
    for (const id of this.hnsw.getIdsList().sort((a, b) => a - b)) {
      let point: number[];
      try {
        point = this.hnsw.getPoint(id);
      } catch {
        continue; // deleted
      }
      fresh.add(id, Float32Array.from(point));
    }
    return fresh;
  }

  /** Nearest chunk ids with cosine similarity (1 = same direction). */
  search(vector: Float32Array, k: number): { id: number; similarity: number }[] {
    const n = Math.min(k, this.live);
    if (n <= 0) return [];
    const { neighbors, distances } = this.hnsw.searchKnn(Array.from(vector), n);
    return neighbors.map((id, i) => ({ id, similarity: 1 - distances[i]! }));
  }

  saveTo(file: string): void {
    this.hnsw.writeIndexSync(file);
  }

  /** Frees the graph's memory now instead of at garbage collection; the index is empty after. */
  dispose(): void {
    this.hnsw.initIndex({ maxElements: 1, m: M, efConstruction: EF_CONSTRUCTION, randomSeed: SEED });
    this.live = this.deleted = 0;
  }
}
