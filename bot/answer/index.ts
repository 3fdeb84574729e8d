/**
 * The answer engine's public face. Other parts call `createAnswerEngine(kb)` once at start and
 * `engine.ask(text, { userKey, audience })` for each message.
 */
import type { KnowledgeBase } from '../../knowledge/knowledge-base.ts';
import { loadAnswerConfig } from './config.ts';
import { Engine } from './engine.ts';
import type { AnswerEngine } from './types.ts';

export type { Answer, AnswerEngine, AnswerSource, AskOptions, Intent } from './types.ts';
export { loadAnswerConfig, type AnswerConfig } from './config.ts';

/** Reads and validates the configuration (throws ConfigError naming the variable). */
export function createAnswerEngine(kb: KnowledgeBase, env: NodeJS.ProcessEnv = process.env): AnswerEngine {
  return new Engine(kb, loadAnswerConfig(env));
}
