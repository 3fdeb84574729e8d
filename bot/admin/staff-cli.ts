/**
 * `npm run staff -- add <username>` (password asked, or read from stdin when piped),
 * `npm run staff -- list`, `npm run staff -- remove <username>`: dashboard accounts.
 */
import 'dotenv/config';
import readline from 'node:readline';
import { loadKnowledgeConfig } from '../../knowledge/config.ts';
import { openStateDatabase } from '../state/database.ts';
import { StaffAccounts, StaffError } from './staff.ts';

const USAGE = 'Cách dùng: npm run staff -- add <tên đăng nhập> | list | remove <tên đăng nhập>';

/** Reads the password without echoing it on a terminal, or as the first line of piped stdin. */
async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = readline.createInterface({ input: process.stdin });
    for await (const line of lines) return line;
    return '';
  }
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    process.stderr.write(prompt);
    output._writeToOutput = () => {};
    rl.question('', (answer) => {
      rl.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}

async function main(): Promise<number> {
  const [command, username] = process.argv.slice(2);
  const db = openStateDatabase(loadKnowledgeConfig().dataDir);
  const staff = new StaffAccounts(db);
  try {
    if (command === 'list') {
      const accounts = staff.list();
      if (!accounts.length) console.log('Chưa có tài khoản nào.');
      for (const a of accounts)
        console.log(`${a.username}\t(tạo ngày ${a.createdAt.toLocaleDateString('vi-VN')})`);
      return 0;
    }
    if (command === 'add' && username) {
      const password = await readPassword(`Mật khẩu cho ${username}: `);
      if (process.stdin.isTTY && (await readPassword('Nhập lại mật khẩu: ')) !== password) {
        console.error('Hai lần nhập mật khẩu không khớp.');
        return 1;
      }
      staff.add(username, password);
      console.log(`Đã tạo tài khoản ${username}.`);
      return 0;
    }
    if (command === 'remove' && username) {
      console.log(
        staff.remove(username) ? `Đã xóa tài khoản ${username}.` : `Không có tài khoản ${username}.`,
      );
      return 0;
    }
    console.error(USAGE);
    return 1;
  } catch (error) {
    if (error instanceof StaffError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
