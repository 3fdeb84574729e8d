import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StateDatabase } from '../state/database.ts';
import { tempStateDatabase } from '../usage/testing.ts';
import { SessionStore } from './sessions.ts';
import { hashPassword, StaffAccounts, StaffError, verifyPassword } from './staff.ts';

let db: StateDatabase;
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ db, dir, cleanup } = tempStateDatabase()));
afterEach(() => cleanup());

describe('StaffAccounts', () => {
  it('hashes with scrypt and a fresh salt', () => {
    const a = hashPassword('mot-mat-khau-dai');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(hashPassword('mot-mat-khau-dai')).not.toBe(a);
    expect(verifyPassword('mot-mat-khau-dai', a)).toBe(true);
    expect(verifyPassword('mot-mat-khau-dai!', a)).toBe(false);
  });

  it('adds, verifies, lists and removes accounts, closing their sessions', () => {
    const staff = new StaffAccounts(db);
    staff.add('lan.vhxh', 'mat-khau-cua-lan');
    expect(() => staff.add('lan.vhxh', 'mat-khau-khac-nua')).toThrow(StaffError);
    expect(() => staff.add('Lan Nguyễn', 'mat-khau-cua-lan')).toThrow(StaffError);
    expect(() => staff.add('binh', 'ngan')).toThrow(/ít nhất 10/);
    expect(staff.verify('lan.vhxh', 'mat-khau-cua-lan')).toBe(true);
    expect(staff.verify('lan.vhxh', 'sai')).toBe(false);
    expect(staff.verify('khong-co', 'mat-khau-cua-lan')).toBe(false);
    expect(staff.list().map((s) => s.username)).toEqual(['lan.vhxh']);
    const sessions = new SessionStore(db);
    const { token } = sessions.create('lan.vhxh');
    expect(sessions.find(token)?.username).toBe('lan.vhxh');
    expect(staff.remove('lan.vhxh')).toBe(true);
    expect(sessions.find(token)).toBeNull();
    expect(staff.verify('lan.vhxh', 'mat-khau-cua-lan')).toBe(false);
  });

  it('expires sessions', () => {
    const sessions = new SessionStore(db, 1000);
    const { token } = sessions.create('lan', 0);
    expect(sessions.find(token, 999)).not.toBeNull();
    expect(sessions.find(token, 1000)).toBeNull();
    // Only a hash of the token is stored.
    expect(JSON.stringify(db.prepare('SELECT * FROM admin_sessions').all())).not.toContain(token);
  });

  it('creates an account from the command line with the password on stdin', () => {
    const run = (args: string[], input = '') =>
      execFileSync(path.join('node_modules', '.bin', 'tsx'), ['bot/admin/staff-cli.ts', ...args], {
        input,
        env: { ...process.env, DATA_DIR: dir },
        encoding: 'utf8',
      });
    expect(run(['add', 'hoa.vhxh'], 'mat-khau-cua-hoa\n')).toContain('Đã tạo tài khoản hoa.vhxh');
    expect(new StaffAccounts(db).verify('hoa.vhxh', 'mat-khau-cua-hoa')).toBe(true);
  });
});
