import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer, AnswerEngine, AskOptions } from '../answer/types.ts';
import { loadCatalogue } from '../lessons/catalogue.ts';
import { openStateDatabase, type StateDatabase } from '../state/database.ts';
import { UserKeys } from '../state/user-key.ts';
import type { UsageEvent, UsageRecorder } from '../usage/types.ts';
import { AssistantConversation, MAX_TEXT_CHARS } from './assistant-conversation.ts';
import { withNumberedButtons } from './numbered-menu.ts';
import type { IncomingMessage, Reply } from './types.ts';

const catalogue = loadCatalogue(fileURLToPath(new URL('../../knowledge/lessons/', import.meta.url)));

/** Answers from a few canned rules; remembers what it was asked and whom it forgot. */
class FakeAnswers implements AnswerEngine {
  readonly asked: { question: string; options?: AskOptions }[] = [];
  readonly forgotten: string[] = [];

  async ask(question: string, options?: AskOptions): Promise<Answer> {
    this.asked.push({ question, options });
    if (question.includes('boom')) throw new Error('engine down');
    const base = { confidence: 0.8, suggestions: [] as string[], mode: 'extractive' as const };
    if (/lừa đảo|lua dao/.test(question))
      return {
        ...base,
        text: 'Không đưa mã OTP cho ai. Tắt máy và gọi lại số chính thức.',
        answered: true,
        intent: 'safety',
        sources: [
          { id: 'at-nhan-dien-lua-dao', title: 'Nhận diện lừa đảo', kind: 'lesson', ref: null, score: 3 },
        ],
        suggestions: ['Lỡ đưa mã OTP thì làm gì?'],
      };
    if (question.includes('giá vàng'))
      return {
        ...base,
        text: 'Xin lỗi, câu này nằm ngoài phạm vi của tôi.',
        answered: false,
        confidence: 0,
        intent: 'out_of_scope',
        sources: [],
      };
    return {
      ...base,
      text: `Trả lời: ${question}`,
      answered: true,
      intent: 'howto',
      sources: [{ id: 'vneid-cai-dat', title: 'Cài VNeID', kind: 'lesson', ref: null, score: 2 }],
    };
  }

  forget(userKey: string): void {
    this.forgotten.push(userKey);
  }
}

/** Writes events to its own table on the same database, and checks it runs inside a transaction. */
class TableUsage implements UsageRecorder {
  readonly outsideTransaction: UsageEvent[] = [];
  constructor(private readonly db: StateDatabase) {
    db.exec('CREATE TABLE IF NOT EXISTS test_usage (user_key TEXT, type TEXT, body TEXT)');
  }
  record(event: UsageEvent): void {
    if (!this.db.inTransaction) this.outsideTransaction.push(event);
    this.db
      .prepare('INSERT INTO test_usage VALUES (?, ?, ?)')
      .run(event.userKey, event.type, JSON.stringify(event));
  }
  forgetUser(userKey: string): number {
    return this.db.prepare('DELETE FROM test_usage WHERE user_key = ?').run(userKey).changes;
  }
  events(type?: string): UsageEvent[] {
    const rows = this.db.prepare('SELECT body FROM test_usage').all() as { body: string }[];
    return rows.map((r) => JSON.parse(r.body) as UsageEvent).filter((e) => !type || e.type === type);
  }
}

let dir: string;
let db: StateDatabase;
let answers: FakeAnswers;
let usage: TableUsage;
let conversation: AssistantConversation;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conversation-'));
  db = openStateDatabase(dir);
  answers = new FakeAnswers();
  usage = new TableUsage(db);
  conversation = new AssistantConversation({
    db,
    catalogue,
    answers,
    usage,
    userKeys: new UserKeys(db, 'test-secret'),
  });
});
afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** One person chatting: remembers the last replies so tests can tap their buttons. */
function person(userId = 'tg-987654321', channel: IncomingMessage['channel'] = 'telegram') {
  let last: Reply[] = [];
  let sent = 0;
  const send = async (message: Omit<IncomingMessage, 'channel' | 'userId'>): Promise<Reply[]> => {
    sent += 1;
    last = await conversation.handle({ channel, userId, ...message });
    expect(last.length).toBeGreaterThan(0);
    return last;
  };
  return {
    say: (text: string) => send({ text }),
    tap: (id: string) => {
      expect(
        last.flatMap((r) => r.buttons.map((b) => b.id)),
        `button ${id} in ${JSON.stringify(last)}`,
      ).toContain(id);
      return send({ buttonId: id });
    },
    press: (id: string) => send({ buttonId: id }),
    buttons: () => last.flatMap((r) => r.buttons.map((b) => b.id)),
    labels: () => last.flatMap((r) => r.buttons.map((b) => b.label)),
    text: () => last.map((r) => r.text).join('\n---\n'),
    get sent() {
      return sent;
    },
    key: new UserKeys(db, 'test-secret').keyOf(channel, userId),
  };
}

