/**
 * `npm run bench [-- --part retrieval|channels|dashboard] [--sizes 10000,100000 --queries 500]`:
 * all benchmarks, or one part, each printing one JSON line per measurement.
 *
 * Retrieval: synthetic corpora of random Vietnamese text drawn (Zipf-like) from the syllables of
 * the shipped knowledge, so term statistics resemble real text. Prints ingest chunks/s (terms and
 * local embeddings on worker threads, SQLite + FTS5 + HNSW, one atomic apply), query p50/p99 and peak RSS; each size
 * runs in a child process so that peak RSS is its own. Channels: webhook intake and outbound
 * pacing against fake platform servers (eval/bench-channels.ts). Dashboard: page renders over a
 * million usage events (eval/bench-dashboard.ts).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { KnowledgeBase, type PreparedDocument } from '../knowledge/knowledge-base.ts';
import { HybridSearch } from '../knowledge/search/hybrid-search.ts';
import { foldDiacritics } from '../knowledge/vietnamese/normalize.ts';
import { phrases } from '../knowledge/vietnamese/tokenize.ts';
import { PreparePool } from '../ingest/prepare-pool.ts';
import { benchChannels } from './bench-channels.ts';
import { benchDashboard } from './bench-dashboard.ts';
import { percentile } from './metrics.ts';
import { random } from './random.ts';

const CHUNKS_PER_DOC = 10;

function vocabulary(): string[] {
  const root = path.join(import.meta.dirname, '../knowledge');
  const counts = new Map<string, number>();
  const visit = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) visit(full);
      else if (/\.(md|txt)$/.test(e.name)) {
        for (const p of phrases(fs.readFileSync(full, 'utf8')))
          for (const s of p) counts.set(s, (counts.get(s) ?? 0) + 1);
      }
    }
  };
  visit(root);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([s]) => s);
}

async function benchmark(size: number, queries: number, words: string[]) {
  const rand = random(size);
  const zipf = () => words[Math.floor(words.length * rand() ** 3)]!;
  const sentence = (n: number) => Array.from({ length: n }, zipf).join(' ');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdhvs-bench-'));
  const kb = KnowledgeBase.open({ dataDir, embeddings: { kind: 'local' } });
  try {
    const texts = Array.from({ length: size }, () => `${sentence(12)}. ${sentence(20)}. ${sentence(30)}.`);
    // Timed like `ingestPaths` on a large folder: terms and vectors on worker threads, then one apply.
    const started = performance.now();
    const pool = new PreparePool();
    const prepared = await pool.prepare(texts);
    await pool.close();
    const put: PreparedDocument[] = [];
    for (let d = 0; d * CHUNKS_PER_DOC < size; d++) {
      const first = d * CHUNKS_PER_DOC;
      const own = texts.slice(first, first + CHUNKS_PER_DOC);
      put.push({
        doc: {
          id: `d${d}`,
          source: `bench/d${d}`,
          title: '',
          kind: 'doc',
          audience: [],
          level: null,
          hash: String(d),
          meta: {},
        },
        chunks: own.map((text, i) => ({ ref: null, heading: '', text, ...prepared[first + i]! })),
        tasks: [],
      });
    }
    kb.apply(put, []);
    const ingestSeconds = (performance.now() - started) / 1000;

    const search = new HybridSearch(kb);
    const times: number[] = [];
    for (let q = 0; q < queries; q++) {
      const source = texts[Math.floor(rand() * texts.length)]!.split(' ');
      const start = Math.floor(rand() * (source.length - 8));
      let query = source.slice(start, start + 3 + Math.floor(rand() * 6)).join(' ');
      if (q % 2) query = foldDiacritics(query); // half the residents type without diacritics
      const t0 = performance.now();
      await search.search(query, { k: 10 });
      times.push(performance.now() - t0);
    }
    return {
      chunks: size,
      ingest_chunks_per_s: Math.round(size / ingestSeconds),
      query_p50_ms: Number(percentile(times, 50).toFixed(2)),
      query_p99_ms: Number(percentile(times, 99).toFixed(2)),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    };
  } finally {
    kb.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const { values } = parseArgs({
  options: {
    part: { type: 'string' },
    sizes: { type: 'string', default: '10000,100000' },
    queries: { type: 'string', default: '500' },
    'one-size': { type: 'string' },
  },
});
const wants = (part: string) => !values.part || values.part === part;

if (values['one-size']) {
  console.log(
    JSON.stringify(await benchmark(Number(values['one-size']), Number(values.queries), vocabulary())),
  );
} else {
  if (wants('retrieval')) {
    for (const size of values.sizes!.split(',')) {
      execFileSync(
        process.execPath,
        [...process.execArgv, import.meta.filename, '--one-size', size, '--queries', values.queries!],
        { stdio: 'inherit' },
      );
    }
  }
  if (wants('channels')) console.log(JSON.stringify({ channels: await benchChannels() }));
  if (wants('dashboard')) console.log(JSON.stringify({ dashboard: await benchDashboard() }));
}
