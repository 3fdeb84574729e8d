import type { LessonCatalogue } from '../lessons/catalogue.ts';
import type { Lesson } from '../lessons/lesson.ts';
import { lessonPages, passed, questionText } from '../lessons/lesson-pages.ts';
import { prerequisitesMet } from '../lessons/suggest.ts';
import { finishedLessons, type LessonProgress } from '../profile/learner.ts';
import { MENU_BUTTON, levelUpReply, progressReply, shorten, suggestionsReply } from './learning-replies.ts';
import { button, reply, type Turn } from './turn.ts';
import type { Reply } from './types.ts';

/**
 * Taking a lesson in chat: pages with "Tiếp", "Xong" on the last one, then the self-check one
 * question at a time, then the result, progress and what to learn next. Button ids carry the
 * lesson and position, so a tap on an old message is recognised instead of skipping ahead.
 */
export class LessonFlow {
  constructor(private readonly catalogue: LessonCatalogue) {}

  start(turn: Turn, lessonId: string): Reply[] {
    const lesson = this.catalogue.get(lessonId);
    if (!lesson)
      return [reply('Xin lỗi, tôi không tìm thấy bài học này.'), ...suggestionsReply(this.catalogue, turn)];
    const { learner } = turn;
    const previous = learner.progress.get(lesson.id);
    learner.progress.set(lesson.id, {
      lessonId: lesson.id,
      page: 0,
      question: null,
      correct: 0,
      startedAt: turn.now.toISOString(),
      finishedAt: previous?.finishedAt ?? null,
      bestScore: previous?.bestScore ?? null,
      passed: previous?.passed ?? false,
    });
    learner.session.lessonId = lesson.id;
    turn.record({ type: 'lesson', lessonId: lesson.id, action: 'started' });
    const replies: Reply[] = [];
    const level = learner.level ?? 1;
    if (!prerequisitesMet(this.catalogue, lesson, level, finishedLessons(learner))) {
      const first = lesson.prerequisites
        .map((id) => this.catalogue.get(id)!)
        .find((p) => !learner.progress.get(p.id)?.finishedAt);
      if (first)
        replies.push(
          reply(`Gợi ý nhỏ: bài này dễ hơn nếu bạn học trước bài “${first.title}”. Bạn vẫn có thể học ngay.`),
        );
    }
    return [...replies, this.page(lesson, 0)];
  }

  /** Where the person is in the current lesson, shown again (after a question or a pause). */
  resume(turn: Turn, lead?: string): Reply[] {
    const current = this.current(turn);
    if (!current)
      return [reply(lead ?? 'Bạn chưa có bài nào đang học dở.'), ...suggestionsReply(this.catalogue, turn)];
    const { lesson, progress } = current;
    const shown =
      progress.question === null
        ? this.page(lesson, progress.page)
        : this.question(lesson, progress.question);
    return lead ? [reply(lead), shown] : [shown];
  }

  next(turn: Turn, lessonId: string, page: number): Reply[] {
    const current = this.current(turn);
    if (
      !current ||
      current.lesson.id !== lessonId ||
      current.progress.question !== null ||
      page !== current.progress.page + 1
    )
      return this.stale(turn);
    if (page >= lessonPages(current.lesson).length) return this.stale(turn);
    current.progress.page = page;
    return [this.page(current.lesson, page)];
  }

  /** "Xong" on the last page: on to the self-check. */
  done(turn: Turn, lessonId: string): Reply[] {
    const current = this.current(turn);
    if (!current || current.lesson.id !== lessonId || current.progress.question !== null)
      return this.stale(turn);
    if (current.progress.page !== lessonPages(current.lesson).length - 1) return this.stale(turn);
    current.progress.question = 0;
    current.progress.correct = 0;
    const count = current.lesson.questions.length;
    return [
      reply(`📝 Tự kiểm tra: ${count} câu ngắn. Chọn đáp án bạn thấy đúng.`),
      this.question(current.lesson, 0),
    ];
  }

  answer(turn: Turn, lessonId: string, index: number, letter: string): Reply[] {
    const current = this.current(turn);
    if (!current || current.lesson.id !== lessonId || current.progress.question !== index)
      return this.stale(turn);
    const { lesson, progress } = current;
    const question = lesson.questions[index]!;
    if (!question.options.some((o) => o.letter === letter)) return this.stale(turn);
    const right = letter === question.answer;
    if (right) progress.correct += 1;
    const verdict = right
      ? `✅ Đúng rồi! ${question.explanation}`.trim()
      : `❌ Chưa đúng. Đáp án đúng là ${question.answer}. ${question.explanation}`.trim();
    if (index + 1 < lesson.questions.length) {
      progress.question = index + 1;
      return [reply(verdict), this.question(lesson, index + 1)];
    }
    return [reply(verdict), ...this.finish(turn, lesson, progress)];
  }

