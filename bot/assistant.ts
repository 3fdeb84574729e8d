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
import type { ConversationModule } from './channels/channel-thread.ts';
import { AssistantConversation } from './conversation/assistant-conversation.ts';
import { LessonCatalogue, loadCatalogue } from './lessons/catalogue.ts';
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
  /** Picks up only what another thread or process ingested: the index, then the lessons. */
  follow(): void;
  close(): void;
}

const changedAnything = ({ added, updated, removed, failed }: IngestReport): boolean =>
  added.length + updated.length + removed.length + failed.length > 0;

/** How often the channel worker looks for a newer index (the main thread re-ingests `knowledge/`). */
const INDEX_CHECK_MS = 60_000;

/**
 * Opens everything; with `ingest: false` the knowledge base is only opened, not brought up to
 * date with `knowledge/` (another thread of the same process has just done it).
 */
export async function openAssistant(
  env: NodeJS.ProcessEnv = process.env,
  { ingest = true }: { ingest?: boolean } = {},
): Promise<Assistant> {
  const config = loadKnowledgeConfig(env);
  const kb = KnowledgeBase.open(config);
  try {
    const answers = createAnswerEngine(kb, env); // validates the model settings before any work
    const lessonsDir = path.resolve(config.knowledgeDir, 'lessons');
    // Read once the knowledge base is up to date, and again whenever an ingest changes something.
    const catalogue = new LessonCatalogue([]);
    const readLessons = () => {
      catalogue.replaceWith(loadCatalogue(lessonsDir));
      for (const problem of catalogue.problems) logger.warn(problem, 'lesson left out');
    };
    const refresh = async () => {
      kb.refresh();
      const report = await ingestPaths(kb, [config.knowledgeDir]);
      if (changedAnything(report)) {
        const { added, updated, removed, failed } = report;
        logger.info(
          { added: added.length, updated: updated.length, removed: removed.length, failed: failed.length },
          'knowledge base updated',
        );
        // An edited lesson is taught as edited from the next turn on, without a restart (reading
        // the lessons again costs far less than the ingest that found the change).
        readLessons();
      }
      answers.prepare?.(); // nothing to do unless the index changed, here or in another process
      return report;
    };
    const follow = () => {
      if (!kb.refresh()) return;
      readLessons();
      answers.prepare?.();
    };
    const first = ingest ? await refresh() : undefined;
    if (!first || !changedAnything(first)) readLessons();
    if (!first) answers.prepare?.();
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
      follow,
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

/**
 * The conversation for the channel worker thread (bot/channels/channel-thread.ts), built from
 * the same configuration. `npm start` has brought the knowledge base up to date on the main
 * thread; this copy only opens it and picks up the main thread's later ingests.
 */
export const openConversation: ConversationModule['openConversation'] = async () => {
  const assistant = await openAssistant(process.env, { ingest: false });
  const timer = setInterval(() => {
    try {
      assistant.follow();
    } catch (error) {
      logger.error({ err: (error as Error).message }, 'knowledge refresh failed');
    }
  }, INDEX_CHECK_MS).unref();
  return {
    conversation: assistant.conversation,
    close() {
      clearInterval(timer);
      assistant.close();
    },
  };
};
