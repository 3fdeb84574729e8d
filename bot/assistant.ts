/**
 * The composition root: everything a front end (`npm start`, `npm run chat`) needs, built once
 * from the environment. The knowledge base is brought up to date with `knowledge/` on opening.
 */
import path from 'node:path';
import { loadKnowledgeConfig, type KnowledgeConfig } from '../knowledge/config.ts';
import { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { logger } from '../knowledge/logger.ts';
import { ingestPaths, type IngestReport } from '../ingest/pipeline.ts';
import { createAnswerEngine } from './answer/index.ts';
import type { AnswerEngine } from './answer/types.ts';
import { AssistantConversation } from './conversation/assistant-conversation.ts';
import { loadCatalogue, type LessonCatalogue } from './lessons/catalogue.ts';
import { openStateDatabase, type StateDatabase } from './state/database.ts';
import { SqliteUsageRecorder } from './usage/recorder.ts';

export interface Assistant {
  config: KnowledgeConfig;
  kb: KnowledgeBase;
  db: StateDatabase;
  catalogue: LessonCatalogue;
  answers: AnswerEngine;
  usage: SqliteUsageRecorder;
  conversation: AssistantConversation;
  /** Re-ingests `knowledge/` (only changed files) and picks up other processes' ingests. */
  refresh(): Promise<IngestReport>;
  close(): void;
}

export async function openAssistant(env: NodeJS.ProcessEnv = process.env): Promise<Assistant> {
  const config = loadKnowledgeConfig(env);
  const kb = KnowledgeBase.open(config);
  try {
    const answers = createAnswerEngine(kb, env); // validates the model settings before any work
    const lessonsDir = path.resolve(config.knowledgeDir, 'lessons');
    const readLessons = () => {
      const read = loadCatalogue(lessonsDir);
      for (const problem of read.problems) logger.warn(problem, 'lesson left out');
      return read;
    };
    const catalogue = readLessons();
    const refresh = async () => {
      kb.refresh();
      const report = await ingestPaths(kb, [config.knowledgeDir]);
      const { added, updated, removed, failed } = report;
      if (added.length || updated.length || removed.length || failed.length) {
        logger.info(
          { added: added.length, updated: updated.length, removed: removed.length, failed: failed.length },
          'knowledge base updated',
        );
        // An edited lesson is taught as edited from the next turn on, without a restart (reading
        // the lessons again costs far less than the ingest that found the change).
        catalogue.replaceWith(readLessons());
      }
      answers.prepare?.(); // nothing to do unless the index changed, here or in another process
      return report;
    };
    await refresh();
    const db = openStateDatabase(config.dataDir);
    const usage = new SqliteUsageRecorder(db);
    const conversation = new AssistantConversation({ db, catalogue, answers, usage });
    return {
      config,
      kb,
      db,
      catalogue,
      answers,
      usage,
      conversation,
      refresh,
      close() {
        db.close();
        kb.close();
      },
    };
  } catch (error) {
    kb.close();
    throw error;
  }
}
