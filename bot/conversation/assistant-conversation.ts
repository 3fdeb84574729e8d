import { logger } from '../../knowledge/logger.ts';
import type { Answer, AnswerEngine } from '../answer/types.ts';
import type { LessonCatalogue } from '../lessons/catalogue.ts';
import { LEVEL_LABELS, LEVEL_NAMES, groupById } from '../lessons/groups.ts';
import type { Level } from '../lessons/lesson.ts';
import { questionText } from '../lessons/lesson-pages.ts';
import { PLACEMENT_QUIZ, levelFromQuiz } from '../lessons/placement-quiz.ts';
import { topicOf } from '../lessons/topics.ts';
import { LearnerStore } from '../profile/learner-store.ts';
import type { StateDatabase } from '../state/database.ts';
import { UserKeys } from '../state/user-key.ts';
import type { UsageRecorder } from '../usage/types.ts';
import { commandOf, typedLetter, typedNumber, type Command } from './commands.ts';
import {
  MENU_BUTTON,
  groupReply,
  levelReply,
  menuReply,
  onboardingReply,
  privacyReply,
  profileReply,
  progressReply,
  shorten,
  suggestionsReply,
} from './learning-replies.ts';
import { LessonFlow } from './lesson-flow.ts';
import { Turn, button, reply } from './turn.ts';
import type { Button, Conversation, IncomingMessage, Reply } from './types.ts';

/** Longer messages are refused kindly: no real question needs more. */
export const MAX_TEXT_CHARS = 1000;

export interface ConversationOptions {
  db: StateDatabase;
  catalogue: LessonCatalogue;
  answers: AnswerEngine;
  usage?: UsageRecorder;
  /** Defaults to keys made with USER_KEY_SECRET or the secret kept in the state database. */
  userKeys?: UserKeys;
  now?: () => Date;
}

const FEEDBACK_REASONS: Record<string, string> = {
  wrong: 'Thông tin chưa đúng',
  unclear: 'Khó hiểu',
  off: 'Không đúng ý tôi hỏi',
};

/**
 * The conversation core every channel shares: onboarding (privacy notice, group, level),
 * menu, questions (the answer engine), lessons, profile changes, feedback and data deletion.
 * Each message is one turn: the person's state is loaded, changed, and saved together with the
 * turn's usage events in one transaction. Turns of one person run one after another.
 */
export class AssistantConversation implements Conversation {
  private readonly store: LearnerStore;
  private readonly keys: UserKeys;
  private readonly lessons: LessonFlow;
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly now: () => Date;

  constructor(private readonly options: ConversationOptions) {
    this.store = new LearnerStore(options.db);
    this.keys = options.userKeys ?? new UserKeys(options.db);
    this.lessons = new LessonFlow(options.catalogue);
    this.now = options.now ?? (() => new Date());
  }

  handle(message: IncomingMessage): Promise<Reply[]> {
    const key = this.keys.keyOf(message.channel, String(message.userId ?? ''));
    const previous = this.queues.get(key) ?? Promise.resolve();
    const result = previous.then(() => this.turn(key, message));
    const settled = result.catch(() => undefined);
    this.queues.set(key, settled);
    void settled.then(() => {
      if (this.queues.get(key) === settled) this.queues.delete(key);
    });
    return result;
  }

  private async turn(key: string, message: IncomingMessage): Promise<Reply[]> {
    const started = Date.now();
    try {
      const turn = new Turn(this.store.load(key), message.channel, this.now());
      const replies = await this.route(turn, message);
      this.commit(turn, replies);
      logger.debug(
        { channel: message.channel, replies: replies.length, ms: Date.now() - started },
        'conversation turn',
      );
      return replies;
    } catch (error) {
      logger.error({ err: (error as Error).name, channel: message.channel }, 'conversation turn failed');
      return [reply('Xin lỗi, tôi đang gặp trục trặc. Bạn thử lại sau ít phút nhé.', [MENU_BUTTON])];
    }
  }

  private commit(turn: Turn, replies: Reply[]): void {
    const { db, usage } = this.options;
    if (turn.deleted) {
      db.transaction(() => {
        this.store.forget(turn.learner.key);
        usage?.forgetUser(turn.learner.key);
      })();
      this.options.answers.forget(turn.learner.key);
      return;
    }
    if (!turn.keepButtons) turn.learner.session.buttons = replies.flatMap((r) => r.buttons);
    db.transaction(() => {
      this.store.save(turn.learner);
      for (const event of turn.events) usage?.record(event);
    })();
  }

