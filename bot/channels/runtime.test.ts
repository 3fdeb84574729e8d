import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStateDatabase } from '../state/database.ts';
import { ChannelRuntime } from './runtime.ts';
import { TelegramChannel } from './telegram/telegram-channel.ts';
import { FakeTelegram } from './testing/fake-telegram.ts';
import { silentLogger, startHarness, type Harness } from './testing/harness.ts';
import { ScriptedConversation } from './testing/scripted-conversation.ts';

const TOKEN = '123456:restart';
const SECRET = 'restart-secret';
let telegram: FakeTelegram;
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  await telegram?.close();
});

const update = (id: number, text: string) => ({
  update_id: id,
  message: { message_id: id, date: 1, chat: { id: 77, type: 'private' }, text },
});

describe('channel runtime across restarts', () => {
  it('answers exactly once an update acknowledged just before the process stopped', async () => {
    telegram = await new FakeTelegram(TOKEN).start();
    const env = {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: telegram.url,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      PUBLIC_URL: 'https://x.vn',
    };
    // The first process stores and acknowledges, then dies before its worker takes the update up.
    const first = await startHarness(env);
    await first.app.channels.stop();
    const acked = await first.post('/webhooks/telegram', update(1, '/start'), {
      'x-telegram-bot-api-secret-token': SECRET,
    });
    expect(acked.status).toBe(200);
    await first.close(true);
    expect(telegram.sent).toHaveLength(0);

    harness = await startHarness(env, { dataDir: first.dataDir });
    await harness.app.channels.idle();
    expect(telegram.sent.map((m) => m.text)).toEqual(['Chào bạn! Bạn là người dân hay cán bộ?']);
    // Telegram redelivers what it thinks unanswered: still one reply.
    await harness.post('/webhooks/telegram', update(1, '/start'), {
      'x-telegram-bot-api-secret-token': SECRET,
    });
    await harness.app.channels.idle();
    expect(telegram.sent).toHaveLength(1);
  });

  it('sends exactly once a reply queued before the process stopped', async () => {
    telegram = await new FakeTelegram(TOKEN).start();
    const env = {
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      PUBLIC_URL: 'https://x.vn',
    };
    // Telegram unreachable: the reply waits in the outbox when the first process stops.
    const first = await startHarness(env);
    await first.post('/webhooks/telegram', update(2, 'Câu hỏi'), {
      'x-telegram-bot-api-secret-token': SECRET,
    });
    await expect.poll(() => first.app.channels.store.counts()).toMatchObject({ inbox: 0, outbox: 2 });
    await first.close(true);

    harness = await startHarness({ ...env, TELEGRAM_API_ROOT: telegram.url }, { dataDir: first.dataDir });
    await harness.app.channels.idle();
    expect(telegram.sent.map((m) => m.text)).toEqual([
      'Trả lời cho: Câu hỏi',
      'Bạn có muốn học bài này không?',
    ]);
    expect(harness.conversation.received).toHaveLength(0);
  });

  it('paces a burst under the platform limit and keeps each chat in order', async () => {
    telegram = await new FakeTelegram(TOKEN, { perSecond: 20, retryAfterSeconds: 1 }).start();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdhvs-pace-'));
    const db = openStateDatabase(dataDir);
    const adapter = new TelegramChannel({ token: TOKEN, apiRoot: telegram.url }, silentLogger, {
      globalPerSecond: 15,
      perChatPerSecond: 15,
      perChatBurst: 15,
    });
    const runtime = new ChannelRuntime({
      db,
      conversation: new ScriptedConversation(),
      adapters: [adapter],
      logger: silentLogger,
    });
    const updates = Array.from({ length: 12 }, (_, i) => ({
      dedupeKey: `p${i}`,
      chatId: String(i % 3),
      kind: 'message' as const,
      text: `q${i}`,
    }));
    await runtime.accept('telegram', updates); // stored while stopped: nothing moves yet
    expect(telegram.sent).toHaveLength(0);
    await runtime.start();
    await runtime.idle();
    expect(telegram.tooManyRequests).toBe(0);
    expect(telegram.sent).toHaveLength(24);
    for (const chat of ['0', '1', '2']) {
      const asked = telegram.sent
        .filter((m) => m.chat_id === chat && m.text.startsWith('Trả lời'))
        .map((m) => Number(m.text.slice('Trả lời cho: q'.length)));
      expect(asked).toEqual([...asked].sort((a, b) => a - b));
    }
    await runtime.stop();
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
