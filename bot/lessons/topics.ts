import type { Answer } from '../answer/types.ts';
import { foldDiacritics } from '../../knowledge/vietnamese/normalize.ts';
import type { LessonCatalogue } from './catalogue.ts';
import type { RecentTopic } from './suggest.ts';

/**
 * What a question was about, for suggestions: the lessons the answer cited (first), lessons
 * whose keywords the question contains, and "an-toan" whenever the engine treated it as a safety
 * question (asking about scams brings the scam lessons forward).
 */
export function topicOf(catalogue: LessonCatalogue, question: string, answer: Answer): RecentTopic {
  const lessonIds = new Set(
    answer.sources.filter((s) => s.kind === 'lesson' && catalogue.get(s.id)).map((s) => s.id),
  );
  const folded = ` ${fold(question)} `;
  for (const lesson of catalogue.lessons) {
    if (lesson.keywords.some((keyword) => keyword.length > 2 && folded.includes(` ${fold(keyword)} `)))
      lessonIds.add(lesson.id);
  }
  const areas = new Set([...lessonIds].map((id) => catalogue.get(id)!.area));
  if (answer.intent === 'safety') areas.add('an-toan');
  return { lessonIds: [...lessonIds].slice(0, 6), areas: [...areas] };
}

function fold(text: string): string {
  return foldDiacritics(text.toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
