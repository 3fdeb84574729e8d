/**
 * `npm start`: brings the knowledge base up to date with `knowledge/` (it is built on the first
 * run), then answers in the terminal with the passages that best match each question. The
 * answer engine, chat server and channels replace this terminal loop as they land.
 */
import 'dotenv/config';
import readline from 'node:readline';
import { ConfigError, loadKnowledgeConfig } from '../knowledge/config.ts';
import { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { StoreError } from '../knowledge/store/knowledge-store.ts';
import { logger } from '../knowledge/logger.ts';
import { HybridSearch } from '../knowledge/search/hybrid-search.ts';
import type { SearchHit } from '../knowledge/types.ts';
import { ingestPaths } from '../ingest/pipeline.ts';

async function main(): Promise<void> {
  const config = loadKnowledgeConfig();
  const kb = KnowledgeBase.open(config);
  const report = await ingestPaths(kb, [config.knowledgeDir]);
  logger.info(
    {
      added: report.added.length,
      updated: report.updated.length,
      removed: report.removed.length,
      failed: report.failed,
      ms: report.ms,
    },
    'knowledge base ready',
  );
  const search = new HybridSearch(kb);
  const interactive = process.stdin.isTTY;
  if (interactive) console.log('Trợ lý Bình dân học vụ số. Gõ câu hỏi rồi nhấn Enter (Ctrl+D để thoát).');
  const lines = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    prompt: 'Hỏi: ',
    terminal: interactive,
  });
  if (interactive) lines.prompt();
  for await (const line of lines) {
    if (line.trim()) console.log(format(await search.search(line, { k: 3 })));
    if (interactive) lines.prompt();
  }
  kb.close();
}

function format(hits: SearchHit[]): string {
  if (!hits.length) return 'Xin lỗi, tôi chưa tìm thấy nội dung phù hợp. Bạn thử hỏi cách khác nhé.\n';
  return hits
    .map(({ chunk }, i) => {
      const where = chunk.kind === 'plan' ? `nhiệm vụ ${chunk.ref}` : chunk.heading;
      const text = chunk.text.length > 600 ? `${chunk.text.slice(0, 600)}…` : chunk.text;
      return `[${i + 1}] ${chunk.docTitle}${where ? ` (${where})` : ''}\n${text}\n`;
    })
    .join('\n');
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof StoreError;
  console.error(known ? (error as Error).message : error);
  process.exit(1);
});
