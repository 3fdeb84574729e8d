import type { Statement } from 'better-sqlite3';
import type { StateDatabase } from '../state/database.ts';
import { countPeople, union } from './activity.ts';
import type { DayRange } from './days.ts';
import { groupSimilar, type QuestionGroup } from './question-groups.ts';
import { ensureUsageSchema, LATENCY_BUCKETS } from './schema.ts';

export type Dimension = 'channel' | 'group' | 'level' | 'neighbourhood';
export const DIMENSIONS: readonly Dimension[] = ['channel', 'group', 'level', 'neighbourhood'];

export interface Totals {
  questions: number;
  answered: number;
  anonymous: number;
  feedbackUp: number;
  feedbackDown: number;
  lessonsStarted: number;
  lessonsFinished: number;
}

export interface Overview extends Totals {
  /** Distinct consenting people active in the range. */
  activeUsers: number;
  /** Distinct people active on the last day, the last 7 and the last 30 days of the range. */
  dailyActive: number;
  weeklyActive: number;
  monthlyActive: number;
  /** Median answer time, read from the latency histogram; null when nothing was asked. */
  medianLatencyMs: number | null;
  days: { day: number; questions: number; answered: number; activeUsers: number }[];
}

export interface BreakdownRow extends Totals {
  value: string;
  activeUsers: number;
}

export interface LessonRow {
  lessonId: string;
  suggested: number;
  started: number;
  finished: number;
  /** Mean self-check score (0..1) of finished lessons; null when none was finished. */
  averageScore: number | null;
}

export interface Topics {
  intents: { intent: string; questions: number; answered: number }[];
  sources: { id: string; cited: number }[];
}

const METRIC_OF: Record<keyof Totals, string> = {
  questions: 'questions',
  answered: 'answered',
  anonymous: 'anonymous',
  feedbackUp: 'feedback_up',
  feedbackDown: 'feedback_down',
  lessonsStarted: 'lesson_started',
  lessonsFinished: 'lesson_finished',
};

interface Activity {
  all: Uint8Array;
  byDay: Map<number, Uint8Array>;
  byChannel: Map<string, Uint8Array>;
  /** "group:nguoi-cao-tuoi" → current members. */
  attributes: Map<string, Uint8Array>;
}

interface Counter {
  value: string;
  metric: string;
  n: number;
  total: number;
}

/** The figures the dashboard and the reports show, read from the usage tables. */
export class UsageStats {
  private readonly counters: Statement;
  private readonly countersByDay: Statement;
  private readonly dayPeople: Statement;
  private readonly attributePeople: Statement;
  private readonly unansweredFingerprints: Statement;
  private readonly unansweredExample: Statement;

  constructor(db: StateDatabase) {
    ensureUsageSchema(db);
    this.counters = db.prepare(`
      SELECT value, metric, sum(n) AS n, sum(total) AS total FROM usage_daily
      WHERE dimension = ? AND day BETWEEN ? AND ? GROUP BY value, metric`);
    this.countersByDay = db.prepare(`
      SELECT day, metric, n FROM usage_daily
      WHERE dimension = 'all' AND day BETWEEN ? AND ? AND metric IN ('questions', 'answered')`);
    this.dayPeople = db.prepare(
      'SELECT day, channel, people FROM usage_day_people WHERE day BETWEEN ? AND ?',
    );
    this.attributePeople = db.prepare('SELECT dimension, value, people FROM usage_attribute_people');
    // Counted from the index alone; the example text is read only for the fingerprints shown.
    this.unansweredFingerprints = db.prepare(`
      SELECT fingerprint, count(*) AS count, max(day) AS lastDay
      FROM usage_events INDEXED BY usage_events_unanswered
      WHERE type = 'question' AND answered = 0 AND day BETWEEN ? AND ?
      GROUP BY fingerprint ORDER BY count DESC LIMIT ?`);
    this.unansweredExample = db
      .prepare(
        `SELECT text FROM usage_events INDEXED BY usage_events_unanswered
         WHERE type = 'question' AND answered = 0 AND fingerprint = ? AND day BETWEEN ? AND ?
         ORDER BY day DESC LIMIT 1`,
      )
      .pluck();
  }

  overview(range: DayRange): Overview {
    const totals = totalsOf(this.read('all', range));
    const histogram = this.read('latency', range);
    const activity = this.activity(range);
    const since = (from: number) => {
      let people: Uint8Array = new Uint8Array(0);
      for (let day = Math.max(from, range.from); day <= range.to; day++)
        people = union(people, activity.byDay.get(day) ?? new Uint8Array(0));
      return countPeople(people);
    };
    const days = new Map<number, Overview['days'][number]>();
    for (let day = range.from; day <= range.to; day++) {
      const people = activity.byDay.get(day);
      days.set(day, { day, questions: 0, answered: 0, activeUsers: people ? countPeople(people) : 0 });
    }
    for (const row of this.countersByDay.all(range.from, range.to) as {
      day: number;
      metric: string;
      n: number;
    }[])
      days.get(row.day)![row.metric as 'questions' | 'answered'] = row.n;
    return {
      ...totals,
      activeUsers: countPeople(activity.all),
      dailyActive: since(range.to),
      weeklyActive: since(range.to - 6),
      monthlyActive: since(range.to - 29),
      medianLatencyMs: medianOf(histogram),
      days: [...days.values()],
    };
  }

  /** Every breakdown at once: the activity of the range is read only once. */
  breakdowns(range: DayRange): Record<Dimension, BreakdownRow[]> {
    const activity = this.activity(range);
    return Object.fromEntries(DIMENSIONS.map((d) => [d, this.breakdownOf(d, range, activity)])) as Record<
      Dimension,
      BreakdownRow[]
    >;
  }

