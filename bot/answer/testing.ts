/** Test support: a knowledge base in a temporary DATA_DIR, built from the shipped knowledge. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import { ingestPaths } from '../../ingest/pipeline.ts';

export const KNOWLEDGE_DIR = path.join(import.meta.dirname, '..', '..', 'knowledge');

export interface TestKnowledgeBase {
  kb: KnowledgeBase;
  dataDir: string;
  close(): void;
}

/** Ingests `paths` (default: the whole shipped knowledge folder) into a fresh temporary store. */
export async function buildTestKnowledgeBase(paths: string[] = [KNOWLEDGE_DIR]): Promise<TestKnowledgeBase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdhvs-answer-test-'));
  const kb = KnowledgeBase.open({ dataDir, embeddings: { kind: 'local' } });
  await ingestPaths(kb, paths);
  return {
    kb,
    dataDir,
    close() {
      kb.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
