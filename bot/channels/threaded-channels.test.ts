import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegram } from './testing/fake-telegram.ts';
import { FakeZaloOa } from './testing/fake-zalo.ts';
import { zaloEventSignature } from './zalo-oa/signature.ts';
import { countRows, startHarness, type Harness } from './testing/harness.ts';

// The queues are worked on a worker thread, as `npm start` runs them, with the scripted
// conversation built there: what the test sees is what reached the fake platforms.
const SCRIPTED = new URL('./testing/scripted-conversation.ts', import.meta.url).href;
const TOKEN = '123456:threaded';
const SECRET = 'threaded-secret';
const headers = { 'x-telegram-bot-api-secret-token': SECRET };

let telegram: FakeTelegram | undefined;
let zaloOa: FakeZaloOa | undefined;
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  await telegram?.close();
  await zaloOa?.close();
  harness = telegram = zaloOa = undefined;
});

const webhookEnv = (apiRoot: string) => ({
  TELEGRAM_BOT_TOKEN: TOKEN,
  TELEGRAM_API_ROOT: apiRoot,
  TELEGRAM_WEBHOOK_SECRET: SECRET,
  PUBLIC_URL: 'https://bot.example.vn',
});

let nextId = 5000;
const textUpdate = (text: string, chatId = 42) => ({
  update_id: nextId++,
  message: { message_id: nextId, date: 1, chat: { id: chatId, type: 'private' }, text },
});

describe('channels worked on a worker thread', () => {
  it('answers each update once, in order per chat, and refuses bad requests', async () => {
    telegram = await new FakeTelegram(TOKEN).start();
    harness = await startHarness(webhookEnv(telegram.url), { conversationModule: SCRIPTED });
    expect(telegram.webhook?.url).toBe('https://bot.example.vn/webhooks/telegram');

    const start = textUpdate('/start');
    const redelivered = await Promise.all(
      [1, 2, 3].map(() => harness!.post('/webhooks/telegram', start, headers)),
    );
    expect(redelivered.map((r) => r.status)).toEqual([200, 200, 200]);
    const questions = ['một', 'hai', 'ba', 'bốn'].map((q) => textUpdate(q, 43));
    for (const update of questions)
      expect((await harness.post('/webhooks/telegram', update, headers)).status).toBe(200);
    expect(
      (
        await harness.post('/webhooks/telegram', textUpdate('giả'), {
          ...headers,
          'x-telegram-bot-api-secret-token': 'x',
        })
      ).status,
    ).toBe(401);
    expect((await harness.post('/webhooks/telegram', '{"update_id": 1,', headers)).status).toBe(400);
    await harness.app.channels.idle();

    expect(telegram.sent.filter((m) => m.chat_id === '42').map((m) => m.text)).toEqual([
      'Chào bạn! Bạn là người dân hay cán bộ?',
    ]);
    expect(telegram.sent.at(0)?.reply_markup?.inline_keyboard).toHaveLength(2);
    expect(
      telegram.sent.filter((m) => m.chat_id === '43' && m.text.startsWith('Trả lời')).map((m) => m.text),
    ).toEqual(['một', 'hai', 'ba', 'bốn'].map((q) => `Trả lời cho: ${q}`));
    expect(countRows(harness.db, 'channel_inbox')).toBe(5);
    expect(harness.app.channels.store.counts()).toEqual({ inbox: 0, outbox: 0, failed: 0 });
    // The web chat still runs in the HTTP thread's own conversation.
    expect((await harness.post('/api/chat', { userId: 'w_0123456789', text: 'Chào' })).status).toBe(200);
  });

  it('resumes what a stopped process acknowledged, and replaces a worker that died', async () => {
    telegram = await new FakeTelegram(TOKEN).start();
    const first = await startHarness(webhookEnv(telegram.url), { conversationModule: SCRIPTED });
    await first.app.channels.stop();
    expect((await first.post('/webhooks/telegram', textUpdate('/start'), headers)).status).toBe(200);
    await first.close(true);
    expect(telegram.sent).toHaveLength(0);

    harness = await startHarness(webhookEnv(telegram.url), {
      dataDir: first.dataDir,
      conversationModule: SCRIPTED,
    });
    await harness.app.channels.idle();
    expect(telegram.sent.map((m) => m.text)).toEqual(['Chào bạn! Bạn là người dân hay cán bộ?']);

    // As if an uncaught error ended the thread: updates acknowledged meanwhile wait in the inbox.
    const worker = (harness.app.channels as unknown as { worker: Worker }).worker;
    await worker.terminate();
    expect((await harness.post('/webhooks/telegram', textUpdate('sau sự cố'), headers)).status).toBe(200);
    await expect.poll(() => telegram!.sent.length, { timeout: 10_000 }).toBe(3);
    expect(telegram.sent.at(1)?.text).toBe('Trả lời cho: sau sự cố');
  });

  it('takes polled and webhook updates in together, answering every one once', async () => {
    // Telegram long-polled (no PUBLIC_URL) while Zalo OA posts signed webhooks.
    telegram = await new FakeTelegram(TOKEN).start();
    zaloOa = await new FakeZaloOa('app-secret', { accessToken: 'a0', refreshToken: 'r0' }).start();
    harness = await startHarness(
      {
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: telegram.url,
        ZALO_APP_ID: '4321',
        ZALO_APP_SECRET: 'app-secret',
        ZALO_OA_SECRET_KEY: 'oa-secret',
        ZALO_OA_ACCESS_TOKEN: 'a0',
        ZALO_OA_REFRESH_TOKEN: 'r0',
        ZALO_OA_API_BASE: zaloOa.url(),
        ZALO_OAUTH_BASE: zaloOa.oauth.url,
      },
      { conversationModule: SCRIPTED },
    );
    const asked = Array.from({ length: 10 }, (_, i) => `câu ${i}`);
    for (const [i, question] of asked.entries()) {
      telegram.updates.push(textUpdate(question, 100 + i));
      const event = {
        app_id: '4321',
        event_name: 'user_send_text',
        timestamp: String(Date.now()),
        sender: { id: `u${i}` },
        message: { msg_id: `z${i}`, text: question },
      };
      const raw = JSON.stringify(event);
      const signature = zaloEventSignature('4321', Buffer.from(raw), event.timestamp, 'oa-secret');
      expect(
        (await harness.post('/webhooks/zalo', raw, { 'x-zevent-signature': `mac=${signature}` })).status,
      ).toBe(200);
    }
    const answers = (texts: string[]) => texts.filter((t) => t.startsWith('Trả lời')).sort();
    const expected = asked.map((q) => `Trả lời cho: ${q}`).sort();
    await expect
      .poll(() => answers(telegram!.sent.map((m) => m.text)), { timeout: 10_000 })
      .toEqual(expected);
    await harness.app.channels.idle();
    expect(answers(zaloOa.messages.map((m) => String(m.message.text)))).toEqual(expected);
    expect(answers(telegram.sent.map((m) => m.text))).toEqual(expected);
  });
});
