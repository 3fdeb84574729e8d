import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { typeScriptWorker } from '../knowledge/typescript-worker.ts';
import { LocalEmbeddings } from '../knowledge/embeddings/local-embeddings.ts';
import type { IndexTerms } from '../knowledge/store/knowledge-store.ts';

export interface PreparedText {
  terms: IndexTerms;
  embedding: Float32Array;
}

const WORKER_FILE = new URL('./prepare-worker.ts', import.meta.url).href;
/** Texts per message to a worker. */
const BATCH = 1000;

/**
 * Index terms and local-embedder vectors for many chunks at once, on worker threads: a large
 * ingest keeps every core busy instead of one. Results are in input order and identical to
 * computing them inline (`indexTerms` + `LocalEmbeddings.embed`).
 */
export class PreparePool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<
    number,
    { resolve: (r: WorkerResult) => void; reject: (e: Error) => void }
  >();
  private nextId = 0;

  constructor(size = os.availableParallelism()) {
    this.workers = Array.from({ length: Math.max(1, size) }, () => {
      const worker = typeScriptWorker(WORKER_FILE);
      worker.on('message', (result: WorkerResult) => {
        this.waiting.get(result.id)?.resolve(result);
        this.waiting.delete(result.id);
      });
      worker.on('error', (error) => {
        for (const { reject } of this.waiting.values()) reject(error);
        this.waiting.clear();
      });
      return worker;
    });
  }

  /** Work goes out in small batches to whichever worker is free, so no heap holds much at once. */
  async prepare(texts: string[]): Promise<PreparedText[]> {
    const dims = LocalEmbeddings.DIMENSIONS;
    const out: PreparedText[] = new Array(texts.length);
    let next = 0;
    const drain = async (worker: Worker) => {
      while (next < texts.length) {
        const start = next;
        next = Math.min(texts.length, start + BATCH);
        const { terms, vectors } = await this.run(worker, texts.slice(start, next));
        terms.forEach(
          (t, i) => (out[start + i] = { terms: t, embedding: vectors.subarray(i * dims, (i + 1) * dims) }),
        );
      }
    };
    await Promise.all(this.workers.map(drain));
    return out;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private run(worker: Worker, texts: string[]): Promise<WorkerResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, texts });
    });
  }
}

interface WorkerResult {
  id: number;
  terms: IndexTerms[];
  vectors: Float32Array;
}
