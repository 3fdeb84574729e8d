import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UserKeys } from '../state/user-key.ts';
import type { ChannelName } from '../conversation/types.ts';
import { account, email, idNumber, phone } from './pii-generators.ts';
import { tempStateDatabase } from './testing.ts';

// Every log line written by the code under test lands here, as the JSON pino would print.
const logLines: string[] = [];
vi.mock('../../knowledge/logger.ts', () => ({
  logger: pino(
    { level: 'trace' },
    new Writable({
      write(chunk, _encoding, done) {
        logLines.push(String(chunk));
        done();
      },
    }),
  ),
}));

const { SqliteUsageRecorder } = await import('./recorder.ts');
const { purgeExpiredUsage } = await import('./retention.ts');
const { dashboardApp, logIn } = await import('../admin/testing.ts');

const templates = [
  (x: string) => `Số điện thoại của tôi là ${x}, cán bộ gọi lại giúp tôi nhé`,
  (x: string) => `Tôi quên mật khẩu VNeID, số định danh ${x} làm sao lấy lại?`,
  (x: string) => `Chuyển khoản vào ${x} có an toàn không?`,
  (x: string) => `Gửi giấy tờ qua ${x} được không ạ`,
];

/** A generated conversation set: residents' turns, each seeded with one piece of personal data. */
const conversations = fc.sample(
  fc.record({
    platformId: fc.stringMatching(/^[0-9]{9,12}$/),
    channel: fc.constantFrom<ChannelName>('zalo', 'telegram', 'web'),
    consented: fc.boolean(),
    pii: fc.oneof(phone, idNumber, email, account),
    template: fc.integer({ min: 0, max: templates.length - 1 }),
    answered: fc.boolean(),
  }),
  { numRuns: 300, seed: 2026 },
);

const digitsOf = (s: string) => s.replace(/\D/g, '');

describe('personal data scan', () => {
  const { db, dir, cleanup } = tempStateDatabase();
  let logs = '';
  let dump = '';

  beforeAll(async () => {
    const keys = new UserKeys(db, 'test-secret');
    const recorder = new SqliteUsageRecorder(db);
    const at = new Date('2026-03-15T03:00:00Z');
    for (const c of conversations) {
      const base = {
        at,
        channel: c.channel,
        userKey: keys.keyOf(c.channel, c.platformId),
        consented: c.consented,
      };
      const text = templates[c.template]!(c.pii);
      recorder.record({
        ...base,
        type: 'profile',
        group: 'nguoi-dan',
        level: 1,
        neighbourhood: `Tổ 3, ${c.pii}`,
      });
      recorder.record({
        ...base,
        type: 'question',
        text,
        intent: 'howto',
        answered: c.answered,
        confidence: 0.5,
        sources: ['vneid-cai-dat'],
        latencyMs: 300,
      });
      recorder.record({ ...base, type: 'feedback', rating: 'down', reason: `Sai rồi, liên hệ ${c.pii}` });
    }
    purgeExpiredUsage(db, 365, new Date('2026-03-20T00:00:00Z'));
    // The staff use the dashboard over the data: their requests are logged too.
    const app = await dashboardApp(db, { knowledgeDir: path.join(dir, 'knowledge') });
    const { cookie } = await logIn(app);
    for (const page of ['/admin/', '/admin/breakdown', '/admin/unanswered', '/admin/report.csv'])
      await app.inject({
        method: 'GET',
        url: `${page}?from=2026-03-01&to=2026-03-31`,
        cookies: { bdhvs_admin: cookie },
      });
    await app.close();
    db.pragma('wal_checkpoint(TRUNCATE)');
    logs = logLines.join('');
    dump = fs
      .readdirSync(dir)
      .filter((f) => f.startsWith('assistant.sqlite'))
      .map((f) => fs.readFileSync(path.join(dir, f)).toString('latin1'))
      .join('\n');
  });
  afterAll(() => cleanup());

  it('stored the conversations (redacted)', () => {
    const stored = db.prepare("SELECT count(*) AS n FROM usage_events WHERE type = 'question'").get() as {
      n: number;
    };
    expect(stored.n).toBe(conversations.filter((c) => c.consented).length);
    expect(Buffer.from(dump, 'latin1').toString('utf8')).toContain('[số điện thoại]');
  });

  it('finds no phone, ID, email, account number or platform id in the database file or the logs', () => {
    expect(logs).toContain('admin login');
    const findings: string[] = [];
    for (const c of conversations) {
      const needles = c.pii.includes('@') ? [c.pii] : [digitsOf(c.pii), c.pii];
      for (const needle of [...needles, c.platformId]) {
        if (dump.includes(needle)) findings.push(`database: ${needle}`);
        if (logs.includes(needle)) findings.push(`logs: ${needle}`);
      }
    }
    expect(findings).toEqual([]);
  });
});
