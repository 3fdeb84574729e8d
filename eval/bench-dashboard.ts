/**
 * Dashboard speed with a million usage events: `npx tsx eval/bench-dashboard.ts [--events N]`,
 * or `benchDashboard()` from `npm run bench`. Events are generated into a temp state database
 * (one transaction, prepared statements; the same row and counter functions the recorder uses),
 * then every dashboard page is rendered through fastify `inject` with a logged-in session, for the
 * last 30 days, a quarter and the whole year. Target: ≤ 300 ms per page.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { dashboardApp, logIn } from '../bot/admin/testing.ts';
import type { ChannelName } from '../bot/conversation/types.ts';
import type { Intent } from '../bot/answer/types.ts';
import { withPerson } from '../bot/usage/activity.ts';
import { countersOf, type Profile } from '../bot/usage/counters.ts';
import { dayOf, isoOfDay } from '../bot/usage/days.ts';
import { details, eventRow, INSERT_EVENT_SQL } from '../bot/usage/recorder.ts';
import { ensureUsageSchema } from '../bot/usage/schema.ts';
import { tempStateDatabase } from '../bot/usage/testing.ts';
import type { UsageEvent } from '../bot/usage/types.ts';
import { percentile } from './metrics.ts';
import { random } from './random.ts';

const END = new Date('2026-03-31T10:00:00+07:00');
const DAY_MS = 86_400_000;

const CHANNELS: ChannelName[] = ['zalo', 'zalo', 'zalo', 'telegram', 'web'];
const GROUPS = [
  'nguoi-dan',
  'nguoi-cao-tuoi',
  'hoc-sinh',
  'nguoi-lao-dong',
  'tieu-thuong',
  'can-bo',
  'nguoi-khuyet-tat',
];
const INTENTS: Intent[] = [
  'howto',
  'howto',
  'howto',
  'plan',
  'safety',
  'greeting',
  'out_of_scope',
  'no_match',
];
const TOPICS = [
  'VNeID',
  'dịch vụ công',
  'chuyển khoản QR',
  'Zalo',
  'sổ sức khỏe điện tử',
  'mật khẩu',
  'OTP',
  'căn cước',
  'thuế',
  'bảo hiểm y tế',
  'học trực tuyến',
  'thanh toán điện nước',
];
const ASKS = [
  'Cách cài',
  'làm sao dùng',
  'Tôi không đăng nhập được',
  'cach doi',
  'Hướng dẫn giúp tôi về',
  'sao ko mở dc',
  'Quên',
  'Có mất phí không khi dùng',
];

export interface PageTiming {
  page: string;
  range: string;
  p50Ms: number;
  maxMs: number;
}

export interface DashboardBench {
  events: number;
  generateMs: number;
  fileMb: number;
  timings: PageTiming[];
}

/** Fills a state database with `count` events over the year before END. */
export function generateUsage(db: ReturnType<typeof tempStateDatabase>['db'], count: number): void {
  ensureUsageSchema(db);
  const rand = random(count);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const users = Math.max(100, Math.round(count / 50));
  const profiles: (Profile & { consented: boolean; channel: ChannelName; lastDay: number | null })[] =
    Array.from({ length: users }, () => ({
      grp: pick(GROUPS),
      level: 1 + Math.floor(rand() * 3),
      neighbourhood: `Tổ ${1 + Math.floor(rand() ** 1.5 * 25)}`,
      consented: rand() < 0.85,
      channel: pick(CHANNELS),
      lastDay: null,
    }));
  const texts = Array.from(
    { length: 3000 },
    (_, i) => `${pick(ASKS)} ${pick(TOPICS)}${i % 7 ? '' : ` số ${i}`}?`,
  );
  const textColumns = new Map<string, ReturnType<typeof details>>();
  const insert = db.prepare(INSERT_EVENT_SQL);
  const counters = new Map<string, { n: number; total: number }>();
  const dayPeople = new Map<string, Uint8Array>();
  const lessons = Array.from({ length: 43 }, (_, i) => `bai-hoc-${i + 1}`);
  const start = END.getTime() - 365 * DAY_MS;

  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const u = Math.floor(rand() ** 2 * users);
      const person = profiles[u]!;
      const base = {
        at: new Date(start + (i / count) * 365 * DAY_MS),
        channel: person.channel,
        userKey: `user-${u}`,
        consented: person.consented,
      };
      const roll = rand();
      let event: UsageEvent;
      if (roll < 0.75) {
        const intent = pick(INTENTS);
        const answered = intent !== 'no_match' && intent !== 'out_of_scope' && rand() < 0.92;
        event = {
          ...base,
          type: 'question',
          text: pick(texts),
          intent,
          answered,
          confidence: rand(),
          sources: answered ? [pick(lessons), pick(lessons)] : [],
          latencyMs: Math.round(150 + rand() ** 3 * 4000),
        };
      } else if (roll < 0.92) {
        const action = pick(['suggested', 'started', 'started', 'finished'] as const);
        event = {
          ...base,
          type: 'lesson',
          lessonId: pick(lessons),
          action,
          score: action === 'finished' ? rand() : undefined,
        };
      } else event = { ...base, type: 'feedback', rating: rand() < 0.8 ? 'up' : 'down' };

      const day = dayOf(event.at);
      const profile = person.consented ? person : null;
      for (const c of countersOf(event, profile)) {
        const key = `${c.dimension}\u0000${day}\u0000${c.value}\u0000${c.metric}`;
        const counter = counters.get(key) ?? { n: 0, total: 0 };
        counter.n++;
        counter.total += c.total;
        counters.set(key, counter);
      }
      if (!profile) continue;
      const dayKey = `${day}\u0000${event.channel}`;
      dayPeople.set(dayKey, withPerson(dayPeople.get(dayKey), u) ?? dayPeople.get(dayKey)!);
      person.lastDay = day;
      const row = eventRow(
        { ...event, ...(event.type === 'question' ? { text: '' } : {}) } as UsageEvent,
        profile,
        day,
      );
      if (event.type === 'question') {
        let cached = textColumns.get(event.text);
        if (!cached) textColumns.set(event.text, (cached = details(event)));
        Object.assign(row, { text: cached.text, fingerprint: cached.fingerprint });
      }
      insert.run(row);
    }
    const bump = db.prepare(
      'INSERT INTO usage_daily (dimension, day, value, metric, n, total) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const [key, { n, total }] of counters) bump.run(...key.split('\u0000'), n, total);
    const day = db.prepare('INSERT INTO usage_day_people (day, channel, people) VALUES (?, ?, ?)');
    for (const [key, people] of dayPeople) {
      const [d, channel] = key.split('\u0000');
      day.run(Number(d), channel, people);
    }
    const attributes = new Map<string, Uint8Array>();
    const profile = db.prepare(
      'INSERT INTO usage_profiles (user_key, idx, grp, level, neighbourhood, updated_at, last_day) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    profiles.forEach((p, u) => {
      if (!p.consented) return;
      profile.run(`user-${u}`, u, p.grp, p.level, p.neighbourhood, start, p.lastDay);
      for (const key of [
        `group\u0000${p.grp}`,
        `level\u0000${p.level}`,
        `neighbourhood\u0000${p.neighbourhood}`,
      ])
        attributes.set(key, withPerson(attributes.get(key), u) ?? attributes.get(key)!);
    });
    const attribute = db.prepare(
      'INSERT INTO usage_attribute_people (dimension, value, people) VALUES (?, ?, ?)',
    );
    for (const [key, people] of attributes) attribute.run(...key.split('\u0000'), people);
  })();
  db.pragma('optimize');
}

