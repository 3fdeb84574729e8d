import fs from 'node:fs';
import path from 'node:path';
import type { KnowledgeConfig } from './config.ts';
import { createEmbedder, type Embedder } from './embeddings/embedder.ts';
import { INDEX_TERMS_VERSION } from './search/index-terms.ts';
import { type ChunkRow, KnowledgeStore, StoreError } from './store/knowledge-store.ts';
import type { DocumentRecord, PlanTask } from './types.ts';
import { VectorBuild } from './vectors/vector-build.ts';
import { VectorIndex } from './vectors/vector-index.ts';

/** A document ready to be stored: record, chunks with terms and vectors, and plan tasks. */
export interface PreparedDocument {
  doc: DocumentRecord;
  chunks: ChunkRow[];
  tasks: PlanTask[];
}

export class EmbedderMismatchError extends StoreError {}

const DB_FILE = 'knowledge.db';
/**
 * From this many chunks added in one change, the full-text index is merged afterwards: ~3 s at
 * 100k chunks, and query p50 drops from ~6 to ~4 ms (`npm run bench`).
 */
const OPTIMIZE_FROM = 5000;
const VECTOR_FILE = /^vectors-(\d+)\.hnsw$/;
/** Meta key of the `indexTerms` version the full-text rows were made with. */
const TERMS_VERSION_KEY = 'terms.version';
/**
 * From this many new vectors, building the graph on a worker alongside the SQLite writes pays
 * for starting the worker and reloading its file; below, the simple path.
 */
const VECTOR_WORKER_FROM = 5000;
/** Chunks written per `putDocuments` on the worker path (FTS5 starts a segment for each). */
const WORKER_SLICE_CHUNKS = 5000;

/** Consecutive runs of documents holding about `chunks` chunks each. */
function* slices(put: PreparedDocument[], chunks: number): Generator<PreparedDocument[]> {
  let start = 0;
  let size = 0;
  for (const [i, p] of put.entries()) {
    size += p.chunks.length;
    if (size < chunks && i < put.length - 1) continue;
    yield put.slice(start, i + 1);
    start = i + 1;
    size = 0;
  }
}

/**
 * The knowledge base: the SQLite store plus the HNSW vector file beside it, kept consistent.
 *
 * Every change is one SQLite transaction that also writes a new vector file (`vectors-N.hnsw`)
 * and points `meta.vectors.file` at it; the old file is removed only after the commit. A crash at
 * any moment leaves the previous database and the file it names: the old index keeps serving.
 */
export class KnowledgeBase {
  private constructor(
    readonly store: KnowledgeStore,
    readonly embedder: Embedder,
    private vectors: VectorIndex | undefined,
    private readonly dataDir: string,
    private readonly vectorWorkerFrom: number,
  ) {}

  /** The store generation the in-memory vectors belong to. */
  private generation: string | undefined;

  /**
   * Opens (or creates) the knowledge base in `config.dataDir`. With `reset`, every document is
   * dropped first: the way to change embedder. An `apply` that adds `vectorWorkerFrom` vectors or
   * more builds the graph on a worker thread.
   */
  static open(
    config: Pick<KnowledgeConfig, 'dataDir' | 'embeddings'>,
    {
      embedder,
      reset = false,
      vectorWorkerFrom = VECTOR_WORKER_FROM,
    }: { embedder?: Embedder; reset?: boolean; vectorWorkerFrom?: number } = {},
  ): KnowledgeBase {
    fs.mkdirSync(config.dataDir, { recursive: true });
    const store = new KnowledgeStore(path.join(config.dataDir, DB_FILE));
    const kb = new KnowledgeBase(
      store,
      embedder ?? createEmbedder(config.embeddings),
      undefined,
      config.dataDir,
      vectorWorkerFrom,
    );
    try {
      if (reset || kb.builtByAnotherLocalEmbedder()) kb.clear();
      kb.checkEmbedder();
      if (kb.indexedWithOtherTerms()) kb.clear();
      store.setMeta(TERMS_VERSION_KEY, String(INDEX_TERMS_VERSION));
      kb.vectors = kb.loadVectors();
      kb.generation = store.getMeta('vectors.generation');
    } catch (error) {
      store.close();
      throw error;
    }
    return kb;
  }