  breakdown(dimension: Dimension, range: DayRange): BreakdownRow[] {
    return this.breakdownOf(dimension, range, this.activity(range));
  }

  private breakdownOf(dimension: Dimension, range: DayRange, activity: Activity): BreakdownRow[] {
    const byValue = new Map<string, Counter[]>();
    for (const counter of this.read(dimension, range)) {
      const list = byValue.get(counter.value) ?? [];
      list.push(counter);
      byValue.set(counter.value, list);
    }
    const activeUsers = (value: string) => {
      if (dimension === 'channel') {
        const people = activity.byChannel.get(value);
        return people ? countPeople(people) : 0;
      }
      const members = activity.attributes.get(`${dimension}:${value}`);
      return members ? countPeople(activity.all, members) : 0;
    };
    return [...byValue.entries()]
      .map(([value, counters]) => ({ value, activeUsers: activeUsers(value), ...totalsOf(counters) }))
      .sort((a, b) => b.questions - a.questions || a.value.localeCompare(b.value, 'vi'));
  }

  topics(range: DayRange, limit = 20): Topics {
    const intents = new Map<string, { intent: string; questions: number; answered: number }>();
    for (const c of this.read('intent', range)) {
      const row = intents.get(c.value) ?? { intent: c.value, questions: 0, answered: 0 };
      if (c.metric === 'questions' || c.metric === 'answered') row[c.metric] += c.n;
      intents.set(c.value, row);
    }
    const sources = this.read('source', range)
      .map((c) => ({ id: c.value, cited: c.n }))
      .sort((a, b) => b.cited - a.cited || a.id.localeCompare(b.id))
      .slice(0, limit);
    return { intents: [...intents.values()].sort((a, b) => b.questions - a.questions), sources };
  }

  lessons(range: DayRange): LessonRow[] {
    const rows = new Map<string, LessonRow & { scoreSum: number }>();
    for (const c of this.read('lesson', range)) {
      const row = rows.get(c.value) ?? {
        lessonId: c.value,
        suggested: 0,
        started: 0,
        finished: 0,
        averageScore: null,
        scoreSum: 0,
      };
      if (c.metric === 'suggested' || c.metric === 'started') row[c.metric] += c.n;
      if (c.metric === 'finished') {
        row.finished += c.n;
        row.scoreSum += c.total;
      }
      rows.set(c.value, row);
    }
    return [...rows.values()]
      .map(({ scoreSum, ...row }) => ({
        ...row,
        averageScore: row.finished ? scoreSum / row.finished : null,
      }))
      .sort((a, b) => b.started - a.started || a.lessonId.localeCompare(b.lessonId));
  }

  /** Unanswered questions of consenting people, similar ones grouped, most asked first. */
  unanswered(range: DayRange, limit = 50): QuestionGroup[] {
    const counts = (
      this.unansweredFingerprints.all(range.from, range.to, 400) as {
        fingerprint: string;
        count: number;
        lastDay: number;
      }[]
    ).map((c) => ({
      ...c,
      example: this.unansweredExample.get(c.fingerprint, range.from, range.to) as string,
    }));
    return groupSimilar(counts).slice(0, limit);
  }

  /**
   * The people active in the range, as bitmaps (activity.ts): in all, per day, per channel; and
   * the current members of each group, level and tổ dân phố. A person counts once per group
   * however often they asked.
   */
  private activity(range: DayRange): Activity {
    const activity: Activity = {
      all: new Uint8Array(0),
      byDay: new Map(),
      byChannel: new Map(),
      attributes: new Map(),
    };
    for (const [day, channel, people] of this.dayPeople.raw().all(range.from, range.to) as [
      number,
      string,
      Uint8Array,
    ][]) {
      activity.all = union(activity.all, people);
      activity.byDay.set(day, union(activity.byDay.get(day) ?? new Uint8Array(0), people));
      activity.byChannel.set(channel, union(activity.byChannel.get(channel) ?? new Uint8Array(0), people));
    }
    for (const [dimension, value, people] of this.attributePeople.raw().all() as [
      string,
      string,
      Uint8Array,
    ][])
      activity.attributes.set(`${dimension}:${value}`, people);
    return activity;
  }

  private read(dimension: string, range: DayRange): Counter[] {
    return this.counters.all(dimension, range.from, range.to) as Counter[];
  }
}

function totalsOf(counters: Counter[]): Totals {
  const totals: Totals = {
    questions: 0,
    answered: 0,
    anonymous: 0,
    feedbackUp: 0,
    feedbackDown: 0,
    lessonsStarted: 0,
    lessonsFinished: 0,
  };
  for (const key of Object.keys(METRIC_OF) as (keyof Totals)[])
    totals[key] = counters.filter((c) => c.metric === METRIC_OF[key]).reduce((s, c) => s + c.n, 0);
  return totals;
}

/** The median of the latency histogram, interpolated inside the bucket that holds it. */
function medianOf(histogram: Counter[]): number | null {
  const counts = new Map(histogram.map((c) => [c.value, c.n]));
  const total = histogram.reduce((s, c) => s + c.n, 0);
  if (!total) return null;
  let below = 0;
  let lower = 0;
  for (const bound of LATENCY_BUCKETS) {
    const n = counts.get(String(bound)) ?? 0;
    if (n && below + n >= total / 2) return Math.round(lower + ((total / 2 - below) / n) * (bound - lower));
    below += n;
    lower = bound;
  }
  return lower;
}
