import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder } from './embedder.ts';
import { LocalEmbeddings } from './local-embeddings.ts';

const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};

describe('LocalEmbeddings', () => {
  const local = new LocalEmbeddings();

  it('is deterministic, normalized and of the declared size', async () => {
    const [a] = await local.embedDocuments(['Cài đặt VNeID']);
    expect(a).toEqual(await local.embedQuery('Cài đặt VNeID'));
    expect(a).toHaveLength(local.dimensions);
    expect(cosine(a!, a!)).toBeCloseTo(1, 5);
  });

  it('places related Vietnamese texts closer than unrelated ones', () => {
    const query = local.embed('làm sao cài vneid');
    const related = local.embed('Hướng dẫn cài đặt ứng dụng VNeID trên điện thoại');
    const unrelated = local.embed('Chợ số giúp tiểu thương bán hàng trực tuyến');
    expect(cosine(query, related)).toBeGreaterThan(cosine(query, unrelated) + 0.1);
  });

  it('meets unaccented and abbreviated forms', () => {
    const text = local.embed('Không chia sẻ mã OTP cho ai');
    expect(cosine(local.embed('khong chia se ma otp'), text)).toBeGreaterThan(0.5);
    const card = local.embed('thẻ căn cước công dân');
    expect(cosine(local.embed('cccd'), card)).toBeGreaterThan(cosine(local.embed('giá vàng'), card));
  });
});

describe('OpenAI-compatible embeddings', () => {
  let server: http.Server;
  let baseURL: string;
  const requests: { model: string; input: string[] }[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const raw = JSON.parse(body) as { model: string; input: string | string[] };
        const parsed = { model: raw.model, input: typeof raw.input === 'string' ? [raw.input] : raw.input };
        requests.push(parsed);
        const data = parsed.input.map((text, index) => ({ object: 'embedding', index, embedding: [text.length, 1, 0] }));
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ object: 'list', data, model: parsed.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('calls the configured endpoint through @langchain/openai and records its identity', async () => {
    const embedder = createEmbedder({ kind: 'openai', baseURL, model: 'vi-embed', apiKey: 'test' });
    const vectors = await embedder.embedDocuments(['một', 'hai ba']);
    expect(vectors.map((v) => Array.from(v))).toEqual([
      [3, 1, 0],
      [6, 1, 0],
    ]);
    expect(Array.from(await embedder.embedQuery('bốn'))).toEqual([3, 1, 0]);
    expect(requests[0]).toMatchObject({ model: 'vi-embed', input: ['một', 'hai ba'] });
    expect(embedder.id).toBe(`openai/vi-embed@${new URL(baseURL).host}`);
  });
});
