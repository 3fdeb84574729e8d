import type { ChannelName } from '../conversation/types.ts';
import type { Intent } from '../answer/types.ts';

/**
 * What the conversation core reports after each turn. The recorder redacts text, honours the
 * person's consent (without it only anonymous counts are kept) and writes synchronously on the
 * state database, so the core can record inside the same transaction as its own bookkeeping.
 */
interface EventBase {
  at: Date;
  channel: ChannelName;
  /** Pseudonymous key (UserKeys), never the platform id. */
  userKey: string;
  /** Whether the person accepted the privacy notice; false keeps only counts. */
  consented: boolean;
}

export type UsageEvent =
  | (EventBase & {
      type: 'question';
      /** Raw text: the recorder redacts it before storage. */
      text: string;
      intent: Intent;
      answered: boolean;
      confidence: number;
      /** Source document ids (and task refs) the answer cited. */
      sources: string[];
      latencyMs: number;
    })
  | (EventBase & {
      type: 'lesson';
      lessonId: string;
      action: 'suggested' | 'started' | 'finished';
      /** Self-check score 0..1 on `finished`. */
      score?: number;
    })
  | (EventBase & { type: 'feedback'; rating: 'up' | 'down'; reason?: string })
  | (EventBase & { type: 'profile'; group?: string; level?: number; neighbourhood?: string });

export interface UsageRecorder {
  record(event: UsageEvent): void;
  /** Deletes everything stored about one person; returns the number of rows removed. */
  forgetUser(userKey: string): number;
}