function buttonStartingWith(p: ReturnType<typeof person>, prefix: string): string {
  const id = p.buttons().find((b) => b.startsWith(prefix));
  expect(id, `a button starting with ${prefix} in ${p.text()}`).toBeDefined();
  return id!;
}

/** Reads a lesson to the end with "Tiếp"/"Xong", then answers its self-check (right or wrong). */
async function takeLesson(
  p: ReturnType<typeof person>,
  lessonId: string,
  rightAnswers = true,
): Promise<void> {
  await p.press(`start:${lessonId}`); // also when onboarding already started it
  while (!p.buttons().includes(`done:${lessonId}`)) await p.tap(buttonStartingWith(p, `next:${lessonId}:`));
  await p.tap(`done:${lessonId}`);
  const lesson = catalogue.get(lessonId)!;
  for (const [i, q] of lesson.questions.entries()) {
    const letter = rightAnswers ? q.answer : q.options.find((o) => o.letter !== q.answer)!.letter;
    await p.tap(`ans:${lessonId}:${i}:${letter}`);
  }
}

describe('onboarding', () => {
  it('goes from hello to the first lesson step in four taps, with reasons for each suggestion', async () => {
    const p = person();
    await p.say('Xin chào');
    expect(p.text()).toMatch(/Quyền riêng tư/);
    expect(p.buttons()).toEqual(['consent:yes', 'consent:no']);
    await p.tap('consent:yes');
    expect(p.buttons()).toContain('group:nguoi-cao-tuoi');
    await p.tap('group:nguoi-cao-tuoi');
    expect(p.labels()).toContain('Tôi mới dùng điện thoại thông minh');
    await p.tap('level:1');
    // The best suggestion starts at once; the other two stay on screen as buttons.
    expect(p.text().match(/→ .+\./g)).toHaveLength(3);
    expect(p.text()).toContain('Làm quen với điện thoại thông minh');
    expect(p.buttons()).toContain('next:co-ban-lam-quen-dien-thoai:1');
    expect(p.buttons().filter((b) => b.startsWith('start:'))).toEqual([
      'start:zalo-nhan-tin',
      'start:at-nhan-dien-lua-dao',
    ]);
    expect(p.sent).toBeLessThanOrEqual(4);

    expect(usage.events('profile').at(-1)).toMatchObject({
      group: 'nguoi-cao-tuoi',
      level: 1,
      consented: true,
    });
    expect(
      usage.events('lesson').filter((e) => e.type === 'lesson' && e.action === 'suggested'),
    ).toHaveLength(3);
    expect(usage.outsideTransaction).toEqual([]);
  });

  it('answers a question typed at first contact and offers onboarding beside it', async () => {
    const p = person();
    await p.say('Cách cài VNeID trên điện thoại?');
    expect(p.text()).toContain('Trả lời: Cách cài VNeID');
    expect(p.buttons()).toEqual(
      expect.arrayContaining(['fb:up:1', 'start:vneid-cai-dat', 'consent:yes', 'consent:no']),
    );
    expect(usage.events('question')).toMatchObject([
      { answered: true, intent: 'howto', consented: false, sources: ['vneid-cai-dat'] },
    ]);
    // Nothing is written to disk before the person chooses.
    expect(db.prepare('SELECT COUNT(*) AS n FROM learners').get()).toEqual({ n: 0 });
  });

  it('lets a person decline: they still learn, only the refusal is stored', async () => {
    const p = person();
    await p.say('bắt đầu');
    await p.tap('consent:no');
    await p.tap('group:tieu-thuong');
    await p.tap('level:2');
    await p.tap('next:tt-nhan-tien-qr:1'); // the first suggestion started by itself
    expect(db.prepare('SELECT consent, target_group, level, session FROM learners').all()).toEqual([
      { consent: 0, target_group: null, level: null, session: '{}' },
    ]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM lesson_progress').get()).toEqual({ n: 0 });
    expect(usage.events().every((e) => e.consented === false)).toBe(true);
  });

  it('places a person with the five-question quiz instead of self-report', async () => {
    const p = person();
    await p.say('hi');
    await p.tap('consent:yes');
    await p.tap('group:hoc-sinh');
    await p.tap('placement');
    for (const letter of ['A', 'B', 'B', 'B'])
      await p.tap(buttonStartingWith(p, `quiz:`).replace(/:[A-D]$/, `:${letter}`));
    await p.say('a'); // typed letter for the last question: wrong (B is right)
    expect(p.text()).toContain('đúng 4/5 câu');
    expect(p.text()).toContain('trình độ trung bình');
    expect(usage.events('profile').at(-1)).toMatchObject({ level: 2 });
  });
});

describe('taking lessons', () => {
  async function onboarded(group = 'nguoi-cao-tuoi', level = '1') {
    const p = person();
    await p.say('xin chào');
    await p.tap('consent:yes');
    await p.tap(`group:${group}`);
    await p.tap(`level:${level}`);
    return p;
  }

  it('steps through a lesson, answers a question in between, passes the self-check and shows progress', async () => {
    const p = await onboarded();
    await p.tap('start:at-nhan-dien-lua-dao');
    const pages: string[] = [p.text()];
    await p.say('Có người gọi xưng công an, có phải lừa đảo không?');
    expect(p.text()).toContain('Không đưa mã OTP');
    expect(p.buttons()).toEqual(expect.arrayContaining(['fb:up:1', 'fb:down:1', 'resume', 'ask:1:0']));
    await p.tap('fb:up:1');
    await p.tap('resume');
    expect(p.text()).toBe(pages[0]);
    while (!p.buttons().includes('done:at-nhan-dien-lua-dao')) {
      await p.say('tiếp');
      pages.push(p.text());
    }
    const lesson = catalogue.get('at-nhan-dien-lua-dao')!;
    const shown = pages.join('\n');
    for (const step of lesson.steps) expect(shown).toContain(step);
    expect(pages.every((page) => page.length < 1200)).toBe(true);
    await p.tap('done:at-nhan-dien-lua-dao');
    expect(p.text()).toContain(`Câu 1/${lesson.questions.length}`);
    for (const [i, q] of lesson.questions.entries()) await p.tap(`ans:at-nhan-dien-lua-dao:${i}:${q.answer}`);
    expect(p.text()).toContain('Chúc mừng');
    expect(p.text()).toContain('đã học xong 1 bài, đạt tự kiểm tra 1 bài');
    expect(p.buttons().filter((b) => b.startsWith('start:'))).not.toContain('start:at-nhan-dien-lua-dao');

    expect(
      usage
        .events('lesson')
        .filter(
          (e) => e.type === 'lesson' && e.action !== 'suggested' && e.lessonId === 'at-nhan-dien-lua-dao',
        ),
    ).toMatchObject([
      { lessonId: 'at-nhan-dien-lua-dao', action: 'started' },
      { lessonId: 'at-nhan-dien-lua-dao', action: 'finished', score: 1 },
    ]);
    expect(usage.events('feedback')).toMatchObject([{ rating: 'up' }]);
    expect(usage.events('question')).toMatchObject([{ intent: 'safety', answered: true }]);
  });

  it('proposes moving up after passing three lessons of the level, and remembers progress across restarts', async () => {
    const p = await onboarded();
    await takeLesson(p, 'co-ban-lam-quen-dien-thoai');
    await takeLesson(p, 'zalo-nhan-tin', false);
    expect(p.text()).toContain('Bạn có thể học lại');
    expect(p.buttons()).not.toContain('levelup:2');
    await takeLesson(p, 'at-nhan-dien-lua-dao');
    expect(p.buttons()).not.toContain('levelup:2');
    await takeLesson(p, 'at-bao-ve-otp');
    expect(p.text()).toContain('Bạn có muốn chuyển lên trình độ trung bình');
    await p.tap('levelup:2');
    expect(p.text()).toContain('Bạn đã lên trình độ trung bình');
    expect(db.prepare('SELECT level FROM learners WHERE user_key = ?').get(p.key)).toEqual({ level: 2 });

    const restarted = new AssistantConversation({
      db,
      catalogue,
      answers,
      usage,
      userKeys: new UserKeys(db, 'test-secret'),
    });
    const replies = await restarted.handle({ channel: 'telegram', userId: 'tg-987654321', text: 'tiến độ' });
    expect(replies[0]!.text).toContain('đã học xong 4 bài, đạt tự kiểm tra 3 bài');
    const finished = usage.events('lesson').filter((e) => e.type === 'lesson' && e.action === 'finished');
    expect(finished.map((e) => (e.type === 'lesson' ? e.score : null))).toEqual([1, 0, 1, 1]);
  });

  it('treats taps on old lesson messages kindly instead of skipping ahead', async () => {
    const p = await onboarded();
    await p.tap('start:zalo-nhan-tin');
    await p.tap('next:zalo-nhan-tin:1');
    const replies = await p.press('next:zalo-nhan-tin:1');
    expect(replies[0]!.text).toContain('tin nhắn cũ');
    expect(p.buttons()).toContain('next:zalo-nhan-tin:2');
    await p.press('done:zalo-nhan-tin');
    expect(p.text()).toContain('tin nhắn cũ');
    await p.press('ans:zalo-nhan-tin:0:A');
    expect(p.text()).toContain('tin nhắn cũ');
    await p.say('dừng');
    expect(p.text()).toContain('Đã lưu chỗ bạn đang học');
    await p.say('học tiếp');
    expect(p.buttons()).toContain('next:zalo-nhan-tin:2');
  });
});

describe('profile, feedback, numbers and deletion', () => {
  it('selects buttons by typed numbers, and shows them numbered for text-only channels', async () => {
    const p = person('web-session-1', 'web');
    const replies = await p.say('menu');
    expect(withNumberedButtons(replies)[0]).toMatch(/\n {2}1\. 📚 Bài học gợi ý\n {2}2\. /);
    await p.say('xin chao');
    await p.say('1');
    expect(p.buttons()).toContain('group:nguoi-dan');
    await p.say('99');
    expect(p.text()).toMatch(/chọn một số từ 1 đến 7/);
    expect(p.buttons()).toContain('group:nguoi-dan');
    await p.say('3');
    expect(p.buttons()).toContain('level:1');
  });

  it('changes group, level and tổ dân phố at any time', async () => {
    const p = person();
    await p.say('chào');
    await p.tap('consent:yes');
    await p.tap('group:nguoi-dan');
    await p.tap('level:1');
    await p.say('đổi nhóm');
    await p.tap('group:tieu-thuong');
    expect(p.text()).toContain('Đã đổi nhóm thành: Tiểu thương');
    expect(p.buttons()).toContain('start:tt-nhan-tien-qr');
    await p.say('ho so');
    await p.tap('profile:neighbourhood');
    await p.say('5');
    expect(p.text()).toContain('Đã lưu tổ dân phố: Tổ 5');
    await p.tap('profile:level');
    await p.tap('level:3');
    expect(db.prepare('SELECT target_group, level, neighbourhood FROM learners').get()).toEqual({
      target_group: 'tieu-thuong',
      level: 3,
      neighbourhood: 'Tổ 5',
    });
    expect(usage.events('profile').at(-1)).toMatchObject({
      group: 'tieu-thuong',
      level: 3,
      neighbourhood: 'Tổ 5',
    });
  });

  it('records 👎 with a reason, or without one when the person moves on', async () => {
    const p = person();
    await p.say('cài VNeID thế nào');
    await p.tap('fb:down:1');
    await p.tap('fbr:unclear:1');
    await p.say('cài Zalo thế nào');
    await p.tap('fb:down:2');
    await p.say('cảm ơn');
    await p.press('fb:up:2');
    expect(p.text()).toContain('đã góp ý');
    expect(usage.events('feedback')).toMatchObject([
      { rating: 'down', reason: 'Khó hiểu' },
      { rating: 'down' },
    ]);
    expect((usage.events('feedback')[1] as { reason?: string }).reason).toBeUndefined();
  });

  it('deletes everything after confirmation, and keeps it when the person says no', async () => {
    const p = person();
    await p.say('xin chào');
    await p.tap('consent:yes');
    await p.tap('group:nguoi-cao-tuoi');
    await p.tap('level:1');
    await p.tap('start:zalo-nhan-tin');
    await p.say('Xoá dữ liệu của tôi');
    expect(p.buttons()).toEqual(['delete:yes', 'delete:no']);
    await p.say('không');
    expect(p.text()).toContain('Đã hủy');
    // The lesson onboarding started and the one chosen after it.
    expect(db.prepare('SELECT COUNT(*) AS n FROM lesson_progress').get()).toEqual({ n: 2 });

    await p.say('xoa du lieu cua toi');
    await p.say('có');
    expect(p.text()).toContain('Đã xóa toàn bộ dữ liệu');
    expect(db.prepare('SELECT COUNT(*) AS n FROM learners').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT COUNT(*) AS n FROM lesson_progress').get()).toEqual({ n: 0 });
    expect(usage.events()).toEqual([]);
    expect(answers.forgotten).toEqual([p.key]);
    await p.say('xin chào');
    expect(p.buttons()).toEqual(['consent:yes', 'consent:no']);
  });

  it('does not take a how-to question about deleting phone data for the deletion command', async () => {
    const p = person();
    await p.say('cách xóa dữ liệu ứng dụng Zalo');
    expect(p.text()).toContain('Trả lời:');
  });

  it('never stores the platform id', async () => {
    const p = person('zalo-user-5550001234', 'zalo');
    await p.say('xin chào');
    await p.tap('consent:yes');
    await p.tap('group:nguoi-dan');
    await p.tap('level:2');
    db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = fs.readFileSync(path.join(dir, 'assistant.sqlite')).toString('latin1');
    expect(bytes).not.toContain('5550001234');
    expect(bytes).toContain(p.key);
  });
});

describe('bad input', () => {
  it('answers empty, huge, unknown and malformed messages kindly', async () => {
    const p = person();
    await p.say('xin chào');
    expect((await p.say('   '))[0]!.text).toContain('Bạn chưa gõ gì');
    expect(p.buttons()).toEqual(['consent:yes', 'consent:no']);
    expect((await p.say('a'.repeat(MAX_TEXT_CHARS + 1)))[0]!.text).toContain('dài quá');
    expect(answers.asked).toHaveLength(0);
    for (const id of [
      'xyz',
      'group:aliens',
      'level:9',
      'levelup:3',
      'start:no-such-lesson',
      'fbr:wrong:7',
      'quiz:2:A',
      'ask:5:0',
      'delete:yes',
      ':::',
    ]) {
      const replies = await p.press(id);
      expect(replies[0]!.text.length, id).toBeGreaterThan(10);
    }
    expect(db.prepare('SELECT COUNT(*) AS n FROM learners').get()).toEqual({ n: 0 });
    const odd = await conversation.handle({
      channel: 'web',
      userId: 'x',
      buttonId: 42,
    } as unknown as IncomingMessage);
    expect(odd[0]!.text).toContain('Bạn chưa gõ gì');
    const none = await conversation.handle({ channel: 'web' } as unknown as IncomingMessage);
    expect(none[0]!.text).toContain('Bạn chưa gõ gì');
  });

  it('says sorry when the answer engine fails, and declined questions get no rating buttons', async () => {
    const p = person();
    await p.say('boom');
    expect(p.text()).toContain('Xin lỗi');
    await p.say('giá vàng hôm nay');
    expect(p.buttons()).not.toContain('fb:up:1');
    expect(usage.events('question')).toMatchObject([{ answered: false, intent: 'out_of_scope' }]);
  });

  it("handles one person's messages in order even when they arrive together", async () => {
    const send = (buttonId: string) => conversation.handle({ channel: 'web', userId: 'fast', buttonId });
    await conversation.handle({ channel: 'web', userId: 'fast', text: 'xin chào' });
    const [a, b, c] = await Promise.all([send('consent:yes'), send('group:nguoi-dan'), send('level:2')]);
    expect(a[0]!.buttons.map((x) => x.id)).toContain('group:nguoi-dan');
    expect(b[0]!.buttons.map((x) => x.id)).toContain('level:2');
    expect(c.at(-1)!.buttons.some((x) => x.id.startsWith('start:'))).toBe(true);
  });
});
