import { latencyBucket } from './schema.ts';
import type { UsageEvent } from './types.ts';

/** What a consenting person told us about themselves, as stored with their events. */
export interface Profile {
  grp: string | null;
  level: number | null;
  neighbourhood: string | null;
}

/** One increment of an anonymous daily counter (`usage_daily`). */
export interface Counter {
  dimension: string;
  value: string;
  metric: string;
  /** Added to the counter's running total (latency ms, self-check score). */
  total: number;
}

export const MAX_SOURCES = 10;

/**
 * The counters one event adds to. Channel totals are kept for everyone; group, level and tổ dân
 * phố only for people who consented (`profile` is null for the others).
 */
export function countersOf(event: UsageEvent, profile: Profile | null): Counter[] {
  const dimensions: [string, string][] = [
    ['all', ''],
    ['channel', event.channel],
  ];
  if (profile?.grp) dimensions.push(['group', profile.grp]);
  if (profile?.level != null) dimensions.push(['level', String(profile.level)]);
  if (profile?.neighbourhood) dimensions.push(['neighbourhood', profile.neighbourhood]);
  const out: Counter[] = [];
  const count = (metric: string) => {
    for (const [dimension, value] of dimensions) out.push({ dimension, value, metric, total: 0 });
  };
  const add = (dimension: string, value: string, metric: string, total = 0) =>
    out.push({ dimension, value, metric, total });

  switch (event.type) {
    case 'question':
      count('questions');
      if (event.answered) count('answered');
      if (!event.consented) count('anonymous');
      add('intent', event.intent, 'questions');
      if (event.answered) add('intent', event.intent, 'answered');
      add('latency', latencyBucket(event.latencyMs), 'questions', event.latencyMs);
      for (const source of new Set(event.sources.slice(0, MAX_SOURCES))) add('source', source, 'cited');
      break;
    case 'lesson':
      count(`lesson_${event.action}`);
      add('lesson', event.lessonId, event.action, event.score ?? 0);
      break;
    case 'feedback':
      count(`feedback_${event.rating}`);
      break;
    case 'profile':
      break;
  }
  return out;
}
