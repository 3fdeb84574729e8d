/**
 * Answer quality on the project's gold sets: are the expected facts in the answer text, does the
 * answer cite the right plan task or lesson, does it decline what it should (and only that), and
 * how fast — for accented, unaccented and teencode questions, extractive and (when configured)
 * LLM mode. Sets ending in "-holdout" or "-fresh" were written before a round of tuning and never tuned on.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Engine } from '../bot/answer/engine.ts';
import { loadAnswerConfig } from '../bot/answer/config.ts';
import type { Answer } from '../bot/answer/types.ts';
import type { KnowledgeConfig } from '../knowledge/config.ts';
import { KnowledgeBase } from '../knowledge/knowledge-base.ts';
import { foldDiacritics } from '../knowledge/vietnamese/normalize.ts';
import { canonical } from '../knowledge/vietnamese/tokenize.ts';
import { ingestPaths } from '../ingest/pipeline.ts';
import { readJsonl } from './jsonl.ts';
import { percentile } from './metrics.ts';
import { toTeencode } from './teencode.ts';

const GOLD_DIR = path.join(import.meta.dirname, 'gold');

export type Variant = 'accented' | 'nodiac' | 'teencode';
const VARIANTS: Record<Variant, (q: string) => string> = {
  accented: (q) => q,
  nodiac: foldDiacritics,
  teencode: toTeencode,
};

/** One gold case: what a good answer contains and cites, or that it must decline. */
export interface AnswerCase {
  id: string;
  question: string;
  facts?: string[];
  tasks?: string[];
  lessons?: string[];
  type?: 'out_of_scope' | 'injection';
}

export interface AnswerMetrics {
  n: number;
  /** Share of expected facts found in the answers (answerable sets). */
  fact_recall: number | null;
  /** Share of answers citing the right task(s) or an expected lesson first. */
  citation: number | null;
  /** Share declined: the goal for decline sets, the false-decline rate for answerable ones. */
  declined: number;
  p50_ms: number;
  p95_ms: number;
  /** Ids of the cases that missed, to read. */
  misses: string[];
}

export type AnswerReport = Record<string, Record<string, Record<Variant, AnswerMetrics>>>;

const norm = (s: string) => canonical(s).replace(/[“”"]/g, '"').replace(/\s+/g, ' ');

/** Whether the answer holds the fact (case, quotes, tone-mark placement ignored). */
export function hasFact(text: string, fact: string): boolean {
  return norm(text).includes(norm(fact));
}

/** Right citation: plan answers cite every expected task (a single task first); lessons cite one first. */
export function citesCorrectly(answer: Answer, c: AnswerCase): boolean {
  if (c.tasks) {
    const refs = answer.sources.filter((s) => s.kind === 'plan').map((s) => s.ref);
    if (c.tasks.length === 1) return refs[0] === c.tasks[0];
    return c.tasks.every((t) => refs.includes(t));
  }
  if (c.lessons) return c.lessons.includes(answer.sources[0]?.id ?? '');
  return true;
}

export function loadCases(file: string): AnswerCase[] {
  return readJsonl<AnswerCase>(path.join(GOLD_DIR, file));
}

/** Every gold answer set in the folder ("plan.jsonl" → "plan"), the main sets first. */
export function goldSets(dir = GOLD_DIR): Record<string, string> {
  const order = (name: string) => ['plan', 'resident', 'decline'].findIndex((p) => name.startsWith(p));
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort((a, b) => order(a) - order(b) || a.length - b.length || a.localeCompare(b));
  return Object.fromEntries(files.map((f) => [f.replace(/\.jsonl$/, ''), f]));
}

export async function scoreCases(
  engine: Engine,
  cases: AnswerCase[],
  variant: Variant,
): Promise<AnswerMetrics> {
  let facts = 0;
  let found = 0;
  let cited = 0;
  let answerable = 0;
  let declined = 0;
  const ms: number[] = [];
  const misses: string[] = [];
  for (const c of cases) {
    const t0 = performance.now();
    const answer = await engine.ask(VARIANTS[variant](c.question));
    ms.push(performance.now() - t0);
    if (!answer.answered) declined++;
    if (c.type) {
      if (answer.answered) misses.push(c.id);
      continue;
    }
    answerable++;
    const got = (c.facts ?? []).filter((f) => hasFact(answer.text, f)).length;
    facts += c.facts?.length ?? 0;
    found += got;
    const right = citesCorrectly(answer, c);
    if (right) cited++;
    if (!right || got < (c.facts?.length ?? 0) || !answer.answered) misses.push(c.id);
  }
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    n: cases.length,
    fact_recall: answerable ? r(facts ? found / facts : 1) : null,
    citation: answerable ? r(cited / answerable) : null,
    declined: r(declined / Math.max(1, cases.length)),
    p50_ms: r(percentile(ms, 50)),
    p95_ms: r(percentile(ms, 95)),
    misses,
  };
}

/** Runs every gold set through the engine, extractive and, when a model is configured, LLM mode. */
export async function evaluateAnswers(
  config: KnowledgeConfig,
  env: NodeJS.ProcessEnv = process.env,
  { skip }: { skip?: string } = {},
): Promise<AnswerReport> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdhvs-answers-'));
  const kb = KnowledgeBase.open({ dataDir, embeddings: config.embeddings });
  try {
    await ingestPaths(kb, [config.knowledgeDir]);
    const answerConfig = loadAnswerConfig(env);
    const modes: Record<string, Engine> = {
      extractive: new Engine(kb, { ...answerConfig, llm: undefined, memoryTurns: 0 }),
    };
    if (answerConfig.llm) modes.llm = new Engine(kb, { ...answerConfig, memoryTurns: 0 });
    const report: AnswerReport = {};
    for (const [mode, engine] of Object.entries(modes)) {
      await engine.ask('làm sao cài VNeID?'); // warm caches so the first case is not timed cold
      report[mode] = {};
      for (const [set, file] of Object.entries(goldSets())) {
        if (skip && set.includes(skip)) continue;
        const cases = loadCases(file);
        const byVariant = {} as Record<Variant, AnswerMetrics>;
        for (const variant of Object.keys(VARIANTS) as Variant[])
          byVariant[variant] = await scoreCases(engine, cases, variant);
        report[mode][set] = byVariant;
      }
    }
    return report;
  } finally {
    kb.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);

export function formatAnswerReport(report: AnswerReport): string {
  const lines = [
    '| mode | set | variant | n | fact recall | citation | declined | p50 ms | p95 ms |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [mode, sets] of Object.entries(report)) {
    for (const [set, variants] of Object.entries(sets)) {
      for (const [variant, m] of Object.entries(variants)) {
        lines.push(
          `| ${mode} | ${set} | ${variant} | ${m.n} | ${pct(m.fact_recall)} | ${pct(m.citation)} | ${pct(m.declined)} | ${m.p50_ms.toFixed(1)} | ${m.p95_ms.toFixed(1)} |`,
        );
      }
    }
  }
  lines.push('', '*declined*: the goal on decline sets; the false-decline rate on answerable sets.');
  return lines.join('\n');
}
