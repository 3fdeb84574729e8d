import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateExternal } from './external.ts';
import { firstRelevantRank, summarize } from './metrics.ts';

describe('metrics', () => {
  it('counts the first relevant id within the cut-off', () => {
    expect(firstRelevantRank(['a', 'b', 'c'], ['c'])).toBe(3);
    expect(firstRelevantRank(['a', 'a', 'b'], ['b'])).toBe(2);
    expect(firstRelevantRank(['a'], ['z'])).toBe(0);
    const m = summarize([
      { ranked: ['x', 'y'], relevant: ['x'], ms: 1 },
      { ranked: ['x', 'y'], relevant: ['y'], ms: 3 },
      { ranked: ['x'], relevant: ['q'], ms: 2 },
    ]);
    expect(m).toMatchObject({ n: 3, hit_at_1: 0.3333, hit_at_5: 0.6667, mrr_at_10: 0.5, p50_ms: 2 });
  });
});

describe('evaluateExternal', () => {
  it('measures the project and the BM25 baseline on the same set, accented and not', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdhvs-ext-'));
    const passages = [
      { id: 'p1', text: 'Cài đặt ứng dụng VNeID từ kho ứng dụng chính thức.' },
      { id: 'p2', text: 'Quét mã QR để thanh toán tiền chợ.' },
      { id: 'p3', title: 'An toàn', text: 'Không đọc mã OTP cho người lạ.' },
    ];
    const questions = [
      { id: 'q1', question: 'cài đặt ứng dụng ở đâu', relevant_passage_ids: ['p1'] },
      { id: 'q2', question: 'thanh toán tiền chợ', relevant_passage_ids: ['p2'] },
      { id: 'q3', question: 'người lạ hỏi mã', relevant_passage_ids: ['p3'] },
    ];
    fs.writeFileSync(path.join(dir, 'p.jsonl'), passages.map((p) => JSON.stringify(p)).join('\n'));
    fs.writeFileSync(path.join(dir, 'q.jsonl'), questions.map((q) => JSON.stringify(q)).join('\n'));
    const report = await evaluateExternal({
      passagesFile: path.join(dir, 'p.jsonl'),
      questionsFile: path.join(dir, 'q.jsonl'),
      embeddings: { kind: 'local' },
    });
    expect(report).toMatchObject({ n: 3, hit_at_1: 1, passages: 3 });
    expect(report.nodiac.hit_at_1).toBe(1);
    expect(report.baseline.n).toBe(3);
    // The plain baseline cannot match unaccented questions against accented text.
    expect(report.baseline.hit_at_1).toBe(1);
    expect(report.baseline.nodiac.hit_at_1).toBeLessThan(report.nodiac.hit_at_1);
    fs.rmSync(dir, { recursive: true });
  });
});
