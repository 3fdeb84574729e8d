import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue.ts';
import { GROUPS } from './groups.ts';
import { lessonPages, PAGE_CHARS } from './lesson-pages.ts';

const LESSONS_DIR = fileURLToPath(new URL('../../knowledge/lessons/', import.meta.url));

describe('the shipped lesson catalogue', () => {
  const catalogue = loadCatalogue(LESSONS_DIR);

  it('parses every lesson file without problems', () => {
    expect(catalogue.problems).toEqual([]);
    const files = fs.readdirSync(LESSONS_DIR).filter((f) => f.endsWith('.md') && !f.startsWith('_'));
    expect(catalogue.lessons.map((l) => `${l.id}.md`).sort()).toEqual(files.sort());
    expect(catalogue.lessons.length).toBeGreaterThanOrEqual(40);
  });

  it('gives each lesson steps, a practice task, 2–3 questions with a valid answer, and sources', () => {
    const groupIds = new Set(GROUPS.map((g) => g.id));
    for (const lesson of catalogue.lessons) {
      expect(lesson.steps.length, lesson.id).toBeGreaterThanOrEqual(3);
      expect(lesson.practice.length, lesson.id).toBeGreaterThan(20);
      expect(lesson.questions.length, lesson.id).toBeGreaterThanOrEqual(2);
      expect(lesson.questions.length, lesson.id).toBeLessThanOrEqual(3);
      for (const q of lesson.questions) {
        expect(
          q.options.map((o) => o.letter),
          lesson.id,
        ).toContain(q.answer);
        expect(q.explanation.length, lesson.id).toBeGreaterThan(0);
      }
      expect(lesson.sources.length, lesson.id).toBeGreaterThan(0);
      expect(
        lesson.groups.every((g) => groupIds.has(g)),
        lesson.id,
      ).toBe(true);
      expect(lesson.steps.join(' '), lesson.id).not.toMatch(/\*\*/);
    }
  });

  it('covers the topics the plan asks for', () => {
    const areas = new Set(catalogue.lessons.map((l) => l.area));
    for (const area of [
      'co-ban',
      'zalo',
      'vneid',
      'dich-vu-cong',
      'thanh-toan',
      'an-toan',
      'suc-khoe',
      'kinh-doanh',
      'ai',
      'cong-vu',
      'tiep-can',
      'hoc-tap',
    ])
      expect(areas, area).toContain(area);
  });

  it('splits lessons into phone-sized pages ending with the practice task', () => {
    for (const lesson of catalogue.lessons) {
      const pages = lessonPages(lesson);
      expect(pages.at(-1), lesson.id).toContain('Thực hành');
      expect(pages.join('\n'), lesson.id).toContain(lesson.steps.at(-1)!);
      for (const page of pages.slice(0, -1))
        expect(page.length, lesson.id).toBeLessThanOrEqual(PAGE_CHARS + 400);
    }
  });
});

describe('loadCatalogue on broken files', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const lesson = (id: string, extra: { prerequisites?: string; body?: string } = {}): string => `---
id: ${id}
title: Bài ${id}
area: co-ban
level: 1
groups: [nguoi-dan]
prerequisites: [${extra.prerequisites ?? ''}]
minutes: 5
summary: Tóm tắt.
keywords: [thử, 5656]
sources: [https://vneid.gov.vn]
---
Mở đầu.

## Các bước

1. Bước **một**.
2. Bước hai
   tiếp dòng.

## Thực hành

Làm thử.

## Tự kiểm tra

### Câu 1
Hỏi một?
- A. Có
- B. Không
Đáp án: A. Vì vậy.

${
  extra.body ??
  `### Câu 2
Hỏi hai?
- A. Có
- B. Không
Đáp án: B.`
}
`;

  it('keeps good lessons, reports each bad one with what to fix', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lessons-'));
    fs.writeFileSync(path.join(dir, 'good.md'), lesson('good'));
    fs.writeFileSync(
      path.join(dir, 'wrong-answer.md'),
      lesson('wrong-answer', { body: '### Câu 2\nHỏi?\n- A. X\n- B. Y\nĐáp án: C. Sai.' }),
    );
    fs.writeFileSync(path.join(dir, 'orphan.md'), lesson('orphan', { prerequisites: 'missing-lesson' }));
    fs.writeFileSync(
      path.join(dir, 'depends-on-orphan.md'),
      lesson('depends-on-orphan', { prerequisites: 'orphan' }),
    );
    fs.writeFileSync(
      path.join(dir, 'no-steps.md'),
      lesson('no-steps').replace(/## Các bước[\s\S]*?## Thực hành/, '## Thực hành'),
    );
    fs.writeFileSync(path.join(dir, 'renamed.md'), lesson('other-id'));
    fs.writeFileSync(path.join(dir, 'cycle-a.md'), lesson('cycle-a', { prerequisites: 'cycle-b' }));
    fs.writeFileSync(path.join(dir, 'cycle-b.md'), lesson('cycle-b', { prerequisites: 'cycle-a' }));
    fs.writeFileSync(path.join(dir, 'bad-yaml.md'), '---\nid: [\n---\n');
    fs.writeFileSync(path.join(dir, '_plan.md'), 'not a lesson');
    fs.writeFileSync(path.join(dir, 'README.md'), 'not a lesson');

    const catalogue = loadCatalogue(dir);
    expect(catalogue.lessons.map((l) => l.id)).toEqual(['good']);
    const good = catalogue.get('good')!;
    expect(good.steps).toEqual(['Bước một.', 'Bước hai tiếp dòng.']);
    expect(good.keywords).toEqual(['thử', '5656']);
    expect(good.questions[1]).toMatchObject({ answer: 'B', explanation: '' });
    const byFile = Object.fromEntries(catalogue.problems.map((p) => [p.file, p.message]));
    expect(Object.keys(byFile).sort()).toEqual(
      [
        'bad-yaml.md',
        'cycle-a.md',
        'cycle-b.md',
        'depends-on-orphan.md',
        'no-steps.md',
        'orphan.md',
        'renamed.md',
        'wrong-answer.md',
      ].sort(),
    );
    expect(byFile['wrong-answer.md']).toMatch(/answer C is not one of the options/);
    expect(byFile['orphan.md']).toMatch(/missing-lesson/);
    expect(byFile['no-steps.md']).toMatch(/Các bước/);
    expect(byFile['renamed.md']).toMatch(/must match the file name/);
    expect(byFile['cycle-a.md']).toMatch(/cycle/);
  });
});
