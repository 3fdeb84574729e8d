import type { Statement } from 'better-sqlite3';
import type { StateDatabase } from '../state/database.ts';
import { dayOf } from './days.ts';
import { questionFingerprint } from './question-groups.ts';
import { redact } from './redact.ts';
import { countersOf, MAX_SOURCES, type Profile } from './counters.ts';
import { People } from './people.ts';
import { ensureUsageSchema } from './schema.ts';
import type { UsageEvent, UsageRecorder } from './types.ts';

const MAX_TEXT = 1000;

/** Inserts one `usage_events` row from the named parameters of `eventRow`. */
export const INSERT_EVENT_SQL = `
      INSERT INTO usage_events (at, day, type, channel, user_key, grp, level, neighbourhood, intent, text,
        fingerprint, answered, confidence, sources, latency_ms, lesson_id, action, score, rating, reason)
      VALUES (@at, @day, @type, @channel, @userKey, @grp, @level, @neighbourhood, @intent, @text,
        @fingerprint, @answered, @confidence, @sources, @latencyMs, @lessonId, @action, @score, @rating, @reason)`;

/**
 * Writes usage events to the state database, synchronously, so the conversation core can call
 * `record` inside its own transaction. A person who declined the privacy notice only adds to
 * anonymous daily counters: no key, no text, no profile.
 */
export class SqliteUsageRecorder implements UsageRecorder {
  private readonly insertEvent: Statement;
  private readonly bump: Statement;
  private readonly people: People;
  private readonly recordInTransaction: (event: UsageEvent) => void;
  private readonly forgetInTransaction: (userKey: string) => number;

  constructor(db: StateDatabase) {
    ensureUsageSchema(db);
    // Deleted rows are overwritten with zeros, so "xóa dữ liệu của tôi" leaves nothing in free pages.
    db.pragma('secure_delete = ON');
    this.people = new People(db);
    this.insertEvent = db.prepare(INSERT_EVENT_SQL);
    this.bump = db.prepare(`
      INSERT INTO usage_daily (dimension, day, value, metric, n, total) VALUES (?, ?, ?, ?, 1, ?)
      ON CONFLICT (dimension, day, value, metric) DO UPDATE SET n = n + 1, total = total + excluded.total`);
    this.recordInTransaction = db.transaction((event: UsageEvent) => this.write(event));
    this.forgetInTransaction = db.transaction(
      (userKey: string) =>
        db.prepare('DELETE FROM usage_events WHERE user_key = ?').run(userKey).changes +
        this.people.forget(userKey),
    );
  }

  record(event: UsageEvent): void {
    this.recordInTransaction(event);
  }

  forgetUser(userKey: string): number {
    return this.forgetInTransaction(userKey);
  }

  private write(event: UsageEvent): void {
    const day = dayOf(event.at);
    if (!event.consented) {
      for (const c of countersOf(event, null)) this.bump.run(c.dimension, day, c.value, c.metric, c.total);
      return;
    }
    const now = event.at.getTime();
    const person =
      event.type === 'profile'
        ? this.people.update(
            event.userKey,
            {
              grp: event.group,
              level: event.level,
              neighbourhood: event.neighbourhood ? redact(event.neighbourhood) : undefined,
            },
            now,
          )
        : this.people.find(event.userKey, now);
    const profile: Profile = { grp: person.grp, level: person.level, neighbourhood: person.neighbourhood };
    for (const c of countersOf(event, profile)) this.bump.run(c.dimension, day, c.value, c.metric, c.total);
    this.people.markActive(person, event.userKey, day, event.channel);
    this.insertEvent.run(eventRow(event, profile, day));
  }
}

/** The columns of `usage_events` that depend on the kind of event. */
type EventColumns = {
  [
    K in
      | 'intent'
      | 'text'
      | 'fingerprint'
      | 'answered'
      | 'confidence'
      | 'sources'
      | 'latencyMs'
      | 'lessonId'
      | 'action'
      | 'score'
      | 'rating'
      | 'reason'
  ]: string | number | null;
};
const emptyRow = {
  intent: null,
  text: null,
  fingerprint: null,
  answered: null,
  confidence: null,
  sources: null,
  latencyMs: null,
  lessonId: null,
  action: null,
  score: null,
  rating: null,
  reason: null,
} satisfies EventColumns;

/** The `usage_events` row of a consenting person's event (named parameters of the insert). */
export function eventRow(
  event: UsageEvent,
  profile: Profile,
  day = dayOf(event.at),
): Record<string, unknown> {
  return {
    ...emptyRow,
    at: event.at.getTime(),
    day,
    type: event.type,
    channel: event.channel,
    userKey: event.userKey,
    ...profile,
    ...details(event),
  };
}

/** The event's own columns, with every free text redacted. */
export function details(event: UsageEvent): Partial<EventColumns> {
  switch (event.type) {
    case 'question': {
      const text = redact(event.text.slice(0, MAX_TEXT));
      return {
        intent: event.intent,
        text,
        fingerprint: questionFingerprint(text),
        answered: event.answered ? 1 : 0,
        confidence: Math.min(1, Math.max(0, event.confidence)),
        sources: JSON.stringify(event.sources.slice(0, MAX_SOURCES)),
        latencyMs: Math.round(event.latencyMs),
      };
    }
    case 'lesson':
      return { lessonId: event.lessonId, action: event.action, score: event.score ?? null };
    case 'feedback':
      return { rating: event.rating, reason: event.reason ? redact(event.reason.slice(0, MAX_TEXT)) : null };
    case 'profile':
      return {};
  }
}
