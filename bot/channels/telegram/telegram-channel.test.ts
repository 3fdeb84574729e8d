import { afterEach, describe, expect, it } from 'vitest';
import { FakeTelegram } from '../testing/fake-telegram.ts';
import { countRows, startHarness, type Harness } from '../testing/harness.ts';
import { LONG_ANSWER } from '../testing/scripted-conversation.ts';

const TOKEN = '123456:TEST-token';
const SECRET = 'webhook_secret-1';

let telegram: FakeTelegram;
let harness: Harness;
afterEach(async () => {
  await harness?.close();
  await telegram?.close();
});

const webhookEnv = () => ({
  TELEGRAM_BOT_TOKEN: TOKEN,
  TELEGRAM_API_ROOT: telegram.url,
  TELEGRAM_WEBHOOK_SECRET: SECRET,
  PUBLIC_URL: 'https://bot.example.vn',
});

let nextId = 1000;
const textUpdate = (text: string, chatId = 42) => ({
  update_id: nextId++,
  message: { message_id: nextId, date: 1, chat: { id: chatId, type: 'private' }, from: { id: chatId }, text },
});
const tapUpdate = (data: string, chatId = 42) => ({
  update_id: nextId++,
  callback_query: {
    id: `cq${nextId}`,
    from: { id: chatId },
    chat_instance: 'x',
    data,
    message: { message_id: 1, date: 1, chat: { id: chatId, type: 'private' } },
  },
});

describe('Telegram channel', () => {
  it('registers its webhook and completes the scripted conversation with keyboards', async () => {
    telegram = await new FakeTelegram(TOKEN).start();
    harness = await startHarness(webhookEnv());
    expect(telegram.webhook).toMatchObject({
      url: 'https://bot.example.vn/webhooks/telegram',
      secret_token: SECRET,
    });
    const deliver = async (update: object) => {
      const response = await harness.post('/webhooks/telegram', update, {
        'x-telegram-bot-api-secret-token': SECRET,
      });
      expect(response.status).toBe(200);
      await harness.app.channels.idle();
    };
    await deliver(textUpdate('/start'));
    expect(telegram.sent.at(-1)?.reply_markup?.inline_keyboard).toEqual([
      [{ text: 'Người dân', callback_data: 'group:resident' }],
      [{ text: 'Cán bộ phường', callback_data: 'group:staff' }],
    ]);
    const tap = tapUpdate('group:resident');
    await deliver(tap);
    expect(telegram.answeredQueries).toContain(tap.callback_query.id);
    await deliver(textUpdate('Cách cài <VNeID> & đăng nhập?'));
    await deliver(tapUpdate('lesson:next'));
    await deliver(tapUpdate('fb:up'));
    expect(telegram.sent.map((m) => m.text)).toEqual([
      'Chào bạn! Bạn là người dân hay cán bộ?',
      'Cảm ơn bạn. Bạn muốn hỏi gì?',
      'Trả lời cho: Cách cài &lt;VNeID&gt; &amp; đăng nhập?',
      'Bạn có muốn học bài này không?',
      'Bước 2: Mở ứng dụng VNeID và chọn "Đăng nhập".',
      'Cảm ơn góp ý của bạn!',
    ]);
    expect(telegram.sent.every((m) => m.parse_mode === 'HTML' && m.chat_id === '42')).toBe(true);
    expect(harness.conversation.received.map((m) => m.buttonId ?? m.text)).toEqual([
      '/start',
      'group:resident',
      'Cách cài <VNeID> & đăng nhập?',
      'lesson:next',
      'fb:up',
    ]);
    expect(countRows(harness.db, 'channel_outbox')).toBe(0);
    const raw = harness.db.prepare('SELECT payload FROM channel_inbox').all() as { payload: string | null }[];
    expect(raw.every((r) => r.payload === null)).toBe(true);
  });

  it('refuses forged and malformed requests without storing anything', async () => {
    telegram = await new FakeTelegram(TOKEN).start();
    harness = await startHarness(webhookEnv());
    const forged = await harness.post('/webhooks/telegram', textUpdate('hi'), {
      'x-telegram-bot-api-secret-token': 'wrong',
    });
    expect(forged.status).toBe(401);
    expect((await harness.post('/webhooks/telegram', textUpdate('hi'))).status).toBe(401);
    const headers = { 'x-telegram-bot-api-secret-token': SECRET };
    expect((await harness.post('/webhooks/telegram', '{"update_id": 1,', headers)).status).toBe(400);
    expect((await harness.post('/webhooks/telegram', { message: {} }, headers)).status).toBe(400);
    expect((await harness.post('/webhooks/telegram', '[1,2]', headers)).status).toBe(400);
    expect(countRows(harness.db, 'channel_inbox')).toBe(0);
    expect(harness.conversation.received).toHaveLength(0);
  });

  it('answers a redelivered update once, stickers politely, and splits long replies', async () => {
    telegram = await new FakeTelegram(TOKEN).start();
    harness = await startHarness(webhookEnv());
    const headers = { 'x-telegram-bot-api-secret-token': SECRET };
    const update = textUpdate('Hỏi một lần');
    const responses = await Promise.all(
      [1, 2, 3].map(() => harness.post('/webhooks/telegram', update, headers)),
    );
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    await harness.app.channels.idle();
    expect(harness.conversation.received).toHaveLength(1);
    expect(telegram.sent).toHaveLength(2);

    const sticker = {
      update_id: nextId++,
      message: { message_id: 9, date: 1, chat: { id: 7, type: 'private' }, sticker: {} },
    };
    await harness.post('/webhooks/telegram', sticker, headers);
    await harness.post('/webhooks/telegram', textUpdate('dài', 8), headers);
    await harness.app.channels.idle();
    expect(telegram.sent.find((m) => m.chat_id === '7')?.text).toMatch(/chỉ đọc được tin nhắn chữ/);
    const parts = telegram.sent.filter((m) => m.chat_id === '8').map((m) => m.text);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => p.length <= 4096)).toBe(true);
    expect(parts.join(' ')).toBe(LONG_ANSWER);
  });

  it('long-polls without PUBLIC_URL, confirming offsets and deduplicating', async () => {
    telegram = await new FakeTelegram(TOKEN).start();
    const first = textUpdate('/start', 5);
    telegram.updates.push(first, first);
    harness = await startHarness({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: telegram.url });
    await expect.poll(() => telegram.sent.length).toBe(1);
    telegram.updates.push(tapUpdate('group:resident', 5));
    await expect.poll(() => telegram.sent.length).toBe(2);
    expect(telegram.sent.map((m) => m.text)).toEqual([
      'Chào bạn! Bạn là người dân hay cán bộ?',
      'Cảm ơn bạn. Bạn muốn hỏi gì?',
    ]);
    expect(telegram.answeredQueries).toHaveLength(1);
    expect((await harness.post('/webhooks/telegram', first)).status).toBe(404);
  });

  it('waits the retry_after Telegram asks for, then delivers', async () => {
    telegram = await new FakeTelegram(TOKEN).start();
    harness = await startHarness(webhookEnv());
    telegram.fail429 = 1;
    const started = Date.now();
    await harness.post('/webhooks/telegram', textUpdate('/start'), {
      'x-telegram-bot-api-secret-token': SECRET,
    });
    await harness.app.channels.idle();
    expect(telegram.tooManyRequests).toBe(1);
    expect(telegram.sent).toHaveLength(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });
});
