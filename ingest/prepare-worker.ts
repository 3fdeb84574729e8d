/**
 * Worker thread of PreparePool: index terms and local embeddings for a slice of chunk texts.
 * Vectors go back in one transferred buffer (no copy).
 */
import { parentPort } from 'node:worker_threads';
import { LocalEmbeddings } from '../knowledge/embeddings/local-embeddings.ts';
import { indexTerms } from '../knowledge/search/index-terms.ts';

const embedder = new LocalEmbeddings();

parentPort!.on('message', ({ id, texts }: { id: number; texts: string[] }) => {
  const dims = embedder.dimensions;
  const vectors = new Float32Array(texts.length * dims);
  const terms = texts.map((text, i) => {
    vectors.set(embedder.embed(text), i * dims);
    return indexTerms(text);
  });
  parentPort!.postMessage({ id, terms, vectors }, [vectors.buffer]);
});
