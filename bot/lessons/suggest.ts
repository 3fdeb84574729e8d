import type { LessonCatalogue } from './catalogue.ts';
import { AREA_TOPICS, groupById, type TargetGroup } from './groups.ts';
import type { Lesson, Level } from './lesson.ts';

/** What a person recently asked about, most recent first. */
export interface RecentTopic {
  lessonIds: string[];
  areas: string[];
}

export interface Learner {
  group: string;
  level: Level;
  finished: ReadonlySet<string>;
  recentTopics?: readonly RecentTopic[];
}

export interface Suggestion {
  lesson: Lesson;
  /** One line of Vietnamese saying why this lesson was chosen. */
  reason: string;
}

/**
 * A prerequisite is met when the person finished it, or when it sits below their self-reported
 * level (someone who says they use Zalo daily is not sent back to "how to install an app").
 */
export function prerequisitesMet(
  catalogue: LessonCatalogue,
  lesson: Lesson,
  level: Level,
  finished: ReadonlySet<string>,
): boolean {
  return lesson.prerequisites.every(
    (id) => finished.has(id) || (catalogue.get(id)?.level ?? Infinity) < level,
  );
}

/**
 * The next lessons for a person: unfinished, unlocked, near their level, on their group's path,
 * brought forward when they recently asked about the topic, and spread over different areas.
 */
export function suggestLessons(catalogue: LessonCatalogue, learner: Learner, count = 3): Suggestion[] {
  const group = groupById(learner.group);
  const scored = catalogue.lessons
    .filter((lesson) => !learner.finished.has(lesson.id))
    .filter((lesson) => prerequisitesMet(catalogue, lesson, learner.level, learner.finished))
    .map((lesson) => score(catalogue, lesson, learner, group));

  const chosen: Scored[] = [];
  const areas = new Set<string>();
  const remaining = [...scored];
  while (chosen.length < count && remaining.length) {
    let best = 0;
    for (let i = 1; i < remaining.length; i++) {
      if (adjusted(remaining[i]!, areas) > adjusted(remaining[best]!, areas)) best = i;
    }
    const [pick] = remaining.splice(best, 1);
    chosen.push(pick!);
    areas.add(pick!.lesson.area);
  }
  return chosen.map(({ lesson, reason }) => ({ lesson, reason }));
}

interface Scored {
  lesson: Lesson;
  points: number;
  reason: string;
}

const SAME_AREA_PENALTY = 25;

function adjusted(candidate: Scored, chosenAreas: ReadonlySet<string>): number {
  return candidate.points - (chosenAreas.has(candidate.lesson.area) ? SAME_AREA_PENALTY : 0);
}

function score(
  catalogue: LessonCatalogue,
  lesson: Lesson,
  learner: Learner,
  group: TargetGroup | undefined,
): Scored {
  const reasons: { points: number; text: string }[] = [];
  const distance = lesson.level - learner.level;
  const levelPoints = distance === 0 ? 30 : distance === -1 ? 12 : distance === 1 ? 6 : -40;
  reasons.push({ points: 0, text: levelReason(distance, learner.level) });

  const inGroup = lesson.groups.includes(learner.group);
  let points = levelPoints + (inGroup ? 20 : 0);
  if (group && inGroup) {
    const areaRank = group.areas.indexOf(lesson.area);
    if (areaRank >= 0) points += group.areas.length - areaRank;
    const keyRank = group.keyLessons.indexOf(lesson.id);
    if (keyRank >= 0) {
      points += 24 - 2 * keyRank;
      reasons.push({
        points: 1,
        text: `Bài nền tảng cho ${group.inSentence} về ${AREA_TOPICS[lesson.area] ?? 'kỹ năng số'}.`,
      });
    }
  }
  points += Math.min(catalogue.dependentsOf(lesson.id).length, 4);

  const justFinished = lesson.prerequisites
    .map((id) => catalogue.get(id))
    .find((p) => p && learner.finished.has(p.id));
  if (justFinished) {
    points += 8;
    reasons.push({ points: 2, text: `Học tiếp sau bài “${justFinished.title}” bạn đã học xong.` });
  }

  const topic = topicBoost(catalogue, lesson, learner.recentTopics ?? []);
  if (topic) {
    // Asked about it: the lesson is wanted now, even if it is easier than the person's level.
    points += topic.points + Math.max(0, 12 - levelPoints);
    reasons.push({ points: 3, text: topic.reason });
  }
  const reason = reasons.reduce((best, r) => (r.points > best.points ? r : best)).text;
  return { lesson, points, reason };
}

function levelReason(distance: number, level: Level): string {
  if (distance === 0)
    return level === 1
      ? 'Bài cơ bản, vừa sức người mới dùng điện thoại.'
      : level === 2
        ? 'Vừa sức với trình độ của bạn.'
        : 'Bài nâng cao, đúng trình độ của bạn.';
  if (distance < 0) return 'Ôn lại kiến thức nền, học nhanh.';
  return 'Thử sức với bài khó hơn một chút.';
}

/** Recent questions pull their lessons (or the lessons that unlock them) and areas forward. */
function topicBoost(
  catalogue: LessonCatalogue,
  lesson: Lesson,
  topics: readonly RecentTopic[],
): { points: number; reason: string } | undefined {
  for (const [rank, topic] of topics.slice(0, 3).entries()) {
    const fade = rank * 10;
    const asked = topic.lessonIds.indexOf(lesson.id);
    if (asked >= 0)
      return {
        points: 70 - fade - 5 * asked,
        reason: `Bạn vừa hỏi về ${AREA_TOPICS[lesson.area] ?? 'chủ đề này'}.`,
      };
    const unlocks = topic.lessonIds
      .map((id) => catalogue.get(id))
      .find((asked) => asked && leadsTo(catalogue, lesson.id, asked));
    if (unlocks) return { points: 50 - fade, reason: `Nên học trước bài “${unlocks.title}” mà bạn vừa hỏi.` };
    if (topic.areas.includes(lesson.area))
      return { points: 40 - fade, reason: `Bạn vừa hỏi về ${AREA_TOPICS[lesson.area] ?? 'chủ đề này'}.` };
  }
  return undefined;
}

/** Whether `id` is a (transitive) prerequisite of `target`. */
function leadsTo(catalogue: LessonCatalogue, id: string, target: Lesson, seen = new Set<string>()): boolean {
  for (const p of target.prerequisites) {
    if (p === id) return true;
    if (seen.has(p)) continue;
    seen.add(p);
    const next = catalogue.get(p);
    if (next && leadsTo(catalogue, id, next, seen)) return true;
  }
  return false;
}
