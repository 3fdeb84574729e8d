import { afterEach, describe, expect, it } from 'vitest';
import { FakeZaloOa } from '../testing/fake-zalo.ts';
import { countRows, silentLogger, startHarness, type Harness } from '../testing/harness.ts';
import { zaloEventSignature } from './signature.ts';
import { ZaloOaClient } from './client.ts';
import { ZaloTokenStore } from './token-store.ts';

const APP_ID = '4321';
const OA_SECRET = 'oa-secret-key';
const APP_SECRET = 'app-secret';

let zalo: FakeZaloOa;
let harness: Harness;
afterEach(async () => {
  await harness?.close();
  await zalo?.close();
});

const env = () => ({
  ZALO_APP_ID: APP_ID,
  ZALO_APP_SECRET: APP_SECRET,
  ZALO_OA_SECRET_KEY: OA_SECRET,
  ZALO_OA_ACCESS_TOKEN: 'access-0',
  ZALO_OA_REFRESH_TOKEN: 'refresh-0',
  ZALO_OA_API_BASE: zalo.url(),
  ZALO_OAUTH_BASE: zalo.oauth.url,
});

let nextMsg = 1;
function event(eventName: string, fields: Record<string, unknown>, at = Date.now()) {
  return { app_id: APP_ID, event_name: eventName, timestamp: String(at), ...fields };
}
const text = (userId: string, body: string, at?: number) =>
  event(
    'user_send_text',
    { sender: { id: userId }, recipient: { id: 'oa' }, message: { msg_id: `msg${nextMsg++}`, text: body } },
    at,
  );

function signed(body: object, secret = OA_SECRET): [string, Record<string, string>] {
  const raw = JSON.stringify(body);
  const b = body as { app_id: string; timestamp: string };
  return [
    raw,
    { 'x-zevent-signature': `mac=${zaloEventSignature(b.app_id, Buffer.from(raw), b.timestamp, secret)}` },
  ];
}

async function deliver(body: object, expected = 200) {
  const [raw, headers] = signed(body);
  const response = await harness.post('/webhooks/zalo', raw, headers);
  expect(response.status).toBe(expected);
  await harness.app.channels.idle();
}

async function start() {
  zalo = await new FakeZaloOa(APP_SECRET, { accessToken: 'access-0', refreshToken: 'refresh-0' }).start();
  harness = await startHarness(env());
}

