import type { Reply } from './types.ts';

/**
 * Replies as plain text for channels without buttons: the buttons of the whole turn become one
 * numbered list, in the order the conversation core maps typed numbers back to them.
 */
export function withNumberedButtons(replies: Reply[]): string[] {
  let number = 0;
  return replies.map((r) => {
    if (!r.buttons.length) return r.text;
    const lines = r.buttons.map((b) => `  ${++number}. ${b.label}`);
    return `${r.text}\n${lines.join('\n')}`;
  });
}
