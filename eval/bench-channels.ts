/**
 * Channel benchmarks on loopback: (1) webhook intake on the real server, offered faster than
 * 1,000 updates/s with 10% duplicates and 5% malformed bodies, every valid update answered
 * exactly once through a fake Telegram API; (2) outbound sending into a fake Telegram API that
 * enforces a global limit with 429 + retry_after, checking that every 429 was retried.
 * Run alone with `npx tsx eval/bench-channels.ts [--rate 1200 --seconds 3] [--warmup 2] [--single-thread]`:
 * --warmup offers that many seconds of load first and measures a warm process (by default the
 * load starts right after the server, cold); --single-thread works the queues on the HTTP thread,
 * as the tests do, instead of on a worker thread as `npm start` does.
 */
import fs from 'node:fs';
import { fork } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { loadChannelConfig } from '../bot/channels/config.ts';
import { ChannelRuntime } from '../bot/channels/runtime.ts';
import { TelegramChannel } from '../bot/channels/telegram/telegram-channel.ts';
import { echoConversation } from '../bot/channels/testing/echo-conversation.ts';
import { FakeTelegram } from '../bot/channels/testing/fake-telegram.ts';
import { startApp } from '../bot/server/start.ts';
import { openStateDatabase } from '../bot/state/database.ts';
import { percentile } from './metrics.ts';

const TOKEN = '100200:bench';
const SECRET = 'bench-secret';
const logger = pino({ level: 'silent' });
/** Linux's USER_HZ, the unit of /proc's CPU times. */
const CLOCK_TICKS_PER_SECOND = 100;
const ECHO_MODULE = new URL('../bot/channels/testing/echo-conversation.ts', import.meta.url).href;

export interface ChannelBenchResult {
  /** Load offered right after the server started (V8 still compiling), then to a warm server. */
  intake: IntakeResult;
  intakeWarm?: IntakeResult;
  outbound: OutboundResult;
}

interface IntakeResult {
  /** Where the queues were worked: a worker thread (as `npm start`) or the HTTP thread. */
  queues: 'worker thread' | 'HTTP thread';
  warmupSeconds: number;
  offered: number;
  offeredPerSecond: number;
  valid: number;
  duplicates: number;
  malformed: number;
  acceptedPerSecond: number;
  p50AckMs: number;
  p99AckMs: number;
  rejectedMalformed: number;
  answeredExactlyOnce: boolean;
  drainMs: number;
  /** The server process's event-loop delay while the load was offered: what acks queue behind. */
  p99EventLoopDelayMs: number;
  maxEventLoopDelayMs: number;
  /** The server process's CPU time per offered request, load and drain together (less noisy than latency on a shared machine). */
  serverCpuUsPerRequest: number;
  /** Of that, the HTTP thread's, the one that acknowledges (NaN where /proc is missing). */
  httpThreadCpuUsPerRequest: number;
}

interface OutboundResult {
  messages: number;
  platformLimitPerSecond: number;
  delivered: number;
  tooManyRequests: number;
  givenUp: number;
  zeroUnretried429: boolean;
  seconds: number;
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'bdhvs-bench-channels-'));
}

interface IntakeOptions {
  rate: number;
  seconds: number;
  /** Seconds of the same kind of load offered (and answered) first, so the measurement sees a warm process. */
  warmupSeconds: number;
  /** Work the queues on the HTTP thread, as the tests do, instead of a worker thread as `npm start` does. */
  singleThread: boolean;
}

/** Webhook bodies at `rate`/s for `seconds`: 10% redeliveries, 5% malformed; texts start with `prefix`. */
function webhookBodies(rate: number, seconds: number, firstId: number, prefix: string) {
  const total = rate * seconds;
  const bodies: { body: string; kind: 'valid' | 'duplicate' | 'malformed' }[] = [];
  const valid: string[] = [];
  for (let i = 0; i < total; i++) {
    if (i % 20 === 7)
      bodies.push({ body: i % 40 === 7 ? '{"update_id": ' : '{"message": {}}', kind: 'malformed' });
    else if (i % 10 === 3 && valid.length)
      bodies.push({ body: valid[(i * 7919) % valid.length]!, kind: 'duplicate' });
    else {
      const body = JSON.stringify({
        update_id: firstId + i,
        message: {
          message_id: i,
          date: 1,
          chat: { id: 10_000 + (i % 2000), type: 'private' },
          text: `${prefix}${i}`,
        },
      });
      valid.push(body);
      bodies.push({ body, kind: 'valid' });
    }
  }
  return { bodies, valid };
}