describe('Zalo OA channel', () => {
  it('greets followers and completes the scripted conversation with quoted replies and buttons', async () => {
    await start();
    await deliver(event('follow', { oa_id: 'oa', follower: { id: 'u1' }, source: 'oa_profile' }));
    const greeting = zalo.messages[0]!;
    expect(greeting.userId).toBe('u1');
    expect(greeting.message).toMatchObject({
      attachment: {
        type: 'template',
        payload: {
          template_type: 'button',
          text: 'Chào bạn! Bạn là người dân hay cán bộ?',
          buttons: [
            { title: 'Người dân', type: 'oa.query.hide', payload: '#btn:group:resident' },
            { title: 'Cán bộ phường', type: 'oa.query.hide', payload: '#btn:group:staff' },
          ],
        },
      },
    });
    await deliver(text('u1', '#btn:group:resident'));
    const question = text('u1', 'Cách cài VNeID?');
    await deliver(question);
    await deliver(
      event('user_click_button', {
        sender: { id: 'u1' },
        message: { msg_id: 'b1', text: '#btn:lesson:next' },
      }),
    );
    await deliver(text('u1', '#btn:fb:up'));
    expect(harness.conversation.received.map((m) => m.buttonId ?? m.text)).toEqual([
      '/start',
      'group:resident',
      'Cách cài VNeID?',
      'lesson:next',
      'fb:up',
    ]);
    const answer = zalo.messages.find((m) => m.message.text === 'Trả lời cho: Cách cài VNeID?');
    expect(answer?.message.quote_message_id).toBe(
      (question as unknown as { message: { msg_id: string } }).message.msg_id,
    );
    expect(zalo.messages.at(-1)?.message.text).toBe('Cảm ơn góp ý của bạn!');

    await deliver(
      event('user_send_sticker', { sender: { id: 'u2' }, message: { msg_id: 'st1', attachments: [] } }),
    );
    expect(zalo.messages.at(-1)).toMatchObject({
      userId: 'u2',
      message: { text: expect.stringMatching(/chỉ đọc được/) },
    });
  });

  it('refuses forged, replayed and malformed events, storing nothing', async () => {
    await start();
    const [raw] = signed(text('u1', 'xin chào'));
    const forged = signed(text('u1', 'xin chào'), 'guessed-secret')[1];
    expect((await harness.post('/webhooks/zalo', raw, forged)).status).toBe(401);
    expect((await harness.post('/webhooks/zalo', raw)).status).toBe(401);
    const [tamperedRaw, headers] = signed(text('u1', 'xin chào'));
    expect(
      (await harness.post('/webhooks/zalo', tamperedRaw.replace('xin chào', 'chuyển tiền'), headers)).status,
    ).toBe(401);
    const old = signed(text('u1', 'cũ', Date.now() - 2 * 3600_000));
    expect((await harness.post('/webhooks/zalo', old[0], old[1])).status).toBe(401);
    expect((await harness.post('/webhooks/zalo', '{"app_id":', {})).status).toBe(400);
    const noMessageId = signed(event('user_send_text', { sender: { id: 'u1' }, message: { text: 'x' } }));
    expect((await harness.post('/webhooks/zalo', noMessageId[0], noMessageId[1])).status).toBe(400);
    expect(countRows(harness.db, 'channel_inbox')).toBe(0);
    expect(zalo.messages).toHaveLength(0);
  });

  it('replies once to a redelivered event', async () => {
    await start();
    const once = text('u1', 'Hỏi một lần');
    await Promise.all([deliver(once), deliver(once), deliver(once)]);
    expect(harness.conversation.received).toHaveLength(1);
    expect(zalo.messages).toHaveLength(2);
  });

  it('refreshes an expired token once for many concurrent replies and persists the new pair first', async () => {
    await start();
    zalo.expireAccessToken();
    await Promise.all(['a', 'b', 'c', 'd', 'e'].map((u) => deliver(text(u, 'Xin chào'))));
    expect(zalo.refreshCalls).toBe(1);
    expect(new Set(zalo.messages.map((m) => m.userId))).toEqual(new Set(['a', 'b', 'c', 'd', 'e']));
    expect(zalo.messages).toHaveLength(10);
    const stored = new ZaloTokenStore(harness.db).current();
    expect(stored).toMatchObject({ accessToken: zalo.accessToken, refreshToken: zalo.refreshToken });
    expect(stored.expiresAt).toBeGreaterThan(Date.now());
  });

  it('keeps the rotated pair across restarts instead of the spent one from the environment', async () => {
    await start();
    zalo.expireAccessToken();
    // Each client stands for a process started with the same (by now spent) environment pair.
    const config = {
      appId: APP_ID,
      appSecret: APP_SECRET,
      oaSecretKey: OA_SECRET,
      accessToken: 'access-0',
      refreshToken: 'refresh-0',
      apiBase: zalo.url(),
      oauthBase: zalo.oauth.url,
    };
    await new ZaloOaClient(config, new ZaloTokenStore(harness.db), silentLogger).sendMessage('u1', {
      text: 'một',
    });
    await new ZaloOaClient(config, new ZaloTokenStore(harness.db), silentLogger).sendMessage('u1', {
      text: 'hai',
    });
    expect(zalo.refreshCalls).toBe(1);
    expect(zalo.messages.map((m) => m.message.text)).toEqual(['một', 'hai']);
  });

  it('gives up when the interaction window is closed and retries after a rate limit', async () => {
    await start();
    zalo.failNext.push(-230, -230);
    await deliver(text('u1', 'Sau bảy ngày'));
    expect(zalo.messages).toHaveLength(0);
    expect(harness.app.channels.store.counts().failed).toBe(2);
    const failed = harness.db
      .prepare("SELECT chat_id, body FROM channel_outbox WHERE status = 'failed'")
      .all();
    expect(failed).toEqual([
      { chat_id: null, body: null },
      { chat_id: null, body: null },
    ]);
    zalo.failNext.push(-32);
    await deliver(text('u2', 'Nhanh quá'));
    expect(zalo.messages.map((m) => m.userId)).toEqual(['u2', 'u2']);
  });
});
