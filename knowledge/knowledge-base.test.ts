import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalEmbeddings } from './embeddings/local-embeddings.ts';
import { KnowledgeBase, type PreparedDocument } from './knowledge-base.ts';
import { foldDiacritics } from './vietnamese/normalize.ts';

const embedder = new LocalEmbeddings();
const WORDS = 'cài đặt ứng dụng vneid tài khoản định danh mã otp điện thoại dịch vụ công hồ sơ chữ ký số'.split(' ');
const opened: { kb: KnowledgeBase; dir: string }[] = [];

/** Runs every apply on the worker path (from one vector on), or never. */
function open(onWorker: boolean): { kb: KnowledgeBase; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdhvs-kb-'));
  const kb = KnowledgeBase.open({ dataDir: dir, embeddings: { kind: 'local' } }, {
    vectorWorkerFrom: onWorker ? 1 : Infinity,
  });
  opened.push({ kb, dir });
  return { kb, dir };
}

const text = (doc: string, i: number) =>
  Array.from({ length: 8 }, (_, w) => WORDS[(doc.length * 7 + i * 3 + w * 5) % WORDS.length]).join(' ') + ` ${doc} ${i}`;

function documents(ids: string[], chunksEach = 10): PreparedDocument[] {
  return ids.map((id) => ({
    doc: { id, source: `docs/${id}.md`, title: id, kind: 'doc', audience: [], level: null, hash: id, meta: {} },
    chunks: Array.from({ length: chunksEach }, (_, i) => {
      const t = text(id, i);
      return {
        ref: null,
        heading: '',
        text: t,
        terms: { acc: t, accPair: '', fold: foldDiacritics(t), foldPair: '' },
        embedding: embedder.embed(t),
      };
    }),
    tasks: [],
  }));
}

const names = (n: number, prefix = 'd') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const vectorFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.hnsw'));
const nearest = (kb: KnowledgeBase, t: string) => kb.vectorIndex!.search(embedder.embed(t), 5).map((h) => h.id);

afterEach(() => {
  for (const { kb, dir } of opened.splice(0)) {
    kb.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe('KnowledgeBase.apply with the graph built on a worker', () => {
  it('stores the same chunk ids and finds the same neighbours as the inline path', () => {
    const inline = open(false).kb;
    const worker = open(true).kb;
    inline.apply(documents(names(30)), []);
    worker.apply(documents(names(30)), []);
    const ids = (kb: KnowledgeBase) => kb.store.db.prepare('SELECT id, doc_id FROM chunks ORDER BY id').all();
    expect(ids(worker)).toEqual(ids(inline));
    expect(worker.vectorIndex?.size).toBe(300);
    for (const probe of ['cài đặt vneid', 'mã otp điện thoại', text('d3', 4)]) {
      expect(nearest(worker, probe)).toEqual(nearest(inline, probe));
    }
  });

  it('applies a later change to the saved graph: replaced and removed chunks leave it', () => {
    const { kb, dir } = open(true);
    kb.apply(documents(names(20)), []);
    const before = kb.store.chunkIdsOf('d1');
    const replaced = documents(['d0']).map((p) => ({ ...p, chunks: p.chunks.map((c) => ({ ...c })) }));
    replaced[0]!.chunks[0]!.text = 'thay thế';
    kb.apply([...replaced, ...documents(names(3, 'n'))], ['d1']);
    expect(kb.vectorIndex?.size).toBe(kb.store.chunkCount());
    expect(kb.store.chunkCount()).toBe(220);
    expect(nearest(kb, text('d1', 2))).not.toContain(before[2]);
    expect(nearest(kb, text('n2', 5))[0]).toBe(kb.store.chunkIdsOf('n2')[5]);
    expect(vectorFiles(dir)).toEqual([kb.store.getMeta('vectors.file')]);
    kb.close();
    const reopened = KnowledgeBase.open({ dataDir: dir, embeddings: { kind: 'local' } });
    opened[0]!.kb = reopened;
    expect(reopened.vectorIndex?.size).toBe(220);
  });

  it('compacts the graph once more than half of it is deleted', () => {
    const { kb } = open(true);
    kb.apply(documents(names(20)), []);
    kb.apply(documents(['late']), names(15));
    expect(kb.vectorIndex?.size).toBe(60);
    expect(kb.vectorIndex?.garbageRatio).toBe(0);
    expect(nearest(kb, text('d17', 1))[0]).toBe(kb.store.chunkIdsOf('d17')[1]);
  });

  it('keeps serving the previous index when the change fails while the worker builds', () => {
    const { kb, dir } = open(true);
    kb.apply(documents(names(5)), []);
    const file = kb.store.getMeta('vectors.file');
    const broken = documents(['bad']);
    (broken[0]!.chunks[3] as { text: unknown }).text = null; // NOT NULL fails mid-way
    expect(() => kb.apply(broken, ['d0'])).toThrow(/NOT NULL/);
    const wrongSize = documents(['bad']);
    wrongSize[0]!.chunks[0]!.embedding = new Float32Array(3);
    expect(() => kb.apply(wrongSize, [])).toThrow(/dimensions/);
    expect(kb.store.getMeta('vectors.file')).toBe(file);
    expect(vectorFiles(dir)).toEqual([file]);
    expect(kb.store.chunkCount()).toBe(50);
    expect(nearest(kb, text('d0', 2))[0]).toBe(kb.store.chunkIdsOf('d0')[2]);
  });
});

describe('KnowledgeBase.open', () => {
  const reopen = (entry: { kb: KnowledgeBase; dir: string }) => {
    entry.kb.close();
    entry.kb = KnowledgeBase.open({ dataDir: entry.dir, embeddings: { kind: 'local' } });
    return entry.kb;
  };

  it('keeps an index whose full-text terms were made the current way', () => {
    const entry = open(false);
    entry.kb.apply(documents(names(3)), []);
    expect(reopen(entry).store.chunkCount()).toBe(30);
  });

  it('empties an index whose full-text terms were made another way, for the next ingest to rebuild', () => {
    const older = open(false);
    older.kb.apply(documents(names(3)), []);
    older.kb.store.setMeta('terms.version', '1');
    const kb = reopen(older);
    expect(kb.store.chunkCount()).toBe(0);
    expect(kb.vectorIndex).toBeUndefined();
    expect(vectorFiles(older.dir)).toEqual([]);
    kb.apply(documents(['again']), []);
    expect(reopen(older).store.chunkCount()).toBe(10);

    // An index from before the version was recorded is rebuilt too.
    const unversioned = open(false);
    unversioned.kb.apply(documents(names(2)), []);
    unversioned.kb.store.db.prepare("DELETE FROM meta WHERE key = 'terms.version'").run();
    expect(reopen(unversioned).store.chunkCount()).toBe(0);
  });
});
