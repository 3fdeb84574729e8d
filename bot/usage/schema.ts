import type { StateDatabase } from '../state/database.ts';

/**
 * Usage tables in the state database.
 *
 * - `usage_events`: one row per turn of a person who accepted the privacy notice (redacted text,
 *   pseudonymous key); what staff read and what "xóa dữ liệu của tôi" deletes.
 * - `usage_profiles`: each consenting person's number (`idx`), latest group, level and tổ dân phố,
 *   and last active day.
 * - `usage_day_people`, `usage_attribute_people`: bitmaps over those numbers (activity.ts), for
 *   distinct-people counts without scanning events.
 * - `usage_daily`: anonymous counters per day (everyone, with or without consent), by dimension
 *   (all, channel, group, level, neighbourhood, intent, source, lesson, latency). The dashboard
 *   reads these, so a page costs the same with a thousand events or a million.
 */
export function ensureUsageSchema(db: StateDatabase): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS usage_events (
      id INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,
      day INTEGER NOT NULL,
      type TEXT NOT NULL,
      channel TEXT NOT NULL,
      user_key TEXT NOT NULL,
      grp TEXT,
      level INTEGER,
      neighbourhood TEXT,
      intent TEXT,
      text TEXT,
      fingerprint TEXT,
      answered INTEGER,
      confidence REAL,
      sources TEXT,
      latency_ms INTEGER,
      lesson_id TEXT,
      action TEXT,
      score REAL,
      rating TEXT,
      reason TEXT
    );
    CREATE INDEX IF NOT EXISTS usage_events_user ON usage_events(user_key);
    CREATE INDEX IF NOT EXISTS usage_events_day ON usage_events(day);
    CREATE INDEX IF NOT EXISTS usage_events_unanswered ON usage_events(fingerprint, day)
      WHERE type = 'question' AND answered = 0;

    CREATE TABLE IF NOT EXISTS usage_profiles (
      user_key TEXT PRIMARY KEY,
      idx INTEGER NOT NULL UNIQUE,
      grp TEXT,
      level INTEGER,
      neighbourhood TEXT,
      updated_at INTEGER NOT NULL,
      last_day INTEGER
    );

    CREATE TABLE IF NOT EXISTS usage_day_people (
      day INTEGER NOT NULL,
      channel TEXT NOT NULL,
      people BLOB NOT NULL,
      PRIMARY KEY (day, channel)
    ) WITHOUT ROWID;

    CREATE TABLE IF NOT EXISTS usage_attribute_people (
      dimension TEXT NOT NULL,
      value TEXT NOT NULL,
      people BLOB NOT NULL,
      PRIMARY KEY (dimension, value)
    ) WITHOUT ROWID;

    CREATE TABLE IF NOT EXISTS usage_daily (
      dimension TEXT NOT NULL,
      day INTEGER NOT NULL,
      value TEXT NOT NULL,
      metric TEXT NOT NULL,
      n INTEGER NOT NULL,
      total REAL NOT NULL DEFAULT 0,
      PRIMARY KEY (dimension, day, value, metric)
    ) WITHOUT ROWID;
  `);
}

/** Upper bounds (ms) of the latency histogram kept per day; the median is read from it. */
export const LATENCY_BUCKETS = [
  100, 200, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 4000, 5000, 7500, 10_000, 15_000, 20_000, 30_000,
  60_000,
] as const;

export function latencyBucket(ms: number): string {
  const bound = LATENCY_BUCKETS.find((b) => ms <= b);
  return bound === undefined ? 'inf' : String(bound);
}
