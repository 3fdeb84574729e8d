import path from 'node:path';
import { z } from 'zod';

/**
 * Settings of the knowledge layer, read from the environment (and `.env`, loaded by each entry
 * point). Invalid values stop the program with a message that names the variable.
 */
export type EmbeddingsConfig =
  | { kind: 'local' }
  | { kind: 'openai'; baseURL: string; model: string; apiKey: string; dimensions?: number };

export interface KnowledgeConfig {
  dataDir: string;
  knowledgeDir: string;
  embeddings: EmbeddingsConfig;
}

const Env = z.object({
  DATA_DIR: z.string().min(1).default('./data'),
  KNOWLEDGE_DIR: z.string().min(1).default('./knowledge'),
  EMBEDDINGS_BASE_URL: z.url({ message: 'must be a URL such as http://127.0.0.1:11434/v1' }).optional(),
  EMBEDDINGS_MODEL: z.string().min(1).optional(),
  EMBEDDINGS_API_KEY: z.string().optional(),
  EMBEDDINGS_DIMENSIONS: z.coerce.number().int().positive().optional(),
  OPENAI_API_KEY: z.string().optional(),
});

export class ConfigError extends Error {}

/**
 * Validates the environment against a zod schema. Blank values count as unset (a copied
 * `.env.example` leaves many empty); errors name each variable at fault.
 */
export function parseEnv<T extends z.ZodType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(blankless);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

export function loadKnowledgeConfig(env: NodeJS.ProcessEnv = process.env): KnowledgeConfig {
  const e = parseEnv(Env, env);
  if (Boolean(e.EMBEDDINGS_BASE_URL) !== Boolean(e.EMBEDDINGS_MODEL)) {
    throw new ConfigError('EMBEDDINGS_BASE_URL and EMBEDDINGS_MODEL must be set together (or neither, for the local embedder).');
  }
  const embeddings: EmbeddingsConfig =
    e.EMBEDDINGS_BASE_URL && e.EMBEDDINGS_MODEL
      ? {
          kind: 'openai',
          baseURL: e.EMBEDDINGS_BASE_URL,
          model: e.EMBEDDINGS_MODEL,
          apiKey: e.EMBEDDINGS_API_KEY ?? e.OPENAI_API_KEY ?? 'not-needed',
          dimensions: e.EMBEDDINGS_DIMENSIONS,
        }
      : { kind: 'local' };
  return { dataDir: path.resolve(e.DATA_DIR), knowledgeDir: path.resolve(e.KNOWLEDGE_DIR), embeddings };
}
