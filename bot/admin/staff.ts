import crypto from 'node:crypto';
import type { StateDatabase } from '../state/database.ts';
import { SessionStore } from './sessions.ts';

/**
 * Staff accounts of the dashboard. Passwords are hashed with scrypt (a fresh salt each) and
 * checked in constant time; accounts are created from the command line (`npm run staff`).
 */
const SCRYPT = { N: 16_384, r: 8, p: 1, keylen: 32 } as const;
export const MIN_PASSWORD_LENGTH = 10;
const USERNAME = /^[a-z0-9._-]{3,32}$/;

export class StaffError extends Error {}

export function hashPassword(password: string): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = crypto.scryptSync(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(N),
    r: Number(r),
    p: Number(p),
  });
  return crypto.timingSafeEqual(actual, expected);
}

/** A hash to verify against when the username is unknown, so both cases take the same time. */
const DECOY_HASH = hashPassword(crypto.randomBytes(16).toString('hex'));

export class StaffAccounts {
  constructor(private readonly db: StateDatabase) {
    db.exec(`CREATE TABLE IF NOT EXISTS admin_staff (
      username TEXT PRIMARY KEY,
      password_hash TEXT NOT NULL,
      created_at INTEGER NOT NULL
    )`);
  }

  add(username: string, password: string): void {
    if (!USERNAME.test(username))
      throw new StaffError('Tên đăng nhập gồm 3–32 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang.');
    if (password.length < MIN_PASSWORD_LENGTH)
      throw new StaffError(`Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`);
    const result = this.db
      .prepare('INSERT OR IGNORE INTO admin_staff (username, password_hash, created_at) VALUES (?, ?, ?)')
      .run(username, hashPassword(password), Date.now());
    if (!result.changes) throw new StaffError(`Tài khoản "${username}" đã có.`);
  }

  remove(username: string): boolean {
    const removed = this.db.prepare('DELETE FROM admin_staff WHERE username = ?').run(username).changes > 0;
    if (removed) new SessionStore(this.db).destroyAllOf(username);
    return removed;
  }

  list(): { username: string; createdAt: Date }[] {
    return (
      this.db.prepare('SELECT username, created_at FROM admin_staff ORDER BY username').all() as {
        username: string;
        created_at: number;
      }[]
    ).map((r) => ({ username: r.username, createdAt: new Date(r.created_at) }));
  }

  /** True when the username exists and the password is right. */
  verify(username: string, password: string): boolean {
    const row = this.db.prepare('SELECT password_hash FROM admin_staff WHERE username = ?').get(username) as
      { password_hash: string } | undefined;
    const ok = verifyPassword(password, row?.password_hash ?? DECOY_HASH);
    return ok && row !== undefined;
  }
}