  pause(turn: Turn): Reply[] {
    const current = this.current(turn);
    if (!current) return [reply('Bạn chưa có bài nào đang học dở.', [MENU_BUTTON])];
    return [
      reply(
        `⏸️ Đã lưu chỗ bạn đang học trong bài “${current.lesson.title}”. Khi muốn học tiếp, bấm "Học tiếp" hoặc gõ "học tiếp".`,
        [button('resume', '▶️ Học tiếp'), MENU_BUTTON],
      ),
    ];
  }

  /** The current lesson's next step as a typed command: "tiếp" or "xong". */
  advance(turn: Turn): Reply[] | undefined {
    const current = this.current(turn);
    if (!current || current.progress.question !== null) return undefined;
    const last = lessonPages(current.lesson).length - 1;
    return current.progress.page < last
      ? this.next(turn, current.lesson.id, current.progress.page + 1)
      : this.done(turn, current.lesson.id);
  }

  /** A letter typed during the self-check. */
  answerTyped(turn: Turn, letter: string): Reply[] | undefined {
    const current = this.current(turn);
    if (!current || current.progress.question === null) return undefined;
    return this.answer(turn, current.lesson.id, current.progress.question, letter);
  }

  current(turn: Turn): { lesson: Lesson; progress: LessonProgress } | undefined {
    const id = turn.learner.session.lessonId;
    const lesson = id ? this.catalogue.get(id) : undefined;
    const progress = id ? turn.learner.progress.get(id) : undefined;
    if (!lesson || !progress) {
      turn.learner.session.lessonId = undefined;
      return undefined;
    }
    return { lesson, progress };
  }

  private finish(turn: Turn, lesson: Lesson, progress: LessonProgress): Reply[] {
    const total = lesson.questions.length;
    const score = progress.correct / total;
    const ok = passed(progress.correct, total);
    progress.finishedAt ??= turn.now.toISOString();
    progress.bestScore = Math.max(progress.bestScore ?? 0, score);
    progress.passed ||= ok;
    progress.question = null;
    turn.learner.session.lessonId = undefined;
    turn.record({ type: 'lesson', lessonId: lesson.id, action: 'finished', score });
    const result = ok
      ? `🎉 Chúc mừng! Bạn đã học xong bài “${lesson.title}” và đạt phần tự kiểm tra (${progress.correct}/${total} câu đúng).`
      : `Bạn đã học xong bài “${lesson.title}”, đúng ${progress.correct}/${total} câu. Bạn có thể học lại để nắm chắc hơn.`;
    const replies = [
      reply(result, ok ? [] : [button(`start:${lesson.id}`, '🔁 Học lại bài này')]),
      progressReply(this.catalogue, turn.learner),
    ];
    const levelUp = ok ? levelUpReply(this.catalogue, turn.learner) : undefined;
    return levelUp
      ? [...replies, levelUp]
      : [...replies, ...suggestionsReply(this.catalogue, turn, '📚 Bài nên học tiếp:')];
  }

  private page(lesson: Lesson, page: number): Reply {
    const pages = lessonPages(lesson);
    const last = page === pages.length - 1;
    const footer = last ? '\n\nLàm xong phần thực hành, bấm "Xong" để tự kiểm tra.' : '';
    return reply(`${pages[page]}${footer}\n\n(${page + 1}/${pages.length})`, [
      last ? button(`done:${lesson.id}`, '✅ Xong') : button(`next:${lesson.id}:${page + 1}`, '▶️ Tiếp'),
      button('pause', '⏸️ Tạm dừng'),
    ]);
  }

  private question(lesson: Lesson, index: number): Reply {
    const question = lesson.questions[index]!;
    return reply(
      questionText(question, index, lesson.questions.length),
      question.options.map((o) =>
        button(`ans:${lesson.id}:${index}:${o.letter}`, `${o.letter}. ${shorten(o.text, 36)}`),
      ),
    );
  }

  private stale(turn: Turn): Reply[] {
    const lead = 'Nút này thuộc tin nhắn cũ nên tôi không làm theo được.';
    return this.current(turn)
      ? this.resume(turn, `${lead} Bạn đang học ở đây:`)
      : [reply(lead, [MENU_BUTTON])];
  }
}
