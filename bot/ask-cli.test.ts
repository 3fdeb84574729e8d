import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.join(import.meta.dirname, '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join(ROOT, 'bot', 'ask-cli.ts');

let dir: string;
let env: NodeJS.ProcessEnv;

/** A small knowledge folder (the plan and two lessons) keeps the spawned ingest quick. */
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdhvs-ask-'));
  const knowledge = path.join(dir, 'knowledge');
  fs.mkdirSync(knowledge);
  const plan = path.join(ROOT, 'knowledge', 'plan');
  for (const f of fs.readdirSync(plan)) fs.copyFileSync(path.join(plan, f), path.join(knowledge, f));
  for (const id of ['vneid-cai-dat', 'at-bao-ve-otp']) {
    fs.copyFileSync(path.join(ROOT, 'knowledge', 'lessons', `${id}.md`), path.join(knowledge, `${id}.md`));
  }
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(OPENAI|EMBEDDINGS|ASSISTANT|ANSWER)_/.test(k)),
  );
  env = { ...inherited, DATA_DIR: path.join(dir, 'data'), KNOWLEDGE_DIR: knowledge, LOG_LEVEL: 'silent' };
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function ask(args: string[], input?: string): Promise<string> {
  const child = run(TSX, [CLI, ...args], { env, cwd: dir, timeout: 30_000 });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  }
  return (await child).stdout;
}

/** Each case spawns tsx: allow for a slow, shared machine. */
const SPAWN_TIMEOUT = 45_000;

describe('ask CLI', () => {
  it(
    'prints exactly one JSON object for a question argument',
    async () => {
      const out = await ask(['--json', 'Ai chủ trì mô hình Chợ số?']);
      const lines = out.trim().split('\n');
      expect(lines).toHaveLength(1);
      const answer = JSON.parse(lines[0]!) as Record<string, unknown>;
      expect(Object.keys(answer)).toEqual(
        expect.arrayContaining(['answer', 'answered', 'confidence', 'intent', 'sources', 'latency_ms']),
      );
      expect(answer).toMatchObject({ answered: true, intent: 'plan' });
      expect((answer.sources as { ref: string; kind: string }[])[0]).toMatchObject({
        kind: 'plan',
        ref: '6.4',
      });
      expect(answer.answer).toContain('Phòng Kinh tế, Hạ tầng và Đô thị');
    },
    SPAWN_TIMEOUT,
  );

  it(
    'answers one question per stdin line, one JSON object per line, in order',
    async () => {
      const out = await ask(['--json'], 'làm sao cài VNeID?\n\nGiá vàng hôm nay bao nhiêu?\nxin chào\n');
      const answers = out
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { answered: boolean; intent: string; sources: { id: string }[] });
      expect(answers.map((a) => a.intent)).toEqual(['howto', 'out_of_scope', 'greeting']);
      expect(answers[0]!.sources[0]!.id).toBe('vneid-cai-dat');
      expect(answers[1]!.answered).toBe(false);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'prints a readable answer without --json',
    async () => {
      const out = await ask(['có người gọi xưng công an đòi mã OTP thì sao?']);
      expect(out.trim().startsWith('{')).toBe(false);
      expect(out).toMatch(/Không bao giờ .*OTP/);
    },
    SPAWN_TIMEOUT,
  );
});
