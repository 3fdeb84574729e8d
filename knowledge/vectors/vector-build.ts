import type { Worker } from 'node:worker_threads';
import { typeScriptWorker } from '../typescript-worker.ts';
import type { VectorBuildMessage, VectorBuildStart } from './vector-build-worker.ts';

const WORKER_FILE = new URL('./vector-build-worker.ts', import.meta.url).href;
/** Shared state: [0] RUNNING, DONE or FAILED (as in the worker), [1] the error message's length. */
const RUNNING = 0;
const DONE = 1;
/** Room for the worker's error message. */
const MESSAGE_BYTES = 2048;
/** Vectors per message: the worker starts early, and neither thread holds a copy of them all. */
const BATCH = 2000;

/**
 * Builds a vector file on a worker thread while the caller goes on (e.g. with its SQLite
 * writes inside the same transaction), feeding it vectors as it goes. `finish` blocks without
 * the event loop, so a synchronous transaction can start a build and end it before it commits.
 */
export class VectorBuild {
  private readonly state = new Int32Array(new SharedArrayBuffer(8));
  private readonly message = new Uint8Array(new SharedArrayBuffer(MESSAGE_BYTES));
  private readonly worker: Worker;
  private labels: number[] = [];
  private vectors: Float32Array;
  private sent = 0;

  /** Starts building `start.file` from `start.base` minus `start.remove`. */
  constructor(private readonly start: VectorBuildStart) {
    this.worker = typeScriptWorker(WORKER_FILE);
    this.worker.unref();
    this.vectors = new Float32Array(BATCH * start.dimensions);
    this.post({ type: 'start', start, state: this.state, message: this.message });
  }

  add(label: number, vector: Float32Array): void {
    const { dimensions } = this.start;
    if (vector.length !== dimensions) {
      throw new Error(`vector has ${vector.length} dimensions, the index ${dimensions}`);
    }
    this.vectors.set(vector, this.labels.length * dimensions);
    this.labels.push(label);
    if (this.labels.length === BATCH) this.flush();
  }

  /** Blocks until the file is written; throws what went wrong in the worker. */
  finish(): void {
    this.flush();
    this.post({ type: 'end' });
    // A worker that dies without reporting (out of memory) cannot be seen from here: a deadline
    // far beyond any real build turns that into an error instead of a hang.
    const deadline = 120_000 + 5 * (this.sent + this.start.remove.length);
    const outcome = Atomics.wait(this.state, 0, RUNNING, deadline);
    void this.worker.terminate();
    const state = Atomics.load(this.state, 0);
    if (state === DONE) return;
    if (outcome === 'timed-out' || state === RUNNING) throw new Error('the vector build worker did not finish');
    const length = Atomics.load(this.state, 1);
    throw new Error(new TextDecoder().decode(this.message.slice(0, length)));
  }

  /** Stops the worker before it writes anything. */
  abandon(): void {
    void this.worker.terminate();
  }

  private flush(): void {
    if (!this.labels.length) return;
    const vectors = this.vectors.subarray(0, this.labels.length * this.start.dimensions);
    this.post({ type: 'add', labels: this.labels, vectors }, [vectors.buffer as ArrayBuffer]);
    this.sent += this.labels.length;
    this.labels = [];
    this.vectors = new Float32Array(BATCH * this.start.dimensions);
  }

  private post(message: VectorBuildMessage, transfer: ArrayBuffer[] = []): void {
    this.worker.postMessage(message, transfer);
  }
}
