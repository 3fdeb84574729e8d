import type { StateDatabase } from '../state/database.ts';
import type { Level } from '../lessons/lesson.ts';
import { newLearner, type Learner, type LessonProgress, type Session } from './learner.ts';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS learners (
  user_key      TEXT PRIMARY KEY,          -- UserKeys HMAC, never a platform id
  consent       INTEGER NOT NULL,          -- 1 accepted the privacy notice, 0 declined
  target_group  TEXT,
  level         INTEGER CHECK (level BETWEEN 1 AND 3),
  neighbourhood TEXT,                      -- tổ dân phố, optional
  session       TEXT NOT NULL DEFAULT '{}',
  updated_at    TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS lesson_progress (
  user_key    TEXT NOT NULL REFERENCES learners(user_key) ON DELETE CASCADE,
  lesson_id   TEXT NOT NULL,
  page        INTEGER NOT NULL,
  question    INTEGER,
  correct     INTEGER NOT NULL,
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  best_score  REAL,
  passed      INTEGER NOT NULL,
  PRIMARY KEY (user_key, lesson_id)
);`;

/** Most people who decline are served from memory; this bounds that memory. */
const MEMORY_LIMIT = 5000;

interface LearnerRow {
  consent: number;
  target_group: string | null;
  level: number | null;
  neighbourhood: string | null;
  session: string;
}

interface ProgressRow {
  lesson_id: string;
  page: number;
  question: number | null;
  correct: number;
  started_at: string;
  finished_at: string | null;
  best_score: number | null;
  passed: number;
}

/**
 * Profiles, progress and conversation state. Only people who accepted the privacy notice are
 * written to disk; for everyone else the state lives in this process's memory, and for those
 * who declined only the fact that they declined is stored, so they are not asked again.
 */
export class LearnerStore {
  private readonly memory = new Map<string, Learner>();

  constructor(private readonly db: StateDatabase) {
    db.exec(SCHEMA);
  }

  load(key: string): Learner {
    const kept = this.memory.get(key);
    if (kept) return structuredClone(kept);
    const row = this.db
      .prepare('SELECT consent, target_group, level, neighbourhood, session FROM learners WHERE user_key = ?')
      .get(key) as LearnerRow | undefined;
    if (!row) return newLearner(key);
    const learner = newLearner(key);
    learner.consent = row.consent === 1;
    if (!learner.consent) return learner;
    learner.group = row.target_group;
    learner.level = row.level as Level | null;
    learner.neighbourhood = row.neighbourhood;
    learner.session = { ...learner.session, ...(JSON.parse(row.session) as Partial<Session>) };
    const rows = this.db
      .prepare(
        'SELECT lesson_id, page, question, correct, started_at, finished_at, best_score, passed FROM lesson_progress WHERE user_key = ?',
      )
      .all(key) as ProgressRow[];
    for (const r of rows) learner.progress.set(r.lesson_id, fromRow(r));
    return learner;
  }

  /** Call inside the turn's transaction. */
  save(learner: Learner): void {
    const now = new Date().toISOString();
    if (learner.consent !== true) {
      this.remember(learner);
      if (learner.consent === false) {
        this.db.prepare('DELETE FROM lesson_progress WHERE user_key = ?').run(learner.key);
        this.db
          .prepare(
            `INSERT INTO learners (user_key, consent, session, updated_at) VALUES (?, 0, '{}', ?)
             ON CONFLICT (user_key) DO UPDATE SET consent = 0, target_group = NULL, level = NULL,
               neighbourhood = NULL, session = '{}', updated_at = excluded.updated_at`,
          )
          .run(learner.key, now);
      }
      return;
    }
    this.memory.delete(learner.key);
    this.db
      .prepare(
        `INSERT INTO learners (user_key, consent, target_group, level, neighbourhood, session, updated_at)
         VALUES (@key, 1, @group, @level, @neighbourhood, @session, @now)
         ON CONFLICT (user_key) DO UPDATE SET consent = 1, target_group = @group, level = @level,
           neighbourhood = @neighbourhood, session = @session, updated_at = @now`,
      )
      .run({
        key: learner.key,
        group: learner.group,
        level: learner.level,
        neighbourhood: learner.neighbourhood,
        session: JSON.stringify(learner.session),
        now,
      });
    const upsert = this.db.prepare(
      `INSERT INTO lesson_progress (user_key, lesson_id, page, question, correct, started_at, finished_at, best_score, passed)
       VALUES (@key, @lessonId, @page, @question, @correct, @startedAt, @finishedAt, @bestScore, @passed)
       ON CONFLICT (user_key, lesson_id) DO UPDATE SET page = @page, question = @question, correct = @correct,
         started_at = @startedAt, finished_at = @finishedAt, best_score = @bestScore, passed = @passed`,
    );
    for (const p of learner.progress.values())
      upsert.run({ key: learner.key, ...p, passed: p.passed ? 1 : 0 });
  }

  /** Removes everything kept about one person; returns the number of rows deleted. */
  forget(key: string): number {
    this.memory.delete(key);
    const progress = this.db.prepare('DELETE FROM lesson_progress WHERE user_key = ?').run(key).changes;
    return progress + this.db.prepare('DELETE FROM learners WHERE user_key = ?').run(key).changes;
  }

  private remember(learner: Learner): void {
    this.memory.delete(learner.key);
    this.memory.set(learner.key, structuredClone(learner));
    if (this.memory.size > MEMORY_LIMIT) this.memory.delete(this.memory.keys().next().value!);
  }
}

function fromRow(r: ProgressRow): LessonProgress {
  return {
    lessonId: r.lesson_id,
    page: r.page,
    question: r.question,
    correct: r.correct,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    bestScore: r.best_score,
    passed: r.passed === 1,
  };
}
