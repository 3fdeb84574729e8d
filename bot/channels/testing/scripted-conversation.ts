import type { Conversation, IncomingMessage, Reply } from '../../conversation/types.ts';

export const LONG_ANSWER = Array.from(
  { length: 300 },
  (_, i) => `Câu số ${i + 1} của một câu trả lời rất dài.`,
).join(' ');

/**
 * A stand-in for the conversation core with the turns of the scripted test conversation:
 * onboarding, a question, a lesson step, feedback. It records what each channel delivered.
 */
export class ScriptedConversation implements Conversation {
  readonly received: IncomingMessage[] = [];

  async handle(message: IncomingMessage): Promise<Reply[]> {
    this.received.push(message);
    const { text, buttonId } = message;
    if (text === '/start')
      return [
        {
          text: 'Chào bạn! Bạn là người dân hay cán bộ?',
          buttons: [
            { id: 'group:resident', label: 'Người dân' },
            { id: 'group:staff', label: 'Cán bộ phường' },
          ],
        },
      ];
    if (buttonId === 'group:resident') return [{ text: 'Cảm ơn bạn. Bạn muốn hỏi gì?', buttons: [] }];
    if (buttonId === 'lesson:next')
      return [
        {
          text: 'Bước 2: Mở ứng dụng VNeID và chọn "Đăng nhập".',
          buttons: [
            { id: 'fb:up', label: 'Hữu ích' },
            { id: 'fb:down', label: 'Chưa hữu ích' },
          ],
        },
      ];
    if (buttonId === 'fb:up') return [{ text: 'Cảm ơn góp ý của bạn!', buttons: [] }];
    if (text === 'dài') return [{ text: LONG_ANSWER, buttons: [] }];
    if (text !== undefined)
      return [
        { text: `Trả lời cho: ${text}`, buttons: [] },
        {
          text: 'Bạn có muốn học bài này không?',
          buttons: [{ id: 'lesson:next', label: 'Học bước tiếp theo' }],
        },
      ];
    return [{ text: `Không rõ lựa chọn ${buttonId}`, buttons: [] }];
  }
}

/** The scripted conversation as a ConversationModule for the channel worker thread. */
export async function openConversation() {
  return { conversation: new ScriptedConversation() };
}
