import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { HybridSearch } from '../knowledge/search/hybrid-search.ts';
import { ingestPaths } from './pipeline.ts';

const LOCAL = { kind: 'local' } as const;
let root: string;
let dataDir: string;
let kb: KnowledgeBase;

const write = (name: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  fs.writeFileSync(path.join(root, name), text);
};
const ingest = () => ingestPaths(kb, ['docs'], { cwd: root });

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'bdhvs-ingest-'));
  dataDir = path.join(root, 'data');
  write(
    'docs/vneid.md',
    '---\nid: vneid\ntitle: Cài VNeID\n---\n# Cài VNeID\n\n1. Mở kho ứng dụng.\n2. Tìm VNeID và bấm Cài đặt.\n',
  );
  write('docs/otp.txt', 'Mã OTP\n\nKhông bao giờ đọc mã OTP cho người lạ qua điện thoại.');
  kb = KnowledgeBase.open({ dataDir, embeddings: LOCAL });
});

afterEach(() => {
  kb.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('ingestPaths', () => {
  it('adds new files, then does nothing when nothing changed', async () => {
    const first = await ingest();
    expect(first.added.sort()).toEqual(['otp', 'vneid']);
    expect(first.failed).toEqual([]);
    const again = await ingest();
    expect(again).toMatchObject({ added: [], updated: [], removed: [], unchanged: 2 });
  });

  it('replaces the chunks of a changed file and drops a removed one', async () => {
    await ingest();
    write('docs/vneid.md', '---\nid: vneid\ntitle: Cài VNeID\n---\nBấm nút Kích hoạt tài khoản định danh.');
    fs.rmSync(path.join(root, 'docs/otp.txt'));
    const report = await ingest();
    expect(report.updated).toEqual(['vneid']);
    expect(report.removed).toEqual(['otp']);
    const search = new HybridSearch(kb);
    expect((await search.search('kích hoạt')).map((h) => h.chunk.docId)).toEqual(['vneid']);
    expect(await search.search('mở kho ứng dụng')).toSatisfy((hits: unknown[]) =>
      hits.every((h) => (h as { chunk: { text: string } }).chunk.text.includes('Kích hoạt')),
    );
    expect(await search.search('mã OTP người lạ')).toSatisfy((hits: { chunk: { docId: string } }[]) =>
      hits.every((h) => h.chunk.docId !== 'otp'),
    );
  });

  it('reports a file it cannot read and goes on with the others', async () => {
    write('docs/broken.docx', 'this is not a zip file');
    const report = await ingest();
    expect(report.added.sort()).toEqual(['otp', 'vneid']);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]!.file).toBe('docs/broken.docx');
    expect(report.failed[0]!.reason).not.toBe('');
  });

  it('keeps serving the previous index when a change fails half-way', async () => {
    await ingest();
    const generation = kb.store.getMeta('vectors.file');
    const broken = {
      doc: {
        id: 'bad',
        source: 'docs/bad.md',
        title: 'x',
        kind: 'doc' as const,
        audience: [],
        level: null,
        hash: 'h',
        meta: {},
      },
      chunks: [
        {
          ref: null,
          heading: '',
          text: 'hỏng',
          terms: { acc: 'hỏng', accPair: '', fold: 'hong', foldPair: '' },
          embedding: new Float32Array(3),
        },
      ],
      tasks: [],
    };
    expect(() => kb.apply([broken], ['vneid'])).toThrow(/dimensions/);
    expect(kb.store.getMeta('vectors.file')).toBe(generation);
    expect(fs.readdirSync(dataDir).filter((f) => f.endsWith('.hnsw'))).toEqual([generation]);
    const hits = await new HybridSearch(kb).search('cài vneid');
    expect(hits[0]?.chunk.docId).toBe('vneid');
    expect(hits[0]?.vectorRank).toBeDefined();
  });

  it('rebuilds a missing vector file from the stored embeddings', async () => {
    await ingest();
    kb.close();
    for (const f of fs.readdirSync(dataDir).filter((f) => f.endsWith('.hnsw')))
      fs.rmSync(path.join(dataDir, f));
    kb = KnowledgeBase.open({ dataDir, embeddings: LOCAL });
    expect(kb.vectorIndex?.size).toBe(kb.store.chunkCount());
  });

  it('refuses to mix embedders, and accepts a reset', async () => {
    await ingest();
    kb.close();
    const other = { kind: 'openai', baseURL: 'http://127.0.0.1:9/v1', model: 'm', apiKey: 'k' } as const;
    expect(() => KnowledgeBase.open({ dataDir, embeddings: other })).toThrow(/cannot be mixed/);
    kb = KnowledgeBase.open({ dataDir, embeddings: other }, { reset: true });
    expect(kb.store.chunkCount()).toBe(0);
  });

  it('rebuilds an index made by an older version of the local embedder', async () => {
    await ingest();
    kb.store.setMeta('vectors.embedder', 'local-hash-v0/64');
    kb.close();
    kb = KnowledgeBase.open({ dataDir, embeddings: LOCAL });
    expect(kb.store.chunkCount()).toBe(0);
    expect((await ingest()).added.sort()).toEqual(['otp', 'vneid']);
    expect((await new HybridSearch(kb).search('ma otp'))[0]?.chunk.docId).toBe('otp');
  });

  it('lets a running process pick up what another process ingested', async () => {
    await ingest();
    const server = KnowledgeBase.open({ dataDir, embeddings: LOCAL });
    try {
      expect(server.refresh()).toBe(false);
      write(
        'docs/zalo.md',
        '---\nid: zalo\ntitle: Gọi video Zalo\n---\nBấm biểu tượng máy quay để gọi video.',
      );
      await ingest();
      expect(server.refresh()).toBe(true);
      const hits = await new HybridSearch(server).search('goi video zalo');
      expect(hits[0]?.chunk.docId).toBe('zalo');
      expect(hits[0]?.vectorRank).toBeDefined();
    } finally {
      server.close();
    }
  });

  it('prepares many chunks on worker threads with the same result as inline', async () => {
    const lessons = path.join(import.meta.dirname, '../knowledge/lessons');
    await ingestPaths(kb, [lessons], { cwd: root });
    const inline = kb.store.db.prepare('SELECT ref, text, embedding FROM chunks ORDER BY doc_id, ord').all();
    kb.close();
    kb = KnowledgeBase.open({ dataDir: path.join(root, 'parallel'), embeddings: LOCAL });
    const report = await ingestPaths(kb, [lessons], { cwd: root, parallelFrom: 1 });
    expect(report.chunks).toBe(inline.length);
    expect(kb.store.db.prepare('SELECT ref, text, embedding FROM chunks ORDER BY doc_id, ord').all()).toEqual(
      inline,
    );
    const hits = await new HybridSearch(kb).search('cach cai vneid');
    expect(hits[0]?.chunk.docId).toBe('vneid-cai-dat');
    expect(hits[0]?.vectorRank).toBeDefined();
  });

  it('indexes the plan appendix as 39 task records and chunks', async () => {
    const plan = path.join(import.meta.dirname, '../knowledge/plan');
    const report = await ingestPaths(kb, [plan], { cwd: root });
    expect(report.planTasks).toBe(39);
    const tasks = kb.store.planTasks();
    expect(tasks).toHaveLength(39);
    expect(tasks.every((t) => t.chunkId !== null)).toBe(true);
    const hits = await new HybridSearch(kb).search('ai chu tri mo hinh cho so', { filter: { kind: 'plan' } });
    expect(hits[0]?.chunk.ref).toBe('6.4');
  });
});
