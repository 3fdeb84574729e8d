import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeDocument, prepareDocument } from '../../ingest/prepare.ts';
import { KnowledgeBase } from '../knowledge-base.ts';
import { HybridSearch } from './hybrid-search.ts';
import { KnowledgeRetriever } from './knowledge-retriever.ts';

let dataDir: string;
let kb: KnowledgeBase;
let search: HybridSearch;

const docs: { id: string; text: string; meta?: Record<string, unknown> }[] = [
  { id: 'ban-hang', text: 'Bán hàng trên mạng cần chụp ảnh sản phẩm rõ nét và ghi giá.' },
  { id: 'ban-ghe', text: 'Bàn ghế trong lớp học cộng đồng được xếp lại mỗi tuần.' },
  { id: 'dvc', text: 'Nộp hồ sơ trên Cổng dịch vụ công quốc gia bằng tài khoản định danh điện tử.' },
  { id: 'otp', text: 'Không bao giờ đọc mã OTP cho người gọi điện xưng là công an.', meta: { groups: ['nguoi-cao-tuoi'], level: 1, kind: 'lesson' } },
  { id: 'chu-ky', text: 'Cán bộ dùng chữ ký số để ký văn bản điện tử.', meta: { groups: ['can-bo'], level: 3, kind: 'lesson' } },
  // The same words: one ends with what it is about, the other opens with it.
  { id: 'sao-luu-cuoi', text: 'Mỗi tháng một lần, cắm sạc điện thoại, bật Wi-Fi, mở phần cài đặt của máy rồi chờ xong việc, sao lưu ảnh.' },
  { id: 'sao-luu-dau', text: 'Sao lưu ảnh: mỗi tháng một lần, cắm sạc điện thoại, bật Wi-Fi, mở phần cài đặt của máy rồi chờ xong việc.' },
];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdhvs-search-'));
  kb = KnowledgeBase.open({ dataDir, embeddings: { kind: 'local' } });
  const prepared = [];
  for (const d of docs) {
    const described = describeDocument({
      source: `docs/${d.id}.md`,
      hash: d.id,
      parsed: { title: '', text: d.text, meta: { id: d.id, ...d.meta }, tables: [] },
    });
    prepared.push(await prepareDocument(described, kb.embedder));
  }
  kb.apply(prepared, []);
  search = new HybridSearch(kb);
});

afterAll(() => {
  kb.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const top = async (q: string, options = {}) => (await search.search(q, options))[0]?.chunk.docId;

describe('HybridSearch', () => {
  it('finds accented text from an unaccented query', async () => {
    expect(await top('nop ho so dich vu cong')).toBe('dvc');
    expect(await top('doc ma otp')).toBe('otp');
  });

  it('ranks exact-accent matches above merely folded ones', async () => {
    expect(await top('bán hàng')).toBe('ban-hang');
    expect(await top('bàn ghế')).toBe('ban-ghe');
    // Unaccented, both fold the same: both are found.
    const both = (await search.search('ban')).map((h) => h.chunk.docId);
    expect(both).toEqual(expect.arrayContaining(['ban-hang', 'ban-ghe']));
  });

  it('understands teencode and abbreviations', async () => {
    expect(await top('nop hs tren dvc')).toBe('dvc');
    expect(await top('ko doc otp cho ng la')).toBe('otp');
  });

  it('ranks a text that opens with the words asked about above one that mentions them last', async () => {
    expect(await top('sao lưu ảnh')).toBe('sao-luu-dau');
    expect(await top('sao luu anh')).toBe('sao-luu-dau');
  });

  it('still finds a text when one word of the query is misspelled', async () => {
    const hits = await search.search('chu kyy sô');
    expect(hits.map((h) => h.chunk.docId)).toContain('chu-ky');
  });

  it('filters by kind, audience and level', async () => {
    const lessons = await search.search('công an mã ký số', { filter: { kind: 'lesson' } });
    expect(new Set(lessons.map((h) => h.chunk.docId))).toEqual(new Set(['otp', 'chu-ky']));
    const forElderly = await search.search('mã OTP chữ ký số', { filter: { audience: 'nguoi-cao-tuoi' } });
    expect(forElderly.map((h) => h.chunk.docId)).not.toContain('chu-ky');
    const level3 = await search.search('mã OTP chữ ký số', { filter: { kind: 'lesson', level: 3 } });
    expect(level3.map((h) => h.chunk.docId)).toEqual(['chu-ky']);
    const within = await search.search('mã OTP chữ ký số', { filter: { docIds: ['otp', 'dvc'] } });
    expect(within.length).toBeGreaterThan(0);
    expect(within.every((h) => ['otp', 'dvc'].includes(h.chunk.docId))).toBe(true);
  });

  it('answers nothing for empty or unknown queries', async () => {
    expect(await search.search('')).toEqual([]);
    expect(await search.search('!!!')).toEqual([]);
  });

  it('scores hits in decreasing order', async () => {
    const hits = await search.search('mã OTP công an');
    expect(hits.length).toBeGreaterThan(0);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
  });

  it('finds the same after the full-text index is merged (as after a bulk load)', async () => {
    const ranked = async () => (await search.search('ko doc otp cho ng la')).map((h) => [h.chunk.id, h.score]);
    const before = await ranked();
    const segments = () => (kb.store.db.prepare('SELECT count(*) AS n FROM chunks_fts_idx').get() as { n: number }).n;
    const rows = segments();
    kb.store.optimizeSearchIndex();
    expect(segments()).toBeLessThanOrEqual(rows);
    expect(await ranked()).toEqual(before);
  });
});

describe('KnowledgeRetriever', () => {
  it('returns LangChain documents with sources and scores', async () => {
    const retriever = new KnowledgeRetriever({ search, k: 2 });
    const documents = await retriever.invoke('cài tài khoản định danh để nộp hồ sơ');
    expect(documents[0]!.pageContent).toContain('Cổng dịch vụ công');
    expect(documents[0]!.metadata).toMatchObject({ docId: 'dvc', kind: 'doc' });
    expect(typeof documents[0]!.metadata.score).toBe('number');
    expect(documents.length).toBeLessThanOrEqual(2);
  });
});