  /**
   * Picks up changes another process (e.g. `npm run ingest`) committed since this one loaded
   * its vectors. Cheap when nothing changed: one meta lookup.
   */
  refresh(): boolean {
    const generation = this.store.getMeta('vectors.generation');
    if (generation === this.generation) return false;
    this.vectors = this.loadVectors();
    this.generation = generation;
    return true;
  }

  /** The vector index, or undefined while the store holds no vectors. */
  get vectorIndex(): VectorIndex | undefined {
    return this.vectors;
  }

  /**
   * Stores and removes documents atomically, vectors included. A large change builds its graph
   * on a worker thread while this thread writes SQLite, inside the same transaction.
   */
  apply(put: PreparedDocument[], remove: string[]): void {
    if (!put.length && !remove.length) return;
    const previousFile = this.store.getMeta('vectors.file');
    const adding = put.reduce((n, p) => n + p.chunks.filter((c) => c.embedding).length, 0);
    let nextFile: string | undefined;
    try {
      this.store.transaction(() => {
        const dims = put.flatMap((p) => p.chunks).find((c) => c.embedding)?.embedding?.length;
        if (dims && adding >= this.vectorWorkerFrom) {
          nextFile = this.nextVectorFileName();
          this.vectors = this.writeWithVectorWorker(put, remove, dims, adding, nextFile);
        } else {
          const vectors = this.writeInline(put, remove, dims);
          if (!vectors) return;
          this.vectors = vectors.garbageRatio > 0.5 ? this.rebuildVectors(vectors.dimensions) : vectors;
          nextFile = this.nextVectorFileName();
          this.vectors.saveTo(path.join(this.dataDir, nextFile));
        }
        this.store.setMeta('vectors.file', nextFile);
        this.store.setMeta('vectors.embedder', this.embedder.id);
        this.store.setMeta('vectors.dimensions', String(this.vectors.dimensions));
      });
    } catch (error) {
      if (nextFile) fs.rmSync(path.join(this.dataDir, nextFile), { force: true });
      this.vectors = this.loadVectors(); // the in-memory graph saw changes that were rolled back
      throw error;
    }
    this.generation = this.store.getMeta('vectors.generation');
    if (previousFile !== nextFile) this.removeStaleVectorFiles();
    // A bulk load leaves the full-text index in many segments, which every query then visits.
    if (put.reduce((n, p) => n + p.chunks.length, 0) >= OPTIMIZE_FROM) this.store.optimizeSearchIndex();
  }

  close(): void {
    this.store.close();
  }

  /** Writes the change and updates the in-memory graph as it goes; returns the graph. */
  private writeInline(put: PreparedDocument[], remove: string[], dims: number | undefined): VectorIndex | undefined {
    const vectors = this.vectors ?? (dims ? VectorIndex.empty(dims) : undefined);
    for (const id of [...remove, ...put.map((p) => p.doc.id)]) {
      for (const chunkId of this.store.chunkIdsOf(id)) vectors?.remove(chunkId);
      this.store.deleteDocument(id);
    }
    this.store.putDocuments(put).forEach((ids, d) =>
      put[d]!.chunks.forEach((c, i) => c.embedding && vectors?.add(ids[i]!, c.embedding)),
    );
    return vectors;
  }

  /**
   * Writes the change while a worker builds the new graph into `file` from the current one.
   * The chunk ids are the graph's labels, so they are chosen here, before the rows exist.
   */
  private writeWithVectorWorker(
    put: PreparedDocument[],
    remove: string[],
    dims: number,
    adding: number,
    file: string,
  ): VectorIndex {
    const current = this.store.getMeta('vectors.file');
    const base =
      current && fs.existsSync(path.join(this.dataDir, current))
        ? { file: path.join(this.dataDir, current), live: this.countEmbeddings() }
        : undefined;
    const dimensions = base ? Number(this.store.getMeta('vectors.dimensions')) : dims;
    const removed: number[] = [];
    for (const id of [...remove, ...put.map((p) => p.doc.id)]) {
      removed.push(...this.store.chunkIdsOf(id));
      this.store.deleteDocument(id);
    }
    const target = path.join(this.dataDir, file);
    const build = new VectorBuild({ dimensions, base, remove: removed, adding, file: target });
    try {
      let next = this.store.nextChunkId();
      // In slices, each fed to the worker before its rows are written: the worker builds
      // meanwhile, and the vectors in flight stay few.
      for (const slice of slices(put, WORKER_SLICE_CHUNKS)) {
        const rows = slice.map((p) => ({ ...p, ids: p.chunks.map(() => next++) }));
        rows.forEach(({ chunks, ids }) => chunks.forEach((c, i) => c.embedding && build.add(ids[i]!, c.embedding)));
        this.store.putDocuments(rows);
      }
    } catch (error) {
      build.abandon(); // it writes nothing before `finish`
      throw error;
    }
    build.finish();
    return VectorIndex.load(target, dimensions, this.countEmbeddings());
  }