async function intake(options: IntakeOptions): Promise<IntakeResult> {
  const { rate, seconds } = options;
  // The platform side (load generator and fake Telegram API) runs in a child process, as the real
  // platform runs elsewhere: the server's process does only its own work.
  const platform = await startPlatform();
  const dataDir = tempDir();
  const db = openStateDatabase(dataDir);
  const app = await startApp({
    config: loadChannelConfig({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: platform.telegramUrl,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      PUBLIC_URL: 'https://bench.invalid',
    }),
    db,
    conversation: echoConversation,
    // As `npm start` runs: the queues are worked on a worker thread (unless asked otherwise).
    channelWorker: options.singleThread ? undefined : { conversationModule: ECHO_MODULE },
    logger,
    host: '127.0.0.1',
    port: 0,
    limits: { globalPerSecond: 20_000, perChatPerSecond: 100, perChatBurst: 100 },
  });
  if (options.warmupSeconds > 0) {
    const warmup = webhookBodies(rate, options.warmupSeconds, 5_000_000, 'w');
    await platform.offerLoad(
      app.address,
      warmup.bodies.map((b) => b.body),
      rate,
    );
    await app.channels.idle(60_000);
  }
  const total = rate * seconds;
  const { bodies, valid } = webhookBodies(rate, seconds, 1_000_000, 'q');
  const cpuBefore = process.cpuUsage();
  const threadCpuBefore = threadCpuUs();
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const { results, elapsed } = await platform.offerLoad(
    app.address,
    bodies.map((b) => b.body),
    rate,
  );
  loopDelay.disable();
  const drainStarted = performance.now();
  await app.channels.idle(60_000);
  const drainMs = performance.now() - drainStarted;
  const cpu = process.cpuUsage(cpuBefore);
  const httpThreadCpu = threadCpuUs() - threadCpuBefore;
  const answers = new Map<string, number>();
  for (const text of await platform.sentTexts())
    if (text.startsWith('Đáp: q')) answers.set(text, (answers.get(text) ?? 0) + 1);
  const answeredExactlyOnce =
    answers.size === valid.length &&
    valid.every(
      (b) => answers.get(`Đáp: ${(JSON.parse(b) as { message: { text: string } }).message.text}`) === 1,
    );
  const acked = results.filter((r, i) => r.status === 200 && bodies[i]!.kind !== 'malformed');
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
  await app.stop();
  db.close();
  platform.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    queues: options.singleThread ? 'HTTP thread' : 'worker thread',
    warmupSeconds: options.warmupSeconds,
    offered: total,
    offeredPerSecond: Math.round(total / elapsed),
    valid: valid.length,
    duplicates: bodies.filter((b) => b.kind === 'duplicate').length,
    malformed: bodies.filter((b) => b.kind === 'malformed').length,
    acceptedPerSecond: Math.round(acked.length / elapsed),
    p50AckMs: round(percentile(latencies, 50)),
    p99AckMs: round(percentile(latencies, 99)),
    rejectedMalformed: results.filter((r, i) => r.status === 400 && bodies[i]!.kind === 'malformed').length,
    answeredExactlyOnce,
    drainMs: Math.round(drainMs),
    p99EventLoopDelayMs: round(loopDelay.percentile(99) / 1e6),
    maxEventLoopDelayMs: round(loopDelay.max / 1e6),
    serverCpuUsPerRequest: Math.round((cpu.user + cpu.system) / total),
    httpThreadCpuUsPerRequest: Math.round(httpThreadCpu / total),
  };
}

async function outbound(messages: number): Promise<ChannelBenchResult['outbound']> {
  const limit = 30;
  const telegram = await new FakeTelegram(TOKEN, { perSecond: limit, retryAfterSeconds: 1 }).start();
  const dataDir = tempDir();
  const db = openStateDatabase(dataDir);
  // Our pacing set above the platform's limit on purpose, so 429s happen and must be honoured.
  const adapter = new TelegramChannel({ token: TOKEN, apiRoot: telegram.url }, logger, {
    globalPerSecond: 45,
    perChatPerSecond: 10,
    perChatBurst: 10,
  });
  const runtime = new ChannelRuntime({
    db,
    conversation: echoConversation,
    adapters: [adapter],
    logger,
    maxAttempts: 20,
  });
  await runtime.accept(
    'telegram',
    Array.from({ length: messages }, (_, i) => ({
      dedupeKey: `o${i}`,
      chatId: String(i % 50),
      kind: 'message' as const,
      text: `m${i}`,
    })),
  );
  const started = performance.now();
  await runtime.start();
  await runtime.idle(120_000);
  const seconds = (performance.now() - started) / 1000;
  const givenUp = runtime.store.counts().failed;
  await runtime.stop();
  db.close();
  await telegram.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    messages,
    platformLimitPerSecond: limit,
    delivered: telegram.sent.length,
    tooManyRequests: telegram.tooManyRequests,
    givenUp,
    zeroUnretried429: givenUp === 0 && telegram.sent.length === messages,
    seconds: round(seconds),
  };
}

