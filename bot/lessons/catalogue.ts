import fs from 'node:fs';
import path from 'node:path';
import type { Lesson } from './lesson.ts';
import { LessonFormatError, parseLesson } from './parse-lesson.ts';

export interface CatalogueProblem {
  file: string;
  message: string;
}

/**
 * The lessons the assistant can teach, in file-name order. Files that cannot be taught are left
 * out and listed in `problems` (with what to fix), so one bad file never hides the others.
 */
export class LessonCatalogue {
  private byId: Map<string, Lesson>;

  constructor(
    private current: readonly Lesson[],
    private currentProblems: readonly CatalogueProblem[] = [],
  ) {
    this.byId = new Map(current.map((lesson) => [lesson.id, lesson]));
  }

  get lessons(): readonly Lesson[] {
    return this.current;
  }

  get problems(): readonly CatalogueProblem[] {
    return this.currentProblems;
  }

  /** Takes the lessons of a fresh read of the folder, so that everyone holding this catalogue sees them. */
  replaceWith(fresh: LessonCatalogue): void {
    this.current = fresh.lessons;
    this.currentProblems = fresh.problems;
    this.byId = new Map(this.current.map((lesson) => [lesson.id, lesson]));
  }

  get(id: string): Lesson | undefined {
    return this.byId.get(id);
  }

  /** Lessons that list `id` as a prerequisite. */
  dependentsOf(id: string): Lesson[] {
    return this.lessons.filter((lesson) => lesson.prerequisites.includes(id));
  }
}

/** Reads every lesson file of a folder (skipping "_*" and README files). */
export function loadCatalogue(dir: string): LessonCatalogue {
  const files = fs
    .readdirSync(dir)
    .filter(
      (name) =>
        name.endsWith('.md') && !name.startsWith('_') && !name.startsWith('.') && !/^readme\./i.test(name),
    )
    .sort();
  const parsed: Lesson[] = [];
  const problems: CatalogueProblem[] = [];
  for (const file of files) {
    try {
      parsed.push(parseLesson(fs.readFileSync(path.join(dir, file), 'utf8'), file));
    } catch (error) {
      if (!(error instanceof LessonFormatError)) throw error;
      problems.push({ file, message: error.message });
    }
  }
  const lessons = withValidPrerequisites(parsed, problems);
  return new LessonCatalogue(lessons, problems);
}

/**
 * Drops lessons whose prerequisites are unknown or circular (repeatedly, since dropping one can
 * orphan another): a suggestion must never point at a lesson that can't be unlocked.
 */
function withValidPrerequisites(lessons: Lesson[], problems: CatalogueProblem[]): Lesson[] {
  let kept = lessons;
  for (;;) {
    const ids = new Set(kept.map((l) => l.id));
    const bad = kept.filter((lesson) => {
      const unknown = lesson.prerequisites.filter((p) => !ids.has(p));
      if (unknown.length) {
        problems.push({
          file: `${lesson.id}.md`,
          message: `unknown or unusable prerequisites: ${unknown.join(', ')}`,
        });
        return true;
      }
      return false;
    });
    const cyclic = bad.length ? [] : inCycles(kept);
    for (const lesson of cyclic)
      problems.push({ file: `${lesson.id}.md`, message: 'prerequisites form a cycle; remove one of them' });
    const dropped = new Set([...bad, ...cyclic]);
    if (!dropped.size) return kept;
    kept = kept.filter((lesson) => !dropped.has(lesson));
  }
}

function inCycles(lessons: Lesson[]): Lesson[] {
  const byId = new Map(lessons.map((l) => [l.id, l]));
  const state = new Map<string, 'visiting' | 'done'>();
  const cyclic = new Set<Lesson>();
  const visit = (lesson: Lesson, trail: Lesson[]): void => {
    if (state.get(lesson.id) === 'done') return;
    if (state.get(lesson.id) === 'visiting') {
      trail.slice(trail.indexOf(lesson)).forEach((l) => cyclic.add(l));
      return;
    }
    state.set(lesson.id, 'visiting');
    for (const p of lesson.prerequisites) visit(byId.get(p)!, [...trail, lesson]);
    state.set(lesson.id, 'done');
  };
  for (const lesson of lessons) visit(lesson, []);
  return [...cyclic];
}
