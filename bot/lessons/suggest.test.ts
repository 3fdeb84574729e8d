import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../answer/types.ts';
import { loadCatalogue } from './catalogue.ts';
import { GROUPS } from './groups.ts';
import { LEVELS, type Level } from './lesson.ts';
import { suggestLessons } from './suggest.ts';
import { topicOf } from './topics.ts';

const catalogue = loadCatalogue(fileURLToPath(new URL('../../knowledge/lessons/', import.meta.url)));
const ids = catalogue.lessons.map((l) => l.id);
const pairs = GROUPS.flatMap((g) => LEVELS.map((level) => ({ group: g.id, level })));

/** Checked independently of the implementation: finished, or below the person's level. */
function unlocked(id: string, level: Level, finished: ReadonlySet<string>): boolean {
  return catalogue.get(id)!.prerequisites.every((p) => finished.has(p) || catalogue.get(p)!.level < level);
}

describe('suggestLessons', () => {
  it.each(pairs)('gives $group at level $level three suitable lessons with reasons', ({ group, level }) => {
    const suggestions = suggestLessons(catalogue, { group, level, finished: new Set() });
    expect(suggestions).toHaveLength(3);
    for (const { lesson, reason } of suggestions) {
      expect(lesson.groups).toContain(group);
      expect(Math.abs(lesson.level - level)).toBeLessThanOrEqual(1);
      expect(unlocked(lesson.id, level, new Set())).toBe(true);
      expect(reason).toMatch(/^\p{Lu}.{10,100}\.$/u);
    }
  });

  it('never breaks a prerequisite or repeats a finished lesson, for any pair and finished set', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...pairs),
        fc.subarray(ids),
        fc.array(fc.subarray(ids, { maxLength: 3 }), { maxLength: 3 }),
        ({ group, level }, finishedIds, asked) => {
          const finished = new Set(finishedIds);
          const recentTopics = asked.map((lessonIds) => ({
            lessonIds,
            areas: lessonIds.map((id) => catalogue.get(id)!.area),
          }));
          const suggestions = suggestLessons(catalogue, { group, level, finished, recentTopics });
          const open = catalogue.lessons.filter(
            (l) => !finished.has(l.id) && unlocked(l.id, level, finished),
          );
          expect(suggestions.length).toBe(Math.min(3, open.length));
          expect(new Set(suggestions.map((s) => s.lesson.id)).size).toBe(suggestions.length);
          for (const { lesson } of suggestions) {
            expect(finished.has(lesson.id)).toBe(false);
            expect(unlocked(lesson.id, level, finished)).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('starts an elderly beginner with the phone, Zalo or VNeID, and scam safety', () => {
    const first = suggestLessons(catalogue, { group: 'nguoi-cao-tuoi', level: 1, finished: new Set() });
    expect(first.every((s) => s.lesson.level === 1)).toBe(true);
    expect(first.map((s) => s.lesson.area).sort()).toEqual(['an-toan', 'co-ban', 'zalo'].sort());
    expect(first.find((s) => s.lesson.area === 'an-toan')!.lesson.id).toBe('at-nhan-dien-lua-dao');
  });

  it.each(LEVELS)('includes a QR payment lesson for a trader at level %i', (level) => {
    const ids = suggestLessons(catalogue, { group: 'tieu-thuong', level, finished: new Set() }).map(
      (s) => s.lesson.id,
    );
    expect(ids.some((id) => id === 'tt-nhan-tien-qr' || id === 'tt-quet-ma-qr')).toBe(true);
  });

  it('brings the scam lesson forward after a question about scams, and says why', () => {
    const before = suggestLessons(catalogue, { group: 'can-bo', level: 3, finished: new Set() });
    expect(before.some((s) => s.lesson.area === 'an-toan')).toBe(false);
    const answer: Answer = {
      text: '…',
      answered: true,
      confidence: 0.8,
      intent: 'safety',
      sources: [{ id: 'at-nhan-dien-lua-dao', title: 'x', kind: 'lesson', ref: null, score: 1 }],
      suggestions: [],
      mode: 'extractive',
    };
    const topic = topicOf(
      catalogue,
      'có người gọi xưng công an bảo chuyển tiền, có phải lừa đảo không',
      answer,
    );
    expect(topic.areas).toContain('an-toan');
    const after = suggestLessons(catalogue, {
      group: 'can-bo',
      level: 3,
      finished: new Set(),
      recentTopics: [topic],
    });
    expect(after[0]!.lesson.area).toBe('an-toan');
    expect(after[0]!.reason).toBe('Bạn vừa hỏi về lừa đảo và an toàn trên mạng.');
  });

  it('finds the topic from lesson keywords even without accents', () => {
    const answer: Answer = {
      text: '',
      answered: false,
      confidence: 0,
      intent: 'no_match',
      sources: [],
      suggestions: [],
      mode: 'extractive',
    };
    const topic = topicOf(catalogue, 'lam sao nhan tien bang ma qr ban hang', answer);
    expect(topic.lessonIds).toContain('tt-nhan-tien-qr');
  });

  it('suggests the next lesson of a path once its prerequisite is finished', () => {
    const finished = new Set(['co-ban-lam-quen-dien-thoai', 'zalo-nhan-tin', 'at-nhan-dien-lua-dao']);
    const next = suggestLessons(catalogue, { group: 'nguoi-cao-tuoi', level: 1, finished });
    expect(next.map((s) => s.lesson.id)).toContain('zalo-goi-video');
    expect(next.find((s) => s.lesson.id === 'zalo-goi-video')!.reason).toContain('Nhắn tin, gửi ảnh');
  });
});
