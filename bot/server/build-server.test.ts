import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ChannelRuntime } from '../channels/runtime.ts';
import { silentLogger, startHarness, type Harness } from '../channels/testing/harness.ts';
import { ScriptedConversation } from '../channels/testing/scripted-conversation.ts';
import { openStateDatabase } from '../state/database.ts';
import { buildServer } from './build-server.ts';

let harness: Harness;
afterEach(async () => {
  await harness?.close();
  harness = undefined as unknown as Harness;
});

async function adminPlugin(app: FastifyInstance) {
  app.get('/admin', async () => ({ dashboard: true }));
}

describe('HTTP server', () => {
  it('serves /api/chat, /healthz, the web chat and its widget', async () => {
    harness = await startHarness({});
    const ok = await harness.post('/api/chat', { userId: 'w_0123456789', text: 'Cách cài VNeID?' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      replies: [
        { text: 'Trả lời cho: Cách cài VNeID?', buttons: [] },
        {
          text: 'Bạn có muốn học bài này không?',
          buttons: [{ id: 'lesson:next', label: 'Học bước tiếp theo' }],
        },
      ],
    });
    const tap = await harness.post('/api/chat', { userId: 'w_0123456789', buttonId: 'lesson:next' });
    const tapped = (await tap.json()) as { replies: { text: string }[] };
    expect(tapped.replies[0]?.text).toMatch(/^Bước 2/);
    expect(harness.conversation.received[0]).toEqual({
      channel: 'web',
      userId: 'w_0123456789',
      text: 'Cách cài VNeID?',
    });

    const health = await fetch(`${harness.app.address}/healthz`);
    expect(await health.json()).toMatchObject({ ok: true, channels: [] });
    const page = await fetch(`${harness.app.address}/`);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('<html lang="vi">');
    expect((await fetch(`${harness.app.address}/widget.js`)).status).toBe(200);
    expect((await fetch(`${harness.app.address}/webhooks/telegram`, { method: 'POST' })).status).toBe(404);
  });

  it('rejects malformed /api/chat requests with 400 and never calls the core', async () => {
    harness = await startHarness({});
    const bad: unknown[] = [
      {},
      { userId: 'w_0123456789' },
      { userId: 'short', text: 'x' },
      { userId: 'w_0123456789', text: 'x', buttonId: 'y' },
      { userId: 'w_0123456789', text: '   ' },
      { userId: 'w_0123456789', text: 'x'.repeat(2001) },
      { userId: 'w_0123456789', buttonId: 'có dấu' },
      { userId: 'w_0123456789', text: 'x', extra: 1 },
      { userId: 12345678, text: 'x' },
      [],
    ];
    for (const body of bad)
      expect((await harness.post('/api/chat', body as object)).status, JSON.stringify(body)).toBe(400);
    expect((await harness.post('/api/chat', '{"userId":')).status).toBe(400);
    expect((await harness.post('/api/chat', { userId: 'w_0123456789', text: 'x'.repeat(9000) })).status).toBe(
      413,
    );
    expect(harness.conversation.received).toHaveLength(0);
  });

  it('rate-limits /api/chat per address but never the webhooks', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdhvs-server-'));
    const db = openStateDatabase(dataDir);
    const conversation = new ScriptedConversation();
    const app = await buildServer({
      conversation,
      channels: new ChannelRuntime({ db, conversation, adapters: [], logger: silentLogger }),
      logger: silentLogger,
      plugins: [{ plugin: adminPlugin }],
      chatPerMinute: 3,
    });
    const chat = () =>
      app.inject({ method: 'POST', url: '/api/chat', payload: { userId: 'w_0123456789', text: 'Chào' } });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await chat()).statusCode);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect((await chat()).json().error).toContain('đợi một chút');
    // Other routes from the same address are not throttled by the chat limit.
    for (let i = 0; i < 10; i++)
      expect((await app.inject({ method: 'GET', url: '/admin' })).statusCode).toBe(200);
    await app.close();
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('mounts extra plugins such as the staff dashboard', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bdhvs-server-'));
    const db = openStateDatabase(dataDir);
    const conversation = new ScriptedConversation();
    const app = await buildServer({
      conversation,
      channels: new ChannelRuntime({ db, conversation, adapters: [], logger: silentLogger }),
      logger: silentLogger,
      plugins: [{ plugin: adminPlugin }],
    });
    const response = await app.inject({ method: 'GET', url: '/admin' });
    expect(response.json()).toEqual({ dashboard: true });
    await app.close();
    db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