interface LoadResult {
  results: { status: number; ms: number }[];
  elapsed: number;
}

/** The platform process: a fake Telegram API, and a load generator aimed at our webhook. */
async function startPlatform() {
  const child = fork(import.meta.filename, ['--platform-child'], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
  const { telegramUrl } = await next<{ telegramUrl: string }>();
  return {
    telegramUrl,
    offerLoad(address: string, bodies: string[], rate: number): Promise<LoadResult> {
      child.send({ kind: 'load', address, bodies, rate });
      return next<LoadResult>();
    },
    async sentTexts(): Promise<string[]> {
      child.send({ kind: 'sent' });
      return (await next<{ texts: string[] }>()).texts;
    },
    close: () => child.kill(),
  };
}

/** The platform process's side: serves the fake API, offers load on request, reports what it got. */
async function platformChild(): Promise<void> {
  const telegram = await new FakeTelegram(TOKEN).start();
  process.on(
    'message',
    (m: { kind: 'load'; address: string; bodies: string[]; rate: number } | { kind: 'sent' }) => {
      if (m.kind === 'sent') process.send!({ texts: telegram.sent.map((s) => s.text) });
      else void offerLoad(m.address, m.bodies, m.rate).then((result) => process.send!(result));
    },
  );
  process.send!({ telegramUrl: telegram.url });
}

/** Posts the bodies open-loop at `rate`/s and reports each status and latency. */
async function offerLoad(address: string, bodies: string[], rate: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const url = new URL('/webhooks/telegram', address);
  const post = (body: string) =>
    new Promise<{ status: number; ms: number }>((resolve, reject) => {
      const started = performance.now();
      const request = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        },
        (response) => {
          response.resume();
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }),
          );
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  // Open loop: batches every few ms whatever the server's pace, so slowness shows as latency.
  const started = performance.now();
  const pending: Promise<{ status: number; ms: number }>[] = [];
  for (let sent = 0; sent < bodies.length;) {
    const due = Math.min(bodies.length, Math.floor(((performance.now() - started) / 1000) * rate) + 1);
    for (; sent < due; sent++) pending.push(post(bodies[sent]!));
    await new Promise((r) => setTimeout(r, 2));
  }
  const results = await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { results, elapsed };
}

/** The calling thread's CPU time in µs, from Linux's /proc (process.cpuUsage counts all threads). */
function threadCpuUs(): number {
  try {
    const stat = fs.readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1e6 / CLOCK_TICKS_PER_SECOND);
  } catch {
    return NaN;
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

export async function benchChannels(options: Partial<IntakeOptions> & { outboundMessages?: number } = {}) {
  const load = {
    rate: options.rate ?? 1200,
    seconds: options.seconds ?? 3,
    singleThread: options.singleThread ?? false,
  };
  return {
    intake: await intake({ ...load, warmupSeconds: options.warmupSeconds ?? 0 }),
    // `npm run bench` also measures the steady state a running server is in.
    intakeWarm: options.warmupSeconds === undefined ? await intake({ ...load, warmupSeconds: 2 }) : undefined,
    outbound: await outbound(options.outboundMessages ?? 200),
  } satisfies ChannelBenchResult;
}

if (process.argv.includes('--platform-child')) await platformChild();
else if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: {
      rate: { type: 'string' },
      seconds: { type: 'string' },
      warmup: { type: 'string' },
      'single-thread': { type: 'boolean' },
    },
    strict: false,
  });
  const result = await benchChannels({
    rate: values.rate ? Number(values.rate) : undefined,
    seconds: values.seconds ? Number(values.seconds) : undefined,
    warmupSeconds: values.warmup ? Number(values.warmup) : undefined,
    singleThread: values['single-thread'] === true,
  });
  console.log(JSON.stringify(result, null, 2));
}
