import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../bot/answer/types.ts';
import { citesCorrectly, formatAnswerReport, goldSets, hasFact, type AnswerMetrics } from './answers.ts';

const answer = (sources: Partial<Answer['sources'][number]>[]): Answer => ({
  text: '',
  answered: true,
  confidence: 1,
  intent: 'plan',
  suggestions: [],
  mode: 'extractive',
  sources: sources.map((s) => ({ id: 'plan', title: 'Plan', kind: 'plan', ref: null, score: 1, ...s })),
});

describe('answer scoring', () => {
  it('finds a fact whatever the case, quotes or tone-mark placement', () => {
    expect(hasFact('Đơn vị: PHÒNG VĂN HOÁ - Xã hội.', 'Phòng Văn hóa - Xã hội')).toBe(true);
    expect(hasFact('mô hình “Chợ số”', 'mô hình "Chợ số"')).toBe(true);
    expect(hasFact('Phòng Văn hóa', 'Phòng Văn hóa - Xã hội')).toBe(false);
  });

  it('checks plan citations: a single task first, every task of a list', () => {
    expect(
      citesCorrectly(answer([{ ref: '6.4' }, { ref: '1.1' }]), { id: 'a', question: '', tasks: ['6.4'] }),
    ).toBe(true);
    expect(
      citesCorrectly(answer([{ ref: '1.1' }, { ref: '6.4' }]), { id: 'a', question: '', tasks: ['6.4'] }),
    ).toBe(false);
    expect(citesCorrectly(answer([{ ref: '4.2' }]), { id: 'a', question: '', tasks: ['4.2', '6.6'] })).toBe(
      false,
    );
    expect(
      citesCorrectly(answer([{ id: 'vneid-cai-dat', kind: 'lesson' }]), {
        id: 'r',
        question: '',
        lessons: ['vneid-cai-dat'],
      }),
    ).toBe(true);
  });

  it('prints one table row per mode, set and variant', () => {
    const m: AnswerMetrics = {
      n: 2,
      fact_recall: 0.5,
      citation: 1,
      declined: 0,
      p50_ms: 3,
      p95_ms: 4,
      misses: ['x'],
    };
    const table = formatAnswerReport({ extractive: { plan: { accented: m, nodiac: m, teencode: m } } });
    expect(table).toContain('| extractive | plan | nodiac | 2 | 50.0% | 100.0% | 0.0% | 3.0 | 4.0 |');
  });

  it('finds every gold set in the folder, main sets first', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gold-'));
    try {
      for (const f of ['resident-fresh.jsonl', 'plan.jsonl', 'decline.jsonl', 'resident.jsonl', 'notes.txt'])
        fs.writeFileSync(path.join(dir, f), '');
      expect(Object.keys(goldSets(dir))).toEqual(['plan', 'resident', 'resident-fresh', 'decline']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
