import { logger } from '../../knowledge/logger.ts';
import type { StateDatabase } from '../state/database.ts';
import { dayOf } from './days.ts';
import { People } from './people.ts';
import { ensureUsageSchema } from './schema.ts';

export const DEFAULT_RETENTION_DAYS = 365;
const DAY_MS = 86_400_000;

/** USAGE_RETENTION_DAYS (1–3650, default 365): how long personal usage data is kept. */
export function retentionDaysFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.USAGE_RETENTION_DAYS?.trim();
  if (!raw) return DEFAULT_RETENTION_DAYS;
  const days = Number(raw);
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new Error(`USAGE_RETENTION_DAYS must be a whole number of days between 1 and 3650 (got "${raw}")`);
  return days;
}

/**
 * Deletes the personal usage data older than the retention period: events, active days, and
 * profiles of people not seen since. Returns the number of rows deleted. The anonymous daily counters stay: they name nobody and carry the
 * ward's indicators from year to year.
 */
export function purgeExpiredUsage(db: StateDatabase, retentionDays: number, now = new Date()): number {
  ensureUsageSchema(db);
  const cutoff = now.getTime() - retentionDays * DAY_MS;
  const cutoffDay = dayOf(cutoff);
  const people = new People(db);
  return db.transaction(
    () =>
      db.prepare('DELETE FROM usage_events WHERE day < ?').run(cutoffDay).changes +
      people.purgeBefore(cutoffDay, cutoff),
  )();
}

/** Purges now and then once a day; returns a function that stops the timer. */
export function startDailyPurge(db: StateDatabase, retentionDays: number): () => void {
  const run = () => {
    try {
      const removed = purgeExpiredUsage(db, retentionDays);
      logger.info({ removed, retentionDays }, 'usage retention purge');
    } catch (error) {
      logger.error({ err: (error as Error).message }, 'usage retention purge failed');
    }
  };
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
