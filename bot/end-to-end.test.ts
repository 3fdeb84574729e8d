/**
 * The whole assistant behind each channel: the real conversation core, answer engine, lessons
 * and usage recorder over the shipped knowledge, reached through the real channel adapters and
 * HTTP server, with fake platform APIs on loopback. One scripted conversation per channel:
 * onboarding, a lesson step, a question, feedback.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAssistant, type Assistant } from './assistant.ts';
import { FakeTelegram } from './channels/testing/fake-telegram.ts';
import { FakeZaloBot } from './channels/testing/fake-zalo.ts';
import { startHarness } from './channels/testing/harness.ts';

const KNOWLEDGE_DIR = path.join(import.meta.dirname, '../knowledge');
let dataDir: string;
let assistant: Assistant;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdhvs-e2e-'));
  assistant = await openAssistant({ DATA_DIR: dataDir, KNOWLEDGE_DIR });
});
afterAll(() => {
  assistant.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Usage rows recorded for consenting people; none may hold a raw platform id. */
function usageRows(): { user_key: string | null; question: string | null }[] {
  return assistant.db.prepare('SELECT * FROM usage_events').all() as never;
}

describe('the assistant end to end', () => {
  it('on Telegram: onboarding with keyboards, a lesson step, a question and feedback', async () => {
    const token = '123456:E2E';
    const secret = 'e2e_secret';
    const telegram = await new FakeTelegram(token).start();
    const harness = await startHarness(
      {
        TELEGRAM_BOT_TOKEN: token,
        TELEGRAM_API_ROOT: telegram.url,
        TELEGRAM_WEBHOOK_SECRET: secret,
        PUBLIC_URL: 'https://bot.example.vn',
      },
      { conversation: assistant.conversation },
    );
    try {
      let updateId = 1;
      const deliver = async (update: object) => {
        const response = await harness.post(
          '/webhooks/telegram',
          { update_id: updateId++, ...update },
          { 'x-telegram-bot-api-secret-token': secret },
        );
        expect(response.status).toBe(200);
        await harness.app.channels.idle();
      };
      const chat = { id: 777001, type: 'private' };
      const say = (text: string) =>
        deliver({ message: { message_id: updateId, date: 1, chat, from: chat, text } });
      const tap = (data: string) =>
        deliver({
          callback_query: {
            id: `cq${updateId}`,
            from: chat,
            chat_instance: 'x',
            data,
            message: { message_id: 1, date: 1, chat },
          },
        });
      const keyboard = () => telegram.sent.flatMap((m) => m.reply_markup?.inline_keyboard.flat() ?? []);
      const lastKeys = (since: number) =>
        telegram.sent
          .slice(since)
          .flatMap((m) => m.reply_markup?.inline_keyboard.flat().map((b) => b.callback_data) ?? []);

      await say('/start');
      expect(telegram.sent.at(-1)?.text).toContain('Quyền riêng tư');
      expect(keyboard().map((b) => b.callback_data)).toContain('consent:yes');
      await tap('consent:yes');
      await tap('group:nguoi-cao-tuoi');
      let mark = telegram.sent.length;
      await tap('level:1');
      const next = lastKeys(mark).find((id) => id.startsWith('next:'));
      expect(next, 'the first lesson started with a "Tiếp" button').toBeDefined();
      await tap(next!);
      expect(telegram.sent.at(-1)?.text).toMatch(/\(2\/\d+\)/);

      mark = telegram.sent.length;
      await say('Làm sao cài VNeID?');
      const answer = telegram.sent
        .slice(mark)
        .map((m) => m.text)
        .join('\n');
      expect(answer).toMatch(/CH Play|App Store/);
      const thumbsUp = lastKeys(mark).find((id) => id.startsWith('fb:up'));
      expect(thumbsUp).toBeDefined();
      await tap(thumbsUp!);
      expect(telegram.answeredQueries.length).toBeGreaterThanOrEqual(5);
      expect(telegram.sent.every((m) => m.chat_id === String(chat.id))).toBe(true);

      const rows = usageRows();
      expect(rows.length).toBeGreaterThan(0);
      expect(JSON.stringify(rows)).not.toContain(String(chat.id));
    } finally {
      await harness.close();
      await telegram.close();
    }
  });

  it('on the Zalo Bot: the same conversation with numbered menus', async () => {
    const token = '9876:e2e-zalo';
    const secret = 'e2e-zalo-secret';
    const bot = await new FakeZaloBot(token).start();
    const harness = await startHarness(
      {
        ZALO_BOT_TOKEN: token,
        ZALO_BOT_API_BASE: bot.url,
        ZALO_BOT_WEBHOOK_SECRET: secret,
        PUBLIC_URL: 'https://bot.example.vn',
      },
      { conversation: assistant.conversation },
    );
    try {
      let messageId = 1;
      const say = async (text: string) => {
        const response = await harness.post(
          '/webhooks/zalo-bot',
          {
            event_name: 'message.text.received',
            message: {
              message_id: `m${messageId++}`,
              date: Date.now(),
              from: { id: 'zb-user-1', display_name: 'Bác Lan', is_bot: false },
              chat: { id: 'zb-user-1', chat_type: 'PRIVATE' },
              text,
            },
          },
          { 'x-bot-api-secret-token': secret },
        );
        expect(response.status).toBe(200);
        await harness.app.channels.idle();
      };
      /** Types the number the last menu shows for a label. */
      const choose = async (label: RegExp) => {
        const menu = bot.sent.at(-1)!.text;
        const line = menu.split('\n').find((l) => /^\d+\. /.test(l) && label.test(l));
        expect(line, `${label} in ${menu}`).toBeDefined();
        await say(line!.split('.')[0]!);
      };

      await say('xin chào');
      await choose(/Đồng ý/);
      await choose(/Người cao tuổi/);
      await choose(/mới dùng điện thoại/);
      await choose(/Tiếp/);
      expect(bot.sent.at(-1)!.text).toMatch(/\(2\/\d+\)/);
      await say('lam sao cai vneid');
      expect(
        bot.sent
          .slice(-3)
          .map((m) => m.text)
          .join('\n'),
      ).toMatch(/CH Play|App Store/);
      await choose(/Hữu ích/);
      expect(bot.sent.at(-1)!.text).toContain('Cảm ơn');
      expect(bot.sent.every((m) => m.text.length <= 2000 && m.chat_id === 'zb-user-1')).toBe(true);
    } finally {
      await harness.close();
      await bot.close();
    }
  });

  it('on the web chat API: onboarding, a plan question and feedback', async () => {
    const harness = await startHarness({}, { conversation: assistant.conversation });
    try {
      const send = async (body: object) => {
        const response = await harness.post('/api/chat', { userId: 'w_e2e0123456789', ...body });
        expect(response.status).toBe(200);
        return ((await response.json()) as { replies: { text: string; buttons: { id: string }[] }[] })
          .replies;
      };
      const ids = (replies: { buttons: { id: string }[] }[]) =>
        replies.flatMap((r) => r.buttons.map((b) => b.id));
      expect(ids(await send({ text: 'xin chào' }))).toContain('consent:no');
      expect(ids(await send({ buttonId: 'consent:no' }))).toContain('group:can-bo');
      await send({ buttonId: 'group:can-bo' });
      const lesson = await send({ buttonId: 'level:2' });
      expect(ids(lesson).some((id) => id.startsWith('next:'))).toBe(true);
      const answer = await send({ text: 'Ai chủ trì mô hình Chợ số?' });
      expect(answer[0]!.text).toContain('Phòng Kinh tế, Hạ tầng và Đô thị');
      expect(answer[0]!.text).toContain('6.4');
      const down = ids(answer).find((id) => id.startsWith('fb:down'));
      expect(down).toBeDefined();
      expect((await send({ buttonId: down! }))[0]!.text.length).toBeGreaterThan(0);
    } finally {
      await harness.close();
    }
  });
});
