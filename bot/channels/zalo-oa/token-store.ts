import crypto from 'node:crypto';
import type { StateDatabase } from '../../state/database.ts';

export interface ZaloTokens {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms; 0 when unknown (a token from the environment). */
  expiresAt: number;
}

/**
 * The OA's token pair in the state database. Refresh tokens are single-use, so the newest pair
 * must survive a restart: it is written in one transaction before it is used. The pair from the
 * environment only seeds the store, or replaces it when the operator sets a new refresh token.
 */
export class ZaloTokenStore {
  constructor(private readonly db: StateDatabase) {
    db.exec(`CREATE TABLE IF NOT EXISTS zalo_oa_tokens (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      access_token TEXT NOT NULL,
      refresh_token TEXT NOT NULL,
      expires_at INTEGER NOT NULL,
      seeded_from TEXT NOT NULL,
      updated_at INTEGER NOT NULL
    )`);
  }

  seed(accessToken: string, refreshToken: string): void {
    const seededFrom = crypto.createHash('sha256').update(refreshToken).digest('hex');
    this.db.transaction(() => {
      const row = this.db.prepare('SELECT seeded_from FROM zalo_oa_tokens WHERE id = 1').get() as
        { seeded_from: string } | undefined;
      if (row?.seeded_from === seededFrom) return;
      this.db
        .prepare(
          `INSERT OR REPLACE INTO zalo_oa_tokens (id, access_token, refresh_token, expires_at, seeded_from, updated_at)
           VALUES (1, ?, ?, 0, ?, ?)`,
        )
        .run(accessToken, refreshToken, seededFrom, Date.now());
    })();
  }

  current(): ZaloTokens {
    const row = this.db
      .prepare('SELECT access_token, refresh_token, expires_at FROM zalo_oa_tokens WHERE id = 1')
      .get() as { access_token: string; refresh_token: string; expires_at: number } | undefined;
    if (!row) throw new Error('Zalo OA tokens are not seeded');
    return { accessToken: row.access_token, refreshToken: row.refresh_token, expiresAt: row.expires_at };
  }

  replace(tokens: ZaloTokens): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          'UPDATE zalo_oa_tokens SET access_token = ?, refresh_token = ?, expires_at = ?, updated_at = ? WHERE id = 1',
        )
        .run(tokens.accessToken, tokens.refreshToken, tokens.expiresAt, Date.now());
    })();
  }
}
