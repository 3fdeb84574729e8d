import type { Button } from '../conversation/types.ts';
import type { Level } from '../lessons/lesson.ts';
import type { RecentTopic } from '../lessons/suggest.ts';

/** One person's place in a lesson. A retaken lesson keeps its first finish and best score. */
export interface LessonProgress {
  lessonId: string;
  /** Message (page) of the lesson being shown, 0-based. */
  page: number;
  /** Self-check question being asked, or null while reading the steps. */
  question: number | null;
  /** Right answers so far in the current self-check. */
  correct: number;
  startedAt: string;
  finishedAt: string | null;
  /** Best self-check score 0..1. */
  bestScore: number | null;
  passed: boolean;
}

/** A question the person must answer before anything else happens. */
export type Pending =
  | { kind: 'confirm-delete' }
  | { kind: 'neighbourhood' }
  | { kind: 'placement'; question: number; correct: number }
  | { kind: 'feedback-reason'; answer: number };

/** Conversation bookkeeping between turns. */
export interface Session {
  pending?: Pending;
  /** The lesson being taken (its progress says where). */
  lessonId?: string;
  /** Buttons of the last turn, in order, so "1", "2"… typed as text select them. */
  buttons: Button[];
  /** What recent questions were about, most recent first. */
  topics: RecentTopic[];
  /** Number of the last answer given; feedback buttons carry it. */
  answerSeq: number;
  /** Number of the last answer the person rated. */
  ratedSeq: number;
  /** Follow-up questions offered with the last answer. */
  followUps: string[];
  /** How often onboarding was offered beside an answer (we stop nagging after two). */
  nudges: number;
  /** Level at which "move up?" was declined, so it is not asked again at that level. */
  levelUpDeclined?: Level;
}

export interface Learner {
  key: string;
  /** Privacy notice answer: null until the person chooses. */
  consent: boolean | null;
  group: string | null;
  level: Level | null;
  neighbourhood: string | null;
  session: Session;
  progress: Map<string, LessonProgress>;
}

export function newLearner(key: string): Learner {
  return {
    key,
    consent: null,
    group: null,
    level: null,
    neighbourhood: null,
    session: { buttons: [], topics: [], answerSeq: 0, ratedSeq: 0, followUps: [], nudges: 0 },
    progress: new Map(),
  };
}

export function finishedLessons(learner: Learner): Set<string> {
  return new Set([...learner.progress.values()].filter((p) => p.finishedAt).map((p) => p.lessonId));
}