  private async route(turn: Turn, message: IncomingMessage): Promise<Reply[]> {
    const { session } = turn.learner;
    const text = typeof message.text === 'string' ? message.text.trim() : '';
    let buttonId = typeof message.buttonId === 'string' ? message.buttonId.trim() : '';

    if (!buttonId && !text)
      return this.retry(
        turn,
        'Bạn chưa gõ gì. Bạn gõ câu hỏi, hoặc gõ "menu" để xem các việc tôi làm được nhé.',
      );
    if (!buttonId && text.length > MAX_TEXT_CHARS)
      return this.retry(
        turn,
        `Tin nhắn dài quá (hơn ${MAX_TEXT_CHARS} ký tự). Bạn gõ ngắn gọn câu hỏi chính giúp tôi nhé.`,
      );

    if (!buttonId && session.pending?.kind === 'neighbourhood') return this.setNeighbourhood(turn, text);

    const number = buttonId ? undefined : typedNumber(text);
    if (number !== undefined) {
      const chosen = session.buttons[number - 1];
      if (!chosen) {
        return session.buttons.length
          ? this.retry(turn, `Bạn chọn một số từ 1 đến ${session.buttons.length} nhé.`)
          : [reply(`Hiện không có lựa chọn số ${number}.`), menuReply(turn.learner)];
      }
      buttonId = chosen.id;
    }

    if (session.pending?.kind === 'feedback-reason' && !buttonId.startsWith('fbr:')) {
      turn.record({ type: 'feedback', rating: 'down' });
      session.ratedSeq = session.pending.answer;
      session.pending = undefined;
    }
    if (buttonId) return this.onButton(turn, buttonId);
    return this.onText(turn, text);
  }

  private onText(turn: Turn, text: string): Promise<Reply[]> | Reply[] {
    const { session } = turn.learner;
    const command = commandOf(text);
    const pending = session.pending;
    if (pending?.kind === 'confirm-delete') {
      if (command === 'yes' || command === 'delete-data') return this.onButton(turn, 'delete:yes');
      session.pending = undefined;
      if (command === 'no')
        return [reply('Đã hủy. Dữ liệu của bạn vẫn được giữ nguyên.'), menuReply(turn.learner)];
    }
    const letter = typedLetter(text);
    if (letter && pending?.kind === 'placement') return this.placementAnswer(turn, pending.question, letter);
    if (letter) {
      const answered = this.lessons.answerTyped(turn, letter);
      if (answered) return answered;
    }
    const byCommand = command && this.onCommand(turn, command);
    if (byCommand) return byCommand;
    return this.ask(turn, text);
  }

  /** Typed commands; undefined when the command makes no sense now (then it is a question). */
  private onCommand(turn: Turn, command: Command): Reply[] | Promise<Reply[]> | undefined {
    const { learner } = turn;
    switch (command) {
      case 'delete-data':
        return this.onButton(turn, 'delete:ask');
      case 'greeting': {
        const welcome =
          'Xin chào! Tôi là trợ lý "Bình dân học vụ số" của phường. Tôi trả lời câu hỏi về kỹ năng số và gợi ý bài học phù hợp với bạn.';
        const next = onboardingReply(learner, welcome);
        return [next ?? menuReply(learner, 'Xin chào! Rất vui được gặp lại bạn.')];
      }
      case 'menu':
        return [menuReply(learner, 'Tôi có thể giúp bạn:')];
      case 'suggestions':
        return suggestionsReply(this.options.catalogue, turn);
      case 'progress':
        return [progressReply(this.options.catalogue, learner)];
      case 'profile':
        return [profileReply(learner)];
      case 'change-group':
        return this.onButton(turn, 'profile:group');
      case 'change-level':
        return this.onButton(turn, 'profile:level');
      case 'placement':
        return this.onButton(turn, 'placement');
      case 'next':
      case 'done':
        return this.lessons.advance(turn);
      case 'pause':
        return this.lessons.current(turn) ? this.lessons.pause(turn) : undefined;
      case 'resume':
        return this.lessons.resume(turn);
      default:
        return undefined;
    }
  }

