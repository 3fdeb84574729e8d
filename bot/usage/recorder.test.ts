import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StateDatabase } from '../state/database.ts';
import { dayOf } from './days.ts';
import { SqliteUsageRecorder } from './recorder.ts';
import { purgeExpiredUsage, retentionDaysFromEnv } from './retention.ts';
import { UsageStats } from './stats.ts';
import { question, tempStateDatabase } from './testing.ts';

let db: StateDatabase;
let cleanup: () => void;
let recorder: SqliteUsageRecorder;
let stats: UsageStats;
const march = {
  from: dayOf(new Date('2026-03-01T00:00:00+07:00')),
  to: dayOf(new Date('2026-03-31T12:00:00+07:00')),
};

beforeEach(() => {
  ({ db, cleanup } = tempStateDatabase());
  recorder = new SqliteUsageRecorder(db);
  stats = new UsageStats(db);
});
afterEach(() => cleanup());

const rows = (sql: string) => db.prepare(sql).all() as Record<string, unknown>[];

describe('SqliteUsageRecorder', () => {
  it('stores a consenting person’s question redacted, with their profile', () => {
    recorder.record({
      type: 'profile',
      at: new Date('2026-03-09T03:00:00Z'),
      channel: 'zalo',
      userKey: 'key-a',
      consented: true,
      group: 'nguoi-cao-tuoi',
      level: 1,
      neighbourhood: 'Tổ 5',
    });
    recorder.record(question({ text: 'Gọi giúp tôi số 0912 345 678, CCCD 079095001234 nhé' }));
    const [event] = rows("SELECT * FROM usage_events WHERE type = 'question'");
    expect(event).toMatchObject({
      user_key: 'key-a',
      channel: 'zalo',
      grp: 'nguoi-cao-tuoi',
      level: 1,
      neighbourhood: 'Tổ 5',
      text: 'Gọi giúp tôi số [số điện thoại], CCCD [số định danh] nhé',
      intent: 'howto',
      answered: 1,
      latency_ms: 420,
      sources: '["vneid-cai-dat"]',
    });
    expect(stats.breakdown('group', march)).toMatchObject([
      { value: 'nguoi-cao-tuoi', questions: 1, activeUsers: 1 },
    ]);
  });

  it('keeps only anonymous counts for a person who declined', () => {
    recorder.record(question({ consented: false, userKey: 'key-b', text: 'email tôi là b@gmail.com' }));
    recorder.record({
      type: 'feedback',
      at: new Date('2026-03-10T04:00:00Z'),
      channel: 'web',
      userKey: 'key-b',
      consented: false,
      rating: 'down',
      reason: 'sai',
    });
    expect(rows('SELECT * FROM usage_events')).toEqual([]);
    expect(rows('SELECT * FROM usage_profiles')).toEqual([]);
    expect(rows('SELECT * FROM usage_day_people')).toEqual([]);
    const all = JSON.stringify(rows('SELECT * FROM usage_daily'));
    expect(all).not.toContain('key-b');
    expect(all).not.toContain('gmail');
    expect(stats.overview(march)).toMatchObject({
      questions: 1,
      anonymous: 1,
      feedbackDown: 1,
      activeUsers: 0,
    });
  });

  it('forgets one person and nobody else', () => {
    recorder.record(question({ userKey: 'key-a' }));
    recorder.record({
      type: 'profile',
      at: new Date('2026-03-10T03:00:00Z'),
      channel: 'zalo',
      userKey: 'key-a',
      consented: true,
      level: 2,
    });
    recorder.record(question({ userKey: 'key-c' }));
    // 2 events and 1 profile deleted; removed from 1 day bitmap and the level-2 bitmap.
    expect(recorder.forgetUser('key-a')).toBe(5);
    expect(rows('SELECT DISTINCT user_key FROM usage_events')).toEqual([{ user_key: 'key-c' }]);
    expect(rows("SELECT * FROM usage_profiles WHERE user_key = 'key-a'")).toEqual([]);
    expect(stats.overview(march).activeUsers).toBe(1);
    const [level] = rows('SELECT * FROM usage_attribute_people') as { value: string; people: Buffer }[];
    expect(level!.value).toBe('2');
    expect([...level!.people].every((byte) => byte === 0)).toBe(true);
    expect(recorder.forgetUser('key-a')).toBe(0);
  });

  it('records inside the caller’s transaction, which can roll it back', () => {
    const turn = db.transaction(() => {
      recorder.record(question());
      throw new Error('reply failed');
    });
    expect(() => turn()).toThrow('reply failed');
    expect(rows('SELECT * FROM usage_events')).toEqual([]);
    expect(rows('SELECT * FROM usage_daily')).toEqual([]);
  });

  it('purges personal data older than the retention period but keeps the counters', () => {
    recorder.record(question({ at: new Date('2025-01-05T03:00:00Z'), userKey: 'old' }));
    recorder.record(question({ at: new Date('2026-03-10T03:00:00Z'), userKey: 'new' }));
    const removed = purgeExpiredUsage(db, 365, new Date('2026-03-20T00:00:00Z'));
    expect(removed).toBe(3); // the old event, its day's bitmap and the person's profile
    expect(rows('SELECT user_key FROM usage_events')).toEqual([{ user_key: 'new' }]);
    const year = { from: dayOf(new Date('2025-01-01')), to: dayOf(new Date('2026-12-31')) };
    expect(stats.overview(year).questions).toBe(2);
  });

  it('reads USAGE_RETENTION_DAYS and names it when invalid', () => {
    expect(retentionDaysFromEnv({})).toBe(365);
    expect(retentionDaysFromEnv({ USAGE_RETENTION_DAYS: '90' })).toBe(90);
    expect(() => retentionDaysFromEnv({ USAGE_RETENTION_DAYS: 'mãi mãi' })).toThrow(/USAGE_RETENTION_DAYS/);
  });
});

