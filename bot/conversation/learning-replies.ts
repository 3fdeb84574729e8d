import type { LessonCatalogue } from '../lessons/catalogue.ts';
import { GROUPS, LEVEL_LABELS, LEVEL_NAMES, groupById } from '../lessons/groups.ts';
import { LEVELS, type Level } from '../lessons/lesson.ts';
import { lessonPages } from '../lessons/lesson-pages.ts';
import { suggestLessons } from '../lessons/suggest.ts';
import { finishedLessons, type Learner } from '../profile/learner.ts';
import { button, reply, type Turn } from './turn.ts';
import type { Reply } from './types.ts';

/** Passing this many self-checks at one's level (or all lessons there) proposes moving up. */
export const LEVEL_UP_AFTER = 3;

export const MENU_BUTTON = button('menu', '☰ Menu');

export function menuReply(learner: Learner, lead = 'Bạn muốn làm gì tiếp?'): Reply {
  const buttons = [
    button('suggest', '📚 Bài học gợi ý'),
    button('progress', '📊 Tiến độ của tôi'),
    button('profile', '👤 Hồ sơ của tôi'),
  ];
  if (learner.session.lessonId) buttons.unshift(button('resume', '▶️ Học tiếp bài đang học'));
  return reply(
    `${lead}\n\nBạn cũng có thể gõ câu hỏi bất kỳ về kỹ năng số, ví dụ: "Cách cài VNeID?" hoặc "Làm sao nhận biết cuộc gọi lừa đảo?".\nGõ "menu" để mở lại danh sách này, "xóa dữ liệu của tôi" để xóa dữ liệu của bạn.`,
    buttons,
  );
}

export function privacyReply(lead: string): Reply {
  return reply(
    `${lead}\n\n🔒 Quyền riêng tư: để gợi ý bài học và ghi nhớ tiến độ, tôi lưu nhóm, trình độ, tổ dân phố (nếu bạn cho biết), tiến độ học và câu hỏi của bạn (đã che số điện thoại, số giấy tờ) dưới một mã ẩn danh. Dữ liệu chỉ dùng để phục vụ bạn và thống kê cho phường. Bạn có thể xóa bất cứ lúc nào bằng cách gõ "xóa dữ liệu của tôi".\n\nNếu không đồng ý, bạn vẫn hỏi và học được; tôi chỉ đếm số lượt dùng, không lưu thông tin của bạn.`,
    [button('consent:yes', '✅ Đồng ý'), button('consent:no', 'Không đồng ý')],
  );
}

export function groupReply(lead: string): Reply {
  return reply(
    `${lead}Bạn thuộc nhóm nào? Chọn một nhóm để tôi gợi ý bài học phù hợp.`,
    GROUPS.map((g) => button(`group:${g.id}`, g.label)),
  );
}

export function levelReply(lead: string): Reply {
  return reply(`${lead}Bạn thấy mình giống câu nào nhất?`, [
    ...LEVELS.map((level) => button(`level:${level}`, LEVEL_LABELS[level])),
    button('placement', '📝 Làm bài kiểm tra nhanh (5 câu)'),
  ]);
}

/** The next step of onboarding the person has not done yet, if any. */
export function onboardingReply(learner: Learner, lead = ''): Reply | undefined {
  if (learner.consent === null) return privacyReply(lead || 'Tôi có thể gợi ý bài học phù hợp với bạn.');
  if (!learner.group) return groupReply(lead);
  if (!learner.level) return levelReply(lead);
  return undefined;
}

export function suggestionsReply(
  catalogue: LessonCatalogue,
  turn: Turn,
  lead = '📚 Gợi ý bài học tiếp theo cho bạn:',
  closing = 'Bấm vào bài bạn muốn học.',
): Reply[] {
  const { learner } = turn;
  const missing = onboardingReply(learner, 'Để gợi ý bài học, tôi cần biết thêm một chút về bạn. ');
  if (missing) return [missing];
  const suggestions = suggestLessons(catalogue, {
    group: learner.group!,
    level: learner.level!,
    finished: finishedLessons(learner),
    recentTopics: learner.session.topics,
  });
  if (!suggestions.length)
    return [
      reply('🎉 Bạn đã học hết các bài phù hợp. Bạn có thể hỏi tôi bất cứ điều gì về kỹ năng số.', [
        MENU_BUTTON,
      ]),
    ];
  for (const { lesson } of suggestions)
    turn.record({ type: 'lesson', lessonId: lesson.id, action: 'suggested' });
  const lines = suggestions.map(
    ({ lesson, reason }, i) => `${i + 1}. ${lesson.title} (${lesson.minutes} phút)\n   → ${reason}`,
  );
  return [
    reply(`${lead}\n\n${lines.join('\n')}\n\n${closing}`, [
      ...suggestions.map(({ lesson }) => button(`start:${lesson.id}`, `Học: ${shorten(lesson.title, 40)}`)),
      MENU_BUTTON,
    ]),
  ];
}

