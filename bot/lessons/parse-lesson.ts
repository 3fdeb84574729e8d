import { z } from 'zod';
import { splitFrontMatter } from '../../ingest/parsers/markdown.ts';
import { normalizeVietnamese } from '../../knowledge/vietnamese/normalize.ts';
import type { Lesson, LessonQuestion } from './lesson.ts';

/** A lesson file that cannot be taught: the message names what to fix. */
export class LessonFormatError extends Error {}

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lowercase ASCII words joined by "-"');
/** A YAML list of words; a bare number such as 5656 is read as its text. */
const list = z.preprocess(
  (value) =>
    value == null
      ? []
      : Array.isArray(value)
        ? value.map((v) => (typeof v === 'number' ? String(v) : v))
        : value,
  z.array(z.string().min(1)),
);

const FrontMatter = z.object({
  id,
  title: z.string().min(1),
  area: id,
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  groups: list.refine((groups) => groups.length > 0, 'name at least one group'),
  prerequisites: list,
  minutes: z.number().int().positive(),
  summary: z.string().min(1),
  keywords: list,
  sources: list,
});

const SECTION = {
  steps: 'các bước',
  notes: 'lưu ý',
  practice: 'thực hành',
  check: 'tự kiểm tra',
  references: 'nguồn tham khảo',
} as const;

/** Parses one lesson file (its text and name) into a Lesson; throws LessonFormatError. */
export function parseLesson(source: string, fileName: string): Lesson {
  let split: ReturnType<typeof splitFrontMatter>;
  try {
    split = splitFrontMatter(normalizeVietnamese(source.replace(/\r\n?/g, '\n')), fileName);
  } catch (error) {
    throw new LessonFormatError((error as Error).message);
  }
  const parsed = FrontMatter.safeParse(split.meta);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'front-matter'}: ${i.message}`);
    throw new LessonFormatError(`${fileName}: ${problems.join('; ')}`);
  }
  const meta = parsed.data;
  const expectedName = `${meta.id}.md`;
  if (fileName !== expectedName)
    throw new LessonFormatError(`${fileName}: id "${meta.id}" must match the file name ${expectedName}`);

  const { intro, sections } = splitSections(split.body);
  const need = (name: string): string => {
    const text = sections.get(name);
    if (!text?.trim())
      throw new LessonFormatError(`${fileName}: missing or empty section "## ${capitalize(name)}"`);
    return text;
  };
  const steps = numberedItems(need(SECTION.steps));
  if (steps.length === 0)
    throw new LessonFormatError(`${fileName}: "## Các bước" has no numbered steps ("1. …")`);
  const questions = parseQuestions(need(SECTION.check), fileName);
  if (questions.length < 2)
    throw new LessonFormatError(`${fileName}: "## Tự kiểm tra" needs at least 2 questions`);

  return {
    ...meta,
    title: plain(meta.title),
    intro: plain(intro.trim()),
    steps,
    notes: bulletItems(sections.get(SECTION.notes) ?? ''),
    practice: plain(need(SECTION.practice).trim()),
    questions,
    references: bulletItems(sections.get(SECTION.references) ?? ''),
  };
}

/** The body split at "## " headings; the text before the first heading is the intro. */
function splitSections(body: string): { intro: string; sections: Map<string, string> } {
  const sections = new Map<string, string>();
  let current: string | undefined;
  let intro = '';
  for (const line of body.split('\n')) {
    const heading = /^##\s+(.+?)\s*$/.exec(line);
    if (heading) {
      current = heading[1]!.toLowerCase();
      sections.set(current, '');
    } else if (current === undefined) intro += `${line}\n`;
    else sections.set(current, `${sections.get(current)!}${line}\n`);
  }
  return { intro, sections };
}

/** "1. text" items; following non-blank lines that are not a new item continue the item. */
function numberedItems(text: string): string[] {
  return items(text, /^\s*\d+[.)]\s+/);
}

function bulletItems(text: string): string[] {
  return items(text, /^\s*[-*]\s+/);
}

function items(text: string, marker: RegExp): string[] {
  const found: string[] = [];
  for (const line of text.split('\n')) {
    if (marker.test(line)) found.push(line.replace(marker, ''));
    else if (line.trim() && found.length) found[found.length - 1] += ` ${line.trim()}`;
  }
  return found.map(plain);
}

function parseQuestions(text: string, fileName: string): LessonQuestion[] {
  const blocks = text.split(/^###\s+.*$/m).slice(1);
  return blocks.map((block, index) => {
    const where = `${fileName}: question ${index + 1}`;
    const prompt: string[] = [];
    const options: LessonQuestion['options'] = [];
    let answer: { letter: string; explanation: string } | undefined;
    for (const line of block.split('\n').map((l) => l.trim())) {
      const option = /^[-*]\s+([A-Da-d])[.)]\s+(.+)$/.exec(line);
      const key = /^Đáp án\s*:\s*([A-Da-d])\b[.):]?\s*(.*)$/i.exec(line);
      if (key) answer = { letter: key[1]!.toUpperCase(), explanation: plain(key[2]!) };
      else if (option) options.push({ letter: option[1]!.toUpperCase(), text: plain(option[2]!) });
      else if (line && !options.length) prompt.push(line);
    }
    if (!prompt.length) throw new LessonFormatError(`${where} has no question text`);
    if (options.length < 2) throw new LessonFormatError(`${where} needs at least two options "- A. …"`);
    if (!answer) throw new LessonFormatError(`${where} has no "Đáp án: X. …" line`);
    if (!options.some((o) => o.letter === answer.letter))
      throw new LessonFormatError(`${where}: answer ${answer.letter} is not one of the options`);
    return {
      prompt: plain(prompt.join(' ')),
      options,
      answer: answer.letter,
      explanation: answer.explanation,
    };
  });
}

/** Chat replies are plain text: drop Markdown emphasis and code marks. */
function plain(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .trim();
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
