/**
 * Worker thread of VectorBuild: applies one change to a saved index (or builds a new one) as
 * the vectors arrive, writes the result to a new file, then wakes the waiting thread through
 * shared memory.
 */
import { parentPort } from 'node:worker_threads';
import { VectorIndex } from './vector-index.ts';

export interface VectorBuildStart {
  dimensions: number;
  /** The current vector file and how many of its labels are live; none: start empty. */
  base?: { file: string; live: number };
  /** Labels to delete from the base. */
  remove: number[];
  /** How many vectors will be added. */
  adding: number;
  /** Where to write the new index. */
  file: string;
}

export type VectorBuildMessage =
  | { type: 'start'; start: VectorBuildStart; state: Int32Array; message: Uint8Array }
  | { type: 'add'; labels: number[]; vectors: Float32Array }
  | { type: 'end' };

const DONE = 1;
const FAILED = 2;

let start: VectorBuildStart;
let shared: { state: Int32Array; message: Uint8Array };
let index: VectorIndex | undefined;
let failed = false;

function handle(message: VectorBuildMessage): void {
  if (message.type === 'start') {
    ({ start } = message);
    shared = message;
    index = start.base
      ? VectorIndex.load(start.base.file, start.dimensions, start.base.live)
      : VectorIndex.empty(start.dimensions);
    for (const label of start.remove) index.remove(label);
    index.reserve(start.adding);
  } else if (message.type === 'add') {
    const { labels, vectors } = message;
    const d = start.dimensions;
    labels.forEach((label, i) => index!.add(label, vectors.subarray(i * d, (i + 1) * d)));
  } else {
    if (index!.garbageRatio > 0.5) index = index!.compacted();
    index!.saveTo(start.file);
    index!.dispose(); // before the waiting thread loads the file: two graphs would be in memory
    signal(DONE);
  }
}

function signal(outcome: number): void {
  Atomics.store(shared.state, 0, outcome);
  Atomics.notify(shared.state, 0);
}

parentPort!.on('message', (message: VectorBuildMessage) => {
  if (failed) return;
  try {
    handle(message);
  } catch (error) {
    failed = true;
    const text = new TextEncoder().encode(error instanceof Error ? error.message : String(error));
    const length = Math.min(text.length, shared.message.length);
    shared.message.set(text.subarray(0, length));
    Atomics.store(shared.state, 1, length);
    signal(FAILED);
  }
});
