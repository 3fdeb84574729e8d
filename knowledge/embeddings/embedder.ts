import type { Embeddings } from '@langchain/core/embeddings';
import { OpenAIEmbeddings } from '@langchain/openai';
import type { EmbeddingsConfig } from '../config.ts';
import { expandAbbreviations } from '../vietnamese/tokenize.ts';
import { LocalEmbeddings } from './local-embeddings.ts';

/**
 * What the knowledge base needs from an embedder: a stable id (recorded in the index, so two
 * embedders are never mixed) and vectors as Float32Array. `langchain` is the same model behind
 * LangChain's `Embeddings` interface, for chains that want it.
 */
export interface Embedder {
  readonly id: string;
  /** The built-in hashing embedder (free, offline, parallelizable on worker threads) or a model server. */
  readonly kind: 'local' | 'remote';
  readonly langchain: Embeddings;
  embedDocuments(texts: string[]): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<Float32Array>;
}

export function createEmbedder(config: EmbeddingsConfig): Embedder {
  if (config.kind === 'local') {
    const local = new LocalEmbeddings();
    return {
      id: local.id,
      kind: 'local',
      langchain: local,
      embedDocuments: async (texts) => texts.map((t) => local.embed(t)),
      embedQuery: async (text) => local.embed(text),
    };
  }
  const remote = new OpenAIEmbeddings({
    model: config.model,
    apiKey: config.apiKey,
    dimensions: config.dimensions,
    encodingFormat: 'float', // base64 (the client's default) comes back empty from some servers
    batchSize: 128,
    maxRetries: 2,
    configuration: { baseURL: config.baseURL },
  });
  const toFloat = (v: number[]) => Float32Array.from(v);
  return {
    id: `openai/${config.model}@${new URL(config.baseURL).host}${config.dimensions ? `/${config.dimensions}` : ''}`,
    kind: 'remote',
    langchain: remote,
    embedDocuments: async (texts) => (await remote.embedDocuments(texts)).map(toFloat),
    // Models know Vietnamese but not residents' teencode: expand it first (the local embedder does too).
    embedQuery: async (text) => toFloat(await remote.embedQuery(expandAbbreviations(text))),
  };
}
