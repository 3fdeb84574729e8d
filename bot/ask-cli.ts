/**
 * `npm run --silent ask -- [--json] ["câu hỏi"]`: answers one question, or one per line from
 * stdin. Brings the knowledge base up to date first (logs on stderr); stdout holds only answers:
 * with --json exactly one JSON object per question.
 */
import 'dotenv/config';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { ConfigError, loadKnowledgeConfig } from '../knowledge/config.ts';
import { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { logger } from '../knowledge/logger.ts';
import { StoreError } from '../knowledge/store/knowledge-store.ts';
import { ingestPaths } from '../ingest/pipeline.ts';
import { createAnswerEngine, type Answer, type AnswerEngine } from './answer/index.ts';

export function toJson(answer: Answer, latencyMs: number): string {
  return JSON.stringify({
    answer: answer.text,
    answered: answer.answered,
    confidence: answer.confidence,
    intent: answer.intent,
    sources: answer.sources.map(({ id, title, kind, ref, score }) => ({ id, title, kind, ref, score })),
    latency_ms: Math.round(latencyMs * 10) / 10,
    suggestions: answer.suggestions,
    mode: answer.mode,
  });
}

function toText(answer: Answer): string {
  const more = answer.suggestions.length ? `\nBạn có thể hỏi tiếp: ${answer.suggestions.join(' · ')}` : '';
  return `${answer.text}${more}\n`;
}

async function answerOne(engine: AnswerEngine, question: string, json: boolean): Promise<void> {
  const started = performance.now();
  const answer = await engine.ask(question, { userKey: 'ask-cli' });
  process.stdout.write(`${json ? toJson(answer, performance.now() - started) : toText(answer)}\n`);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { json: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const config = loadKnowledgeConfig();
  const kb = KnowledgeBase.open(config);
  try {
    const engine = createAnswerEngine(kb);
    const report = await ingestPaths(kb, [config.knowledgeDir]);
    logger.info(
      { added: report.added.length, updated: report.updated.length, failed: report.failed.length },
      'knowledge base ready',
    );
    if (positionals.length) {
      await answerOne(engine, positionals.join(' '), values.json);
      return;
    }
    const lines = readline.createInterface({ input: process.stdin, terminal: false });
    for await (const line of lines) {
      if (line.trim()) await answerOne(engine, line, values.json);
    }
  } finally {
    kb.close();
  }
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof StoreError;
  console.error(known ? (error as Error).message : error);
  process.exit(1);
});
