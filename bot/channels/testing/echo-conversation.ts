import type { Conversation } from '../../conversation/types.ts';

/** Answers each message with one short reply, like a cached answer (benchmarks). */
export const echoConversation: Conversation = {
  handle: async (m) => [{ text: `Đáp: ${m.text}`, buttons: [] }],
};

/** The same, as a ConversationModule for the channel worker thread. */
export async function openConversation() {
  return { conversation: echoConversation };
}
