import crypto from 'node:crypto';
import type { StateDatabase } from './database.ts';
import type { ChannelName } from '../conversation/types.ts';

/**
 * Pseudonymous user keys: an HMAC of the channel and platform id, so nothing stored names a
 * Zalo or Telegram account. The secret comes from USER_KEY_SECRET or, when that is unset, is
 * generated once and kept in the state database.
 */
export class UserKeys {
  private readonly secret: string;

  constructor(db: StateDatabase, secret = process.env.USER_KEY_SECRET) {
    this.secret = secret || UserKeys.storedSecret(db);
  }

  keyOf(channel: ChannelName, userId: string): string {
    return crypto
      .createHmac('sha256', this.secret)
      .update(`${channel}:${userId}`)
      .digest('base64url')
      .slice(0, 22);
  }

  private static storedSecret(db: StateDatabase): string {
    const row = db.prepare("SELECT value FROM state_meta WHERE key = 'user_key_secret'").get() as
      { value: string } | undefined;
    if (row) return row.value;
    const secret = crypto.randomBytes(32).toString('base64url');
    db.prepare("INSERT OR IGNORE INTO state_meta (key, value) VALUES ('user_key_secret', ?)").run(secret);
    return (
      db.prepare("SELECT value FROM state_meta WHERE key = 'user_key_secret'").get() as { value: string }
    ).value;
  }
}
