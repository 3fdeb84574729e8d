import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStateDatabase, type StateDatabase } from '../state/database.ts';
import type { UsageEvent } from './types.ts';

/** A state database in a fresh temp folder, for tests and benchmarks. */
export function tempStateDatabase(): { db: StateDatabase; dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdhvs-usage-'));
  const db = openStateDatabase(dir);
  return {
    db,
    dir,
    cleanup: () => {
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A question event with sensible defaults. */
export function question(
  overrides: Partial<Extract<UsageEvent, { type: 'question' }>> = {},
): Extract<UsageEvent, { type: 'question' }> {
  return {
    type: 'question',
    at: new Date('2026-03-10T03:00:00Z'),
    channel: 'zalo',
    userKey: 'key-a',
    consented: true,
    text: 'Cách cài VNeID?',
    intent: 'howto',
    answered: true,
    confidence: 0.8,
    sources: ['vneid-cai-dat'],
    latencyMs: 420,
    ...overrides,
  };
}