  private async onButton(turn: Turn, id: string): Promise<Reply[]> {
    const { learner } = turn;
    const { catalogue } = this.options;
    const [kind = '', a = '', b = '', c = ''] = id.split(':');
    switch (kind) {
      case 'consent':
        if (a !== 'yes' && a !== 'no') break;
        learner.consent = a === 'yes';
        return this.afterConsent(turn);
      case 'group': {
        const group = groupById(a);
        if (!group) break;
        learner.group = group.id;
        this.recordProfile(turn);
        if (!learner.level) return [levelReply(`Cảm ơn bạn. `)];
        return [reply(`Đã đổi nhóm thành: ${group.label}.`), ...suggestionsReply(catalogue, turn)];
      }
      case 'level': {
        const level = Number(a);
        if (![1, 2, 3].includes(level)) break;
        return this.setLevel(turn, level as Level, `Đã ghi nhận: "${LEVEL_LABELS[level as Level]}".`);
      }
      case 'placement':
        learner.session.pending = { kind: 'placement', question: 0, correct: 0 };
        return [
          reply(
            '📝 Kiểm tra nhanh 5 câu để chọn trình độ phù hợp. Không sao nếu bạn chưa biết: cứ chọn câu bạn nghĩ là đúng.',
          ),
          this.placementQuestion(0),
        ];
      case 'quiz':
        return this.placementAnswer(turn, Number(a), b);
      case 'levelup':
        if (a === 'no') {
          learner.session.levelUpDeclined = learner.level ?? undefined;
          return [reply('Được, bạn cứ học tiếp ở trình độ hiện tại.'), ...suggestionsReply(catalogue, turn)];
        }
        if (Number(a) !== (learner.level ?? 0) + 1 || Number(a) > 3) break;
        return this.setLevel(
          turn,
          Number(a) as Level,
          `⬆️ Bạn đã lên trình độ ${LEVEL_NAMES[Number(a) as Level]}. Chúc mừng bạn!`,
        );
      case 'start':
        return this.lessons.start(turn, a);
      case 'next':
        return this.lessons.next(turn, a, Number(b));
      case 'done':
        return this.lessons.done(turn, a);
      case 'ans':
        return this.lessons.answer(turn, a, Number(b), c);
      case 'pause':
        return this.lessons.pause(turn);
      case 'resume':
        return this.lessons.resume(turn);
      case 'menu':
        return [menuReply(learner, 'Tôi có thể giúp bạn:')];
      case 'suggest':
        return suggestionsReply(catalogue, turn);
      case 'progress':
        return [progressReply(catalogue, learner)];
      case 'profile':
        return this.onProfileButton(turn, a);
      case 'fb':
        return this.feedback(turn, a, Number(b));
      case 'fbr':
        return this.feedbackReason(turn, a, Number(b));
      case 'ask': {
        const question = learner.session.followUps[Number(b)];
        if (Number(a) !== learner.session.answerSeq || !question) break;
        return this.ask(turn, question);
      }
      case 'delete':
        return this.deletion(turn, a);
    }
    return [
      reply('Nút này đã cũ hoặc tôi không hiểu nút này. Bạn chọn lại giúp tôi nhé.'),
      menuReply(learner),
    ];
  }

  private afterConsent(turn: Turn): Reply[] {
    const { learner } = turn;
    const thanks = learner.consent
      ? 'Cảm ơn bạn đã đồng ý. '
      : 'Tôi đã ghi nhận: không lưu thông tin của bạn. Bạn vẫn hỏi và học bình thường (tiến độ chỉ được nhớ tạm thời). ';
    return [onboardingReply(learner, thanks) ?? menuReply(learner, thanks.trim())];
  }

  private onProfileButton(turn: Turn, what: string): Reply[] {
    const { learner } = turn;
    switch (what) {
      case 'group':
        return [groupReply('')];
      case 'level':
        return [levelReply('')];
      case 'neighbourhood':
        learner.session.pending = { kind: 'neighbourhood' };
        return [
          reply(
            'Bạn ở tổ dân phố nào? Gõ số hoặc tên tổ, ví dụ "5" hoặc "Tổ 5". Gõ "bỏ qua" nếu không muốn cho biết.',
          ),
        ];
      case 'privacy':
        return [privacyReply('Bạn có thể đổi lựa chọn về dữ liệu bất cứ lúc nào.')];
      default:
        return [profileReply(learner)];
    }
  }