export function progressReply(catalogue: LessonCatalogue, learner: Learner): Reply {
  const all = [...learner.progress.values()];
  const finished = all.filter((p) => p.finishedAt);
  const passed = finished.filter((p) => p.passed);
  const lines = [
    `📊 Tiến độ của bạn: đã học xong ${finished.length} bài, đạt tự kiểm tra ${passed.length} bài.`,
  ];
  if (learner.level && learner.group) {
    const { done, total } = levelTally(catalogue, learner, learner.level);
    lines.push(`Trình độ ${LEVEL_NAMES[learner.level]}: đạt ${done}/${total} bài dành cho bạn.`);
  }
  const current = learner.session.lessonId ? learner.progress.get(learner.session.lessonId) : undefined;
  const currentLesson = current && catalogue.get(current.lessonId);
  if (current && currentLesson) {
    const where =
      current.question === null
        ? `phần ${current.page + 1}/${lessonPages(currentLesson).length}`
        : `câu tự kiểm tra ${current.question + 1}/${currentLesson.questions.length}`;
    lines.push(`Đang học: ${currentLesson.title} (${where}).`);
  }
  const recent = finished
    .sort((a, b) => (b.finishedAt! > a.finishedAt! ? 1 : -1))
    .slice(0, 5)
    .map(
      (p) =>
        `✓ ${catalogue.get(p.lessonId)?.title ?? p.lessonId}${p.passed ? '' : ' (chưa đạt tự kiểm tra)'}`,
    );
  if (recent.length) lines.push('', 'Bài đã học gần đây:', ...recent);
  const buttons = [button('suggest', '📚 Bài học gợi ý'), MENU_BUTTON];
  if (current) buttons.unshift(button('resume', '▶️ Học tiếp'));
  return reply(lines.join('\n'), buttons);
}

/** Lessons of a level written for the person's group, and how many they passed. */
export function levelTally(
  catalogue: LessonCatalogue,
  learner: Learner,
  level: Level,
): { done: number; total: number } {
  const lessons = catalogue.lessons.filter(
    (l) => l.level === level && l.groups.includes(learner.group ?? ''),
  );
  const done = lessons.filter((l) => learner.progress.get(l.id)?.passed).length;
  return { done, total: lessons.length };
}

/** A "move up a level?" offer when the person has passed enough lessons of their level. */
export function levelUpReply(catalogue: LessonCatalogue, learner: Learner): Reply | undefined {
  const level = learner.level;
  if (!level || level >= 3 || learner.session.levelUpDeclined === level) return undefined;
  const { done, total } = levelTally(catalogue, learner, level);
  if (done < Math.min(LEVEL_UP_AFTER, total) || total === 0) return undefined;
  const next = (level + 1) as Level;
  return reply(
    `🌟 Bạn đã học tốt ${done} bài trình độ ${LEVEL_NAMES[level]}. Bạn có muốn chuyển lên trình độ ${LEVEL_NAMES[next]} ("${LEVEL_LABELS[next]}") để học bài mới khó hơn không?`,
    [button(`levelup:${next}`, `⬆️ Lên trình độ ${LEVEL_NAMES[next]}`), button('levelup:no', 'Để sau')],
  );
}

export function profileReply(learner: Learner): Reply {
  const group = groupById(learner.group)?.label ?? 'chưa chọn';
  const level = learner.level ? LEVEL_LABELS[learner.level] : 'chưa chọn';
  const privacy =
    learner.consent === true
      ? 'đồng ý lưu'
      : learner.consent === false
        ? 'không lưu (chỉ đếm lượt dùng)'
        : 'chưa chọn';
  return reply(
    `👤 Hồ sơ của bạn\n• Nhóm: ${group}\n• Trình độ: ${level}\n• Tổ dân phố: ${learner.neighbourhood ?? 'chưa cho biết'}\n• Dữ liệu: ${privacy}\n\nBạn muốn đổi gì?`,
    [
      button('profile:group', 'Đổi nhóm'),
      button('profile:level', 'Đổi trình độ'),
      button('placement', '📝 Kiểm tra trình độ'),
      button('profile:neighbourhood', 'Tổ dân phố'),
      button('profile:privacy', '🔒 Quyền riêng tư'),
      button('delete:ask', '🗑️ Xóa dữ liệu của tôi'),
      MENU_BUTTON,
    ],
  );
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
