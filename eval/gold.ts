import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { KnowledgeConfig } from '../knowledge/config.ts';
import { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { HybridSearch } from '../knowledge/search/hybrid-search.ts';
import { foldDiacritics } from '../knowledge/vietnamese/normalize.ts';
import { ingestPaths } from '../ingest/pipeline.ts';
import { readJsonl } from './jsonl.ts';
import { summarize, type RetrievalMetrics } from './metrics.ts';
import { toTeencode } from './teencode.ts';

const GOLD_DIR = path.join(import.meta.dirname, 'gold');

interface PlanQuestion {
  id: string;
  question: string;
  tasks: string[];
}
interface ResidentQuestion {
  id: string;
  question: string;
  lessons: string[];
}

/** A question with the ids that count as a hit: "lesson-id" or "plan-doc-id#3.1". */
interface GoldQuestion {
  id: string;
  question: string;
  relevant: string[];
}

export type GoldReport = Record<string, Record<'accented' | 'nodiac' | 'teencode', RetrievalMetrics>>;

/** Retrieval quality on the project's own gold sets over the shipped knowledge folder. */
export async function evaluateGold(config: KnowledgeConfig): Promise<GoldReport> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdhvs-gold-'));
  const kb = KnowledgeBase.open({ dataDir, embeddings: config.embeddings });
  try {
    await ingestPaths(kb, [config.knowledgeDir]);
    const planDocs = [...new Set(kb.store.planTasks().map((t) => t.docId))];
    const sets: Record<string, GoldQuestion[]> = {
      plan: readJsonl<PlanQuestion>(path.join(GOLD_DIR, 'plan.jsonl')).map((q) => ({
        id: q.id,
        question: q.question,
        relevant: planDocs.flatMap((doc) => q.tasks.map((t) => `${doc}#${t}`)),
      })),
      resident: readJsonl<ResidentQuestion>(path.join(GOLD_DIR, 'resident.jsonl')).map((q) => ({
        id: q.id,
        question: q.question,
        relevant: q.lessons,
      })),
    };
    const search = new HybridSearch(kb);
    const report: GoldReport = {};
    for (const [name, questions] of Object.entries(sets)) {
      const run = async (variant: (q: string) => string) => {
        const results = [];
        for (const q of questions) {
          const t0 = performance.now();
          const hits = await search.search(variant(q.question), { k: 10 });
          const ranked = hits.map((h) =>
            h.chunk.kind === 'plan' ? `${h.chunk.docId}#${h.chunk.ref}` : h.chunk.docId,
          );
          results.push({ ranked, relevant: q.relevant, ms: performance.now() - t0 });
        }
        return summarize(results);
      };
      report[name] = {
        accented: await run((q) => q),
        nodiac: await run(foldDiacritics),
        teencode: await run(toTeencode),
      };
    }
    return report;
  } finally {
    kb.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

export function formatGoldReport(report: GoldReport): string {
  const lines = [
    '| set | variant | n | hit@1 | hit@5 | hit@10 | MRR@10 | p50 ms | p95 ms |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [set, variants] of Object.entries(report)) {
    for (const [variant, m] of Object.entries(variants)) {
      lines.push(
        `| ${set} | ${variant} | ${m.n} | ${m.hit_at_1.toFixed(3)} | ${m.hit_at_5.toFixed(3)} | ${m.hit_at_10.toFixed(3)} | ${m.mrr_at_10.toFixed(3)} | ${m.p50_ms.toFixed(2)} | ${m.p95_ms.toFixed(2)} |`,
      );
    }
  }
  return lines.join('\n');
}