  private setLevel(turn: Turn, level: Level, lead: string): Reply[] {
    const onboarding = !turn.learner.level && turn.learner.progress.size === 0;
    turn.learner.level = level;
    turn.learner.session.levelUpDeclined = undefined;
    this.recordProfile(turn);
    if (onboarding) {
      // A newcomer goes straight into the best lesson: one tap fewer, and the other choices stay on screen.
      const replies = suggestionsReply(
        this.options.catalogue,
        turn,
        `${lead}\n\n📚 Gợi ý bài học tiếp theo cho bạn:`,
        'Mình bắt đầu ngay với bài 1 nhé.',
      );
      const list = replies[0]!;
      const first = list.buttons.find((b) => b.id.startsWith('start:'));
      if (!first) return [reply(lead), ...replies];
      const started = this.lessons.start(turn, first.id.slice('start:'.length));
      const page = started.at(-1)!;
      const others = list.buttons.filter((b) => b !== first);
      return [reply(list.text), ...started.slice(0, -1), { ...page, buttons: [...page.buttons, ...others] }];
    }
    const suggestions = suggestionsReply(this.options.catalogue, turn);
    return [reply(lead), ...suggestions];
  }

  private setNeighbourhood(turn: Turn, text: string): Reply[] {
    const { learner } = turn;
    learner.session.pending = undefined;
    if (commandOf(text) === 'skip')
      return [reply('Không sao, bạn có thể cho biết sau.'), profileReply(learner)];
    const name = text.replace(/\s+/g, ' ').trim();
    if (name.length > 40) {
      learner.session.pending = { kind: 'neighbourhood' };
      return [reply('Tên tổ dân phố dài quá. Bạn gõ ngắn gọn, ví dụ "Tổ 5", nhé.')];
    }
    learner.neighbourhood = /^\d+$/.test(name) ? `Tổ ${name}` : name;
    this.recordProfile(turn);
    return [reply(`Đã lưu tổ dân phố: ${learner.neighbourhood}.`), profileReply(learner)];
  }

  private placementQuestion(index: number): Reply {
    const question = PLACEMENT_QUIZ[index]!;
    return reply(
      questionText(question, index, PLACEMENT_QUIZ.length),
      question.options.map((o) => button(`quiz:${index}:${o.letter}`, `${o.letter}. ${shorten(o.text, 36)}`)),
    );
  }

  private placementAnswer(turn: Turn, index: number, letter: string): Reply[] {
    const { session } = turn.learner;
    const pending = session.pending;
    const question = PLACEMENT_QUIZ[index];
    if (
      pending?.kind !== 'placement' ||
      pending.question !== index ||
      !question?.options.some((o) => o.letter === letter)
    )
      return [
        reply('Nút này thuộc bài kiểm tra cũ. Bạn gõ "kiểm tra trình độ" để làm lại nhé.'),
        menuReply(turn.learner),
      ];
    if (letter === question.answer) pending.correct += 1;
    if (index + 1 < PLACEMENT_QUIZ.length) {
      pending.question = index + 1;
      return [this.placementQuestion(index + 1)];
    }
    session.pending = undefined;
    const level = levelFromQuiz(pending.correct);
    return this.setLevel(
      turn,
      level,
      `Bạn trả lời đúng ${pending.correct}/${PLACEMENT_QUIZ.length} câu. Tôi xếp bạn vào trình độ ${LEVEL_NAMES[level]} ("${LEVEL_LABELS[level]}"). Bạn có thể đổi trong Hồ sơ.`,
    );
  }

  private async ask(turn: Turn, question: string): Promise<Reply[]> {
    const { learner } = turn;
    const { answers, catalogue } = this.options;
    const started = Date.now();
    let answer: Answer;
    try {
      answer = await answers.ask(question, { userKey: learner.key, audience: learner.group ?? undefined });
    } catch (error) {
      logger.error({ err: (error as Error).name }, 'answer engine failed');
      return [
        reply('Xin lỗi, tôi chưa tìm được câu trả lời lúc này. Bạn thử lại sau ít phút nhé.', [MENU_BUTTON]),
      ];
    }
    turn.record({
      type: 'question',
      text: question,
      intent: answer.intent,
      answered: answer.answered,
      confidence: answer.confidence,
      sources: [
        ...new Set(answer.sources.map((s) => (s.kind === 'plan' && s.ref ? `${s.id}#${s.ref}` : s.id))),
      ],
      latencyMs: Date.now() - started,
    });
    const topic = topicOf(catalogue, question, answer);
    if (topic.lessonIds.length || topic.areas.length)
      learner.session.topics = [topic, ...learner.session.topics].slice(0, 5);

    const seq = ++learner.session.answerSeq;
    learner.session.followUps = answer.suggestions.slice(0, 2);
    const buttons = answer.answered
      ? [button(`fb:up:${seq}`, '👍 Hữu ích'), button(`fb:down:${seq}`, '👎 Chưa tốt')]
      : [];
    learner.session.followUps.forEach((q, i) =>
      buttons.push(button(`ask:${seq}:${i}`, `❓ ${shorten(q, 40)}`)),
    );
    const current = this.lessons.current(turn);
    if (current) buttons.push(button('resume', '▶️ Học tiếp bài'));
    else {
      const lesson = answer.sources.find(
        (s) => s.kind === 'lesson' && catalogue.get(s.id) && !learner.progress.get(s.id)?.finishedAt,
      );
      if (lesson)
        buttons.push(
          button(`start:${lesson.id}`, `📘 Học bài: ${shorten(catalogue.get(lesson.id)!.title, 32)}`),
        );
    }
    if (!answer.answered) buttons.push(MENU_BUTTON);
    const replies = [reply(answer.text, buttons)];
    const onboarding = learner.session.nudges < 2 ? onboardingReply(learner) : undefined;
    if (onboarding) {
      learner.session.nudges += 1;
      replies.push(onboarding);
    }
    return replies;
  }

