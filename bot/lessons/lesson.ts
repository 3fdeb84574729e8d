/** A lesson as the assistant teaches it in chat, parsed from knowledge/lessons/<id>.md. */

export type Level = 1 | 2 | 3;

export const LEVELS: readonly Level[] = [1, 2, 3];

export interface LessonOption {
  /** "A", "B", "C"… as written in the file. */
  letter: string;
  text: string;
}

export interface LessonQuestion {
  prompt: string;
  options: LessonOption[];
  /** Letter of the correct option. */
  answer: string;
  /** Why the answer is right, shown after the person answers. */
  explanation: string;
}

export interface Lesson {
  id: string;
  title: string;
  /** Topic area id, e.g. "an-toan", "vneid". */
  area: string;
  level: Level;
  /** Target group ids the lesson is written for. */
  groups: string[];
  /** Lesson ids to learn first. */
  prerequisites: string[];
  minutes: number;
  summary: string;
  keywords: string[];
  /** Official services and pages the lesson points to (front-matter `sources`). */
  sources: string[];
  /** The paragraph(s) before "## Các bước". */
  intro: string;
  /** Numbered steps, without their numbers. */
  steps: string[];
  /** Bullet points of "## Lưu ý". */
  notes: string[];
  /** "## Thực hành". */
  practice: string;
  questions: LessonQuestion[];
  /** Lines of "## Nguồn tham khảo", as written. */
  references: string[];
}
