import { afterEach, describe, expect, it } from 'vitest';
import { FakeZaloBot } from '../testing/fake-zalo.ts';
import { countRows, startHarness, type Harness } from '../testing/harness.ts';
import { LONG_ANSWER } from '../testing/scripted-conversation.ts';

const TOKEN = '99887766:bot-secret';
const SECRET = 'zalo-bot-webhook-secret';

let bot: FakeZaloBot;
let harness: Harness;
afterEach(async () => {
  await harness?.close();
  await bot?.close();
});

let nextId = 1;
const textUpdate = (text: string, chatId = 'z1') => ({
  event_name: 'message.text.received',
  message: {
    message_id: `m${nextId++}`,
    date: Date.now(),
    from: { id: chatId, display_name: 'Người dân', is_bot: false },
    chat: { id: chatId, chat_type: 'PRIVATE' },
    text,
  },
});

const webhookEnv = () => ({
  ZALO_BOT_TOKEN: TOKEN,
  ZALO_BOT_API_BASE: bot.url,
  ZALO_BOT_WEBHOOK_SECRET: SECRET,
  PUBLIC_URL: 'https://bot.example.vn',
});

describe('Zalo Bot channel', () => {
  it('completes the scripted conversation by webhook with numbered menus, flat or wrapped bodies', async () => {
    bot = await new FakeZaloBot(TOKEN).start();
    harness = await startHarness(webhookEnv());
    expect(bot.webhook).toEqual({ url: 'https://bot.example.vn/webhooks/zalo-bot', secret_token: SECRET });
    const deliver = async (body: object) => {
      const response = await harness.post('/webhooks/zalo-bot', body, { 'x-bot-api-secret-token': SECRET });
      expect(response.status).toBe(200);
      await harness.app.channels.idle();
    };
    await deliver(textUpdate('/start'));
    expect(bot.sent[0]!.text).toBe(
      'Chào bạn! Bạn là người dân hay cán bộ?\n\n1. Người dân\n2. Cán bộ phường\n(Bạn gõ số để chọn, ví dụ: 1)',
    );
    await deliver({ ok: true, result: textUpdate('1') });
    await deliver(textUpdate('Cách cài VNeID?'));
    await deliver(textUpdate(' 1. '));
    await deliver(textUpdate('1'));
    expect(harness.conversation.received.map((m) => m.buttonId ?? m.text)).toEqual([
      '/start',
      'group:resident',
      'Cách cài VNeID?',
      'lesson:next',
      'fb:up',
    ]);
    // The last reply had no buttons: a typed number is just text again.
    await deliver(textUpdate('2'));
    expect(harness.conversation.received.at(-1)).toMatchObject({ text: '2' });
    expect(bot.sent.map((m) => m.chat_id).every((id) => id === 'z1')).toBe(true);
  });

  it('refuses forged and malformed requests, answers duplicates once, splits at 2000', async () => {
    bot = await new FakeZaloBot(TOKEN).start();
    harness = await startHarness(webhookEnv());
    expect(
      (await harness.post('/webhooks/zalo-bot', textUpdate('x'), { 'x-bot-api-secret-token': 'nope' }))
        .status,
    ).toBe(401);
    const headers = { 'x-bot-api-secret-token': SECRET };
    expect((await harness.post('/webhooks/zalo-bot', 'not json', headers)).status).toBe(400);
    expect(
      (await harness.post('/webhooks/zalo-bot', { event_name: 'message.text.received' }, headers)).status,
    ).toBe(400);
    expect(countRows(harness.db, 'channel_inbox')).toBe(0);

    const once = textUpdate('dài');
    await Promise.all([1, 2].map(() => harness.post('/webhooks/zalo-bot', once, headers)));
    await harness.app.channels.idle();
    expect(harness.conversation.received).toHaveLength(1);
    expect(bot.sent.length).toBeGreaterThan(2);
    expect(bot.sent.every((m) => m.text.length <= 2000)).toBe(true);
    expect(bot.sent.map((m) => m.text).join(' ')).toBe(LONG_ANSWER);
  });

  it('polls getUpdates when no PUBLIC_URL is set', async () => {
    bot = await new FakeZaloBot(TOKEN).start();
    const first = textUpdate('/start', 'z9');
    bot.queued.push(first, first, {
      event_name: 'message.sticker.received',
      message: { ...first.message, message_id: 's1' },
    });
    harness = await startHarness({ ZALO_BOT_TOKEN: TOKEN, ZALO_BOT_API_BASE: bot.url });
    await expect.poll(() => bot.sent.length).toBe(2);
    expect(bot.sent[0]!.text).toMatch(/^Chào bạn!/);
    expect(bot.sent[1]!.text).toMatch(/chỉ đọc được tin nhắn chữ/);
    expect(harness.conversation.received).toHaveLength(1);
  });
});
