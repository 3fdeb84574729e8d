import { z } from 'zod';
import { ConfigError, parseEnv } from '../../knowledge/config.ts';

/** Settings of the answer engine, read from the environment (see .env.example). */
export interface AnswerConfig {
  /** Where a person gets human help; named in every polite refusal. */
  contact: string;
  /** A chat model on an OpenAI-compatible server; absent: extractive answers only. */
  llm?: { baseURL: string; apiKey: string; model: string };
  /** Total time an answer may take in LLM mode before the extractive answer is sent instead. */
  budgetMs: number;
  /** Question/answer turns remembered per person. */
  memoryTurns: number;
}

export const DEFAULT_CONTACT = 'Bộ phận Một cửa của phường hoặc Tổ công nghệ số cộng đồng';

const Env = z.object({
  OPENAI_BASE_URL: z.url({ message: 'must be a URL such as http://127.0.0.1:11434/v1' }).optional(),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_MODEL: z.string().min(1).optional(),
  ASSISTANT_CONTACT: z.string().min(3, { message: 'must name a place or person to ask for help' }).optional(),
  ANSWER_TIMEOUT_MS: z.coerce.number().int().min(200).max(60_000).default(3000),
  ANSWER_MEMORY_TURNS: z.coerce.number().int().min(0).max(20).default(4),
});

export function loadAnswerConfig(env: NodeJS.ProcessEnv = process.env): AnswerConfig {
  const e = parseEnv(Env, env);
  if (Boolean(e.OPENAI_BASE_URL) !== Boolean(e.OPENAI_MODEL)) {
    throw new ConfigError(
      'OPENAI_BASE_URL and OPENAI_MODEL must be set together (or neither, for extractive answers without a model).',
    );
  }
  return {
    contact: e.ASSISTANT_CONTACT ?? DEFAULT_CONTACT,
    llm:
      e.OPENAI_BASE_URL && e.OPENAI_MODEL
        ? { baseURL: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL, apiKey: e.OPENAI_API_KEY ?? 'not-needed' }
        : undefined,
    budgetMs: e.ANSWER_TIMEOUT_MS,
    memoryTurns: e.ANSWER_MEMORY_TURNS,
  };
}