  private feedback(turn: Turn, rating: string, seq: number): Reply[] {
    const { session } = turn.learner;
    if ((rating !== 'up' && rating !== 'down') || seq !== session.answerSeq || session.ratedSeq >= seq)
      return this.retry(
        turn,
        seq <= session.ratedSeq
          ? 'Bạn đã góp ý cho câu trả lời này rồi. Cảm ơn bạn!'
          : 'Góp ý này thuộc câu trả lời cũ. Cảm ơn bạn!',
      );
    if (rating === 'up') {
      turn.record({ type: 'feedback', rating: 'up' });
      session.ratedSeq = seq;
      return [reply('Cảm ơn bạn đã góp ý! 😊', this.onwardButtons(turn))];
    }
    session.pending = { kind: 'feedback-reason', answer: seq };
    return [
      reply('Cảm ơn bạn. Câu trả lời chưa tốt ở điểm nào? (Bạn có thể bỏ qua.)', [
        ...Object.entries(FEEDBACK_REASONS).map(([code, label]) => button(`fbr:${code}:${seq}`, label)),
        button(`fbr:skip:${seq}`, 'Bỏ qua'),
      ]),
    ];
  }

  private feedbackReason(turn: Turn, code: string, seq: number): Reply[] {
    const { session } = turn.learner;
    if (session.pending?.kind !== 'feedback-reason' || session.pending.answer !== seq)
      return this.retry(turn, 'Bạn đã góp ý cho câu trả lời này rồi. Cảm ơn bạn!');
    session.pending = undefined;
    session.ratedSeq = seq;
    turn.record({ type: 'feedback', rating: 'down', reason: FEEDBACK_REASONS[code] });
    return [
      reply('Cảm ơn bạn! Cán bộ phường sẽ xem góp ý này để cải thiện câu trả lời.', this.onwardButtons(turn)),
    ];
  }

  private deletion(turn: Turn, step: string): Reply[] {
    const { session } = turn.learner;
    if (step === 'yes' && session.pending?.kind === 'confirm-delete') {
      turn.deleted = true;
      return [
        reply(
          '🗑️ Đã xóa toàn bộ dữ liệu của bạn: hồ sơ, tiến độ học và lịch sử sử dụng. Nếu nhắn tiếp, bạn sẽ bắt đầu lại như người mới.',
        ),
      ];
    }
    if (step === 'no') {
      session.pending = undefined;
      return [reply('Đã hủy. Dữ liệu của bạn vẫn được giữ nguyên.'), menuReply(turn.learner)];
    }
    session.pending = { kind: 'confirm-delete' };
    return [
      reply(
        'Bạn có chắc muốn xóa toàn bộ dữ liệu của bạn (hồ sơ, tiến độ học, lịch sử hỏi đáp)? Việc này không thể hoàn tác.',
        [button('delete:yes', '🗑️ Xóa hết'), button('delete:no', 'Không xóa')],
      ),
    ];
  }

  private recordProfile(turn: Turn): void {
    const { learner } = turn;
    turn.record({
      type: 'profile',
      group: learner.group ?? undefined,
      level: learner.level ?? undefined,
      neighbourhood: learner.neighbourhood ?? undefined,
    });
  }

  /** After a side step (feedback): back to the lesson being taken, or the menu. */
  private onwardButtons(turn: Turn): Button[] {
    return this.lessons.current(turn) ? [button('resume', '▶️ Học tiếp bài'), MENU_BUTTON] : [MENU_BUTTON];
  }

  /** A kind "please try again" that keeps the previous buttons selectable by number. */
  private retry(turn: Turn, text: string): Reply[] {
    turn.keepButtons = true;
    return [reply(text, turn.learner.session.buttons)];
  }
}
