import type { Lesson, LessonQuestion } from './lesson.ts';

/** About one phone screen of text. */
export const PAGE_CHARS = 700;

/**
 * The lesson as a series of phone-sized messages: title and intro, the numbered steps, the
 * notes, and the practice task last. Blocks are packed in order and never split mid-step.
 */
export function lessonPages(lesson: Lesson): string[] {
  const blocks = [
    `📘 ${lesson.title} (khoảng ${lesson.minutes} phút)\n\n${lesson.intro}`.trim(),
    ...lesson.steps.map((step, i) => `${i + 1}. ${step}`),
    ...(lesson.notes.length ? [`Lưu ý:\n${lesson.notes.map((note) => `• ${note}`).join('\n')}`] : []),
    `✍️ Thực hành: ${lesson.practice}`,
  ];
  const pages: string[] = [];
  for (const block of blocks) {
    const last = pages.length - 1;
    if (last >= 0 && pages[last]!.length + 2 + block.length <= PAGE_CHARS && !block.startsWith('✍️'))
      pages[last] += `\n\n${block}`;
    else pages.push(block);
  }
  return pages;
}

export function questionText(question: LessonQuestion, index: number, total: number): string {
  const options = question.options.map((o) => `${o.letter}. ${o.text}`).join('\n');
  return `Câu ${index + 1}/${total}: ${question.prompt}\n${options}`;
}

/** A self-check passes with at least two thirds of the answers right. */
export function passed(correct: number, total: number): boolean {
  return total > 0 && correct / total >= 2 / 3 - 1e-9;
}