export async function benchDashboard(events = 1_000_000, runs = 5): Promise<DashboardBench> {
  const { db, dir, cleanup } = tempStateDatabase();
  try {
    const started = performance.now();
    generateUsage(db, events);
    const generateMs = performance.now() - started;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const fileMb =
      (
        db
          .prepare('SELECT page_count * page_size AS b FROM pragma_page_count(), pragma_page_size()')
          .get() as { b: number }
      ).b / 1e6;
    const app = await dashboardApp(db, { knowledgeDir: path.join(dir, 'knowledge') });
    const { cookie } = await logIn(app);
    const to = dayOf(END);
    const ranges = { '30 ngày': to - 29, quý: to - 89, năm: to - 364 };
    const timings: PageTiming[] = [];
    for (const [rangeName, from] of Object.entries(ranges)) {
      const query = `from=${isoOfDay(from)}&to=${isoOfDay(to)}`;
      const unanswered = await app.inject({
        url: `/admin/unanswered?${query}`,
        cookies: { bdhvs_admin: cookie },
      });
      const faqLink = /href="(\/admin\/faq\/new\?[^"]+)"/.exec(unanswered.body)?.[1]?.replace(/&amp;/g, '&');
      const pages = [
        '/admin/',
        '/admin/breakdown',
        '/admin/topics',
        '/admin/lessons',
        '/admin/unanswered',
      ].map((p) => `${p}?${query}`);
      if (faqLink) pages.push(faqLink);
      pages.push(`/admin/report.csv?${query}`, `/admin/report.xlsx?${query}`);
      for (const url of pages) {
        const times: number[] = [];
        for (let i = 0; i <= runs; i++) {
          const t = performance.now();
          const response = await app.inject({ url, cookies: { bdhvs_admin: cookie } });
          if (response.statusCode !== 200) throw new Error(`${url}: HTTP ${response.statusCode}`);
          if (i > 0) times.push(performance.now() - t); // the first run warms caches
        }
        timings.push({
          page: url.split('?')[0]!,
          range: rangeName,
          p50Ms: percentile(times, 50),
          maxMs: Math.max(...times),
        });
      }
    }
    await app.close();
    return { events, generateMs, fileMb, timings };
  } finally {
    cleanup();
  }
}

export function formatDashboardBench(result: DashboardBench): string {
  const lines = [
    `Dashboard: ${result.events.toLocaleString('en')} usage events generated in ${(result.generateMs / 1000).toFixed(1)} s, state file ${result.fileMb.toFixed(0)} MB`,
    '| page | range | p50 ms | max ms |',
    '|---|---|---|---|',
    ...result.timings.map(
      (t) => `| ${t.page} | ${t.range} | ${t.p50Ms.toFixed(1)} | ${t.maxMs.toFixed(1)} |`,
    ),
  ];
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { events: { type: 'string' }, runs: { type: 'string' } } });
  const result = await benchDashboard(Number(values.events ?? 1_000_000), Number(values.runs ?? 5));
  console.log(formatDashboardBench(result));
}
