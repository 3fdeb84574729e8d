import crypto from 'node:crypto';
import type { StateDatabase } from '../state/database.ts';

export interface Session {
  username: string;
  /** Synchronizer token every POST form must carry. */
  csrf: string;
  expiresAt: number;
}

/**
 * Server-side dashboard sessions. The cookie carries a random token; the database keeps only its
 * SHA-256, so a copy of the database opens no session.
 */
export class SessionStore {
  constructor(
    private readonly db: StateDatabase,
    private readonly ttlMs = 8 * 3_600_000,
  ) {
    db.exec(`CREATE TABLE IF NOT EXISTS admin_sessions (
      token_hash TEXT PRIMARY KEY,
      username TEXT NOT NULL,
      csrf TEXT NOT NULL,
      expires_at INTEGER NOT NULL
    )`);
  }

  /** Opens a session and returns the token for the cookie. */
  create(username: string, now = Date.now()): { token: string; session: Session } {
    this.db.prepare('DELETE FROM admin_sessions WHERE expires_at <= ?').run(now);
    const token = crypto.randomBytes(32).toString('base64url');
    const session = {
      username,
      csrf: crypto.randomBytes(32).toString('base64url'),
      expiresAt: now + this.ttlMs,
    };
    this.db
      .prepare('INSERT INTO admin_sessions (token_hash, username, csrf, expires_at) VALUES (?, ?, ?, ?)')
      .run(digest(token), username, session.csrf, session.expiresAt);
    return { token, session };
  }

  /** The live session of a cookie token, or null. */
  find(token: string | undefined, now = Date.now()): Session | null {
    if (!token) return null;
    const row = this.db
      .prepare(
        'SELECT username, csrf, expires_at FROM admin_sessions WHERE token_hash = ? AND expires_at > ?',
      )
      .get(digest(token), now) as { username: string; csrf: string; expires_at: number } | undefined;
    return row ? { username: row.username, csrf: row.csrf, expiresAt: row.expires_at } : null;
  }

  destroyAllOf(username: string): void {
    this.db.prepare('DELETE FROM admin_sessions WHERE username = ?').run(username);
  }

  destroy(token: string | undefined): void {
    if (token) this.db.prepare('DELETE FROM admin_sessions WHERE token_hash = ?').run(digest(token));
  }
}

const digest = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

/** Constant-time comparison of two tokens. */
export function sameToken(a: unknown, b: string): boolean {
  if (typeof a !== 'string') return false;
  const left = crypto.createHash('sha256').update(a).digest();
  const right = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(left, right);
}