  private clear(): void {
    this.store.transaction(() => {
      this.store.db.exec("DELETE FROM documents; DELETE FROM meta WHERE key LIKE 'vectors.%' AND key <> 'vectors.generation'");
    });
    this.removeStaleVectorFiles();
  }

  /**
   * The built-in embedder costs nothing to rerun, so an index made by an older version of it is
   * simply rebuilt by the next ingest; a remote model's vectors are never thrown away silently.
   */
  private builtByAnotherLocalEmbedder(): boolean {
    const recorded = this.store.getMeta('vectors.embedder');
    const local = (id: string) => id.startsWith('local-hash');
    return Boolean(recorded && recorded !== this.embedder.id && local(recorded) && local(this.embedder.id));
  }

  /**
   * Full-text terms made another way (an older version of `indexTerms`) would not match today's
   * queries as measured, whatever the embedder: such an index is emptied and rebuilt by the next
   * ingest, as `npm start` does on opening.
   */
  private indexedWithOtherTerms(): boolean {
    const recorded = this.store.getMeta(TERMS_VERSION_KEY);
    return recorded !== String(INDEX_TERMS_VERSION) && this.store.chunkCount() > 0;
  }

  private checkEmbedder(): void {
    const recorded = this.store.getMeta('vectors.embedder');
    if (recorded && recorded !== this.embedder.id && this.store.chunkCount() > 0) {
      throw new EmbedderMismatchError(
        `The index in ${this.dataDir} was built with the embedder "${recorded}", but "${this.embedder.id}" is configured. ` +
          'Vectors of different embedders cannot be mixed: restore the old settings, or run `npm run ingest -- --rebuild`.',
      );
    }
  }

  /** Opens the vector file the store names; rebuilds it from stored embeddings if it is missing. */
  private loadVectors(): VectorIndex | undefined {
    const file = this.store.getMeta('vectors.file');
    const dims = Number(this.store.getMeta('vectors.dimensions') ?? 0);
    const live = this.countEmbeddings();
    if (file && dims && fs.existsSync(path.join(this.dataDir, file))) {
      return VectorIndex.load(path.join(this.dataDir, file), dims, live);
    }
    if (!live) return undefined;
    const stored = this.store.db.prepare('SELECT length(embedding) / 4 AS dims FROM chunks WHERE embedding IS NOT NULL LIMIT 1');
    const rebuilt = this.rebuildVectors((stored.get() as { dims: number }).dims);
    const name = this.nextVectorFileName();
    rebuilt.saveTo(path.join(this.dataDir, name));
    this.store.setMeta('vectors.file', name);
    this.store.setMeta('vectors.dimensions', String(rebuilt.dimensions));
    return rebuilt;
  }

  private rebuildVectors(dimensions: number): VectorIndex {
    const index = VectorIndex.empty(dimensions, Math.max(1024, this.countEmbeddings()));
    for (const { id, vector } of this.store.embeddings()) index.add(id, vector);
    return index;
  }

  private countEmbeddings(): number {
    return (this.store.db.prepare('SELECT count(*) AS n FROM chunks WHERE embedding IS NOT NULL').get() as { n: number })
      .n;
  }

  /** A new generation's file name; writers are serialized by SQLite, so the counter is safe. */
  private nextVectorFileName(): string {
    const generation = Number(this.store.getMeta('vectors.generation') ?? 0) + 1;
    this.store.setMeta('vectors.generation', String(generation));
    return `vectors-${generation}.hnsw`;
  }

  /** Vector files of older generations, or left by a crash; run by writers after they commit. */
  private removeStaleVectorFiles(): void {
    const current = this.store.getMeta('vectors.file');
    for (const name of fs.readdirSync(this.dataDir)) {
      if (VECTOR_FILE.test(name) && name !== current) fs.rmSync(path.join(this.dataDir, name), { force: true });
    }
  }
}
