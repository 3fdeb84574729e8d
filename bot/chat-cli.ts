/**
 * `npm run chat`: the conversation every channel uses, in a terminal. Buttons are shown as a
 * numbered list; type the number (or anything else: a question, "menu", "tiếp"…).
 */
import 'dotenv/config';
import os from 'node:os';
import readline from 'node:readline';
import { ConfigError } from '../knowledge/config.ts';
import { StoreError } from '../knowledge/store/knowledge-store.ts';
import { openAssistant } from './assistant.ts';
import { withNumberedButtons } from './conversation/numbered-menu.ts';

async function main(): Promise<void> {
  const assistant = await openAssistant();
  const { conversation } = assistant;
  // One terminal, one person: the OS user name keeps their progress between runs.
  const userId = os.userInfo().username;
  const interactive = process.stdin.isTTY;
  const lines = readline.createInterface({
    input: process.stdin,
    output: process.stdout,
    prompt: 'Bạn: ',
    terminal: interactive,
  });
  const show = async (text: string): Promise<void> => {
    const replies = await conversation.handle({ channel: 'terminal', userId, text });
    console.log(`\n${withNumberedButtons(replies).join('\n\n')}\n`);
  };
  if (interactive)
    console.log('Trợ lý Bình dân học vụ số. Gõ số để chọn, hoặc gõ câu hỏi (Ctrl+D để thoát).');
  await show('xin chào');
  if (interactive) lines.prompt();
  for await (const line of lines) {
    if (line.trim()) await show(line);
    if (interactive) lines.prompt();
  }
  assistant.close();
}

main().catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof StoreError;
  console.error(known ? (error as Error).message : error);
  process.exit(1);
});
