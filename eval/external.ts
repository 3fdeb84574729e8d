import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EmbeddingsConfig } from '../knowledge/config.ts';
import { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { HybridSearch, type HybridOptions } from '../knowledge/search/hybrid-search.ts';
import { foldDiacritics } from '../knowledge/vietnamese/normalize.ts';
import { describeDocument, prepareDocument } from '../ingest/prepare.ts';
import { BaselineBm25 } from './baseline-bm25.ts';
import { readJsonl } from './jsonl.ts';
import { summarize, type RankedResult, type RetrievalMetrics } from './metrics.ts';

export interface Passage {
  id: string;
  title?: string;
  text: string;
}

export interface Question {
  id: string;
  question: string;
  relevant_passage_ids: string[];
  split?: string;
}

export interface ExternalReport extends RetrievalMetrics {
  nodiac: RetrievalMetrics;
  baseline: RetrievalMetrics & { nodiac: RetrievalMetrics };
  passages: number;
  ingest_ms: number;
}

/**
 * Measures retrieval on an external set: the passages go into a fresh temporary knowledge base
 * (one chunk per passage, through the same preparation as any document), every question is
 * asked as typed and with its diacritics stripped, and a plain BM25 baseline runs on the same
 * questions in the same process.
 */
export async function evaluateExternal(options: {
  passagesFile: string;
  questionsFile: string;
  embeddings: EmbeddingsConfig;
  split?: string;
  limit?: number;
  hybrid?: HybridOptions;
}): Promise<ExternalReport> {
  const passages = readJsonl<Passage>(options.passagesFile);
  let questions = readJsonl<Question>(options.questionsFile);
  if (options.split) questions = questions.filter((q) => q.split === options.split);
  if (options.limit) questions = questions.slice(0, options.limit);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdhvs-eval-'));
  const kb = KnowledgeBase.open({ dataDir, embeddings: options.embeddings });
  try {
    const started = performance.now();
    const prepared = [];
    for (const p of passages) {
      const title = p.title?.trim() ?? '';
      const described = describeDocument({
        source: `passages/${p.id}`,
        hash: p.id,
        parsed: { title, text: p.text, meta: { id: p.id, kind: 'doc' }, tables: [] },
      });
      // One passage is one retrieval unit, whatever its length.
      described.drafts = [
        { ref: null, heading: '', text: p.text, indexText: title ? `${title}\n${p.text}` : p.text },
      ];
      prepared.push(await prepareDocument(described, kb.embedder));
    }
    kb.apply(prepared, []);
    const ingestMs = performance.now() - started;

    const search = new HybridSearch(kb, options.hybrid);
    const idOf = new Map(kb.store.documents().map((d) => [d.id, (d.meta.id as string) ?? d.id]));
    const run = async (text: (q: Question) => string): Promise<RankedResult[]> => {
      const out: RankedResult[] = [];
      for (const q of questions) {
        const t0 = performance.now();
        const hits = await search.search(text(q), { k: 10 });
        out.push({
          ranked: hits.map((h) => idOf.get(h.chunk.docId) ?? h.chunk.docId),
          relevant: q.relevant_passage_ids,
          ms: performance.now() - t0,
        });
      }
      return out;
    };
    const asTyped = (q: Question) => q.question;
    const stripped = (q: Question) => foldDiacritics(q.question);

    const bm25 = new BaselineBm25(passages.map((p) => ({ id: p.id, text: `${p.title ?? ''} ${p.text}` })));
    const baseline = (text: (q: Question) => string) =>
      questions.map((q) => {
        const t0 = performance.now();
        const ranked = bm25.search(text(q), 10);
        return { ranked, relevant: q.relevant_passage_ids, ms: performance.now() - t0 };
      });

    return {
      ...summarize(await run(asTyped)),
      nodiac: summarize(await run(stripped)),
      baseline: { ...summarize(baseline(asTyped)), nodiac: summarize(baseline(stripped)) },
      passages: passages.length,
      ingest_ms: Math.round(ingestMs),
    };
  } finally {
    kb.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