describe('UsageStats', () => {
  it('summarises questions, answer rate, latency, lessons and similar unanswered questions', () => {
    recorder.record(question({ latencyMs: 150 }));
    recorder.record(question({ latencyMs: 250, userKey: 'key-b', channel: 'telegram' }));
    recorder.record(
      question({ latencyMs: 900, answered: false, intent: 'no_match', text: 'Cách đổi mật khẩu iCloud?' }),
    );
    recorder.record(
      question({
        answered: false,
        intent: 'no_match',
        text: 'cach doi mat khau icloud ko dc',
        userKey: 'key-b',
      }),
    );
    recorder.record(question({ answered: false, intent: 'no_match', text: 'Giá vàng hôm nay?' }));
    recorder.record(
      question({ answered: false, text: 'Làm sao đổi mật khẩu iCloud trên iPhone?', userKey: 'key-b' }),
    );
    recorder.record({
      type: 'lesson',
      at: new Date('2026-03-11T03:00:00Z'),
      channel: 'zalo',
      userKey: 'key-a',
      consented: true,
      lessonId: 'vneid-cai-dat',
      action: 'finished',
      score: 0.5,
    });
    const overview = stats.overview(march);
    expect(overview).toMatchObject({ questions: 6, answered: 2, activeUsers: 2, lessonsFinished: 1 });
    // Latencies 150, 250, 420 ×3, 900: the true median 420 lies in the histogram's 400–500 bucket.
    expect(overview.medianLatencyMs).toBeGreaterThan(400);
    expect(overview.medianLatencyMs).toBeLessThanOrEqual(500);
    expect(overview.days.find((d) => d.day === dayOf(new Date('2026-03-10T03:00:00Z')))).toMatchObject({
      questions: 6,
      activeUsers: 2,
    });
    expect(stats.breakdown('channel', march).map((r) => [r.value, r.questions])).toEqual([
      ['zalo', 5],
      ['telegram', 1],
    ]);
    expect(stats.lessons(march)).toEqual([
      { lessonId: 'vneid-cai-dat', suggested: 0, started: 0, finished: 1, averageScore: 0.5 },
    ]);
    const groups = stats.unanswered(march);
    // Same words with or without accents and teencode: one fingerprint; "trên iPhone" overlaps enough.
    expect(groups[0]).toMatchObject({ count: 3 });
    expect(groups[0]!.examples).toHaveLength(2);
    expect(groups[0]!.examples).toContain('Làm sao đổi mật khẩu iCloud trên iPhone?');
    expect(groups[1]).toMatchObject({ count: 1, examples: ['Giá vàng hôm nay?'] });
  });
});
