import type { Button, ChannelName } from '../conversation/types.ts';
import { statementCache } from '../../knowledge/store/statement-cache.ts';
import type { StateDatabase } from '../state/database.ts';
import type { InboundUpdate, OutboundMessage } from './types.ts';

/** Dedupe keys outlive every platform's redelivery window (Telegram keeps updates ~24 h). */
const DEDUPE_RETENTION_MS = 8 * 24 * 3600_000;

export interface InboxItem {
  id: number;
  channel: ChannelName;
  update: InboundUpdate;
}

export interface OutboxItem {
  id: number;
  channel: ChannelName;
  message: OutboundMessage;
  attempts: number;
  notBefore: number;
}

/**
 * The channels' durable queues in the state database. An update is stored (inbox) before the
 * platform is acknowledged; its replies are stored (outbox) in the same transaction that marks
 * it handled; a sent reply is deleted. Raw platform ids live only in pending rows: a handled
 * inbox row keeps just its dedupe key, and numbered menus are filed under a pseudonymous key.
 * Ids never repeat (AUTOINCREMENT): the runtime loads rows past the last id it has seen.
 */
export class ChannelStore {
  constructor(
    private readonly db: StateDatabase,
    private readonly now: () => number = Date.now,
  ) {
    this.sql = statementCache(db);
    // Made once: creating a transaction function costs more than the rows it writes. Nested in
    // another transaction (a group commit) it runs as a savepoint.
    const transaction = db.transaction((work: () => unknown) => work());
    this.inTransaction = <T>(work: () => T) => transaction(work) as T;
    db.exec(`
      CREATE TABLE IF NOT EXISTS channel_inbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        channel TEXT NOT NULL,
        dedupe_key TEXT NOT NULL,
        received_at INTEGER NOT NULL,
        payload TEXT,
        UNIQUE (channel, dedupe_key)
      );
      CREATE INDEX IF NOT EXISTS channel_inbox_pending ON channel_inbox (id) WHERE payload IS NOT NULL;
      CREATE TABLE IF NOT EXISTS channel_outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        channel TEXT NOT NULL,
        chat_id TEXT,
        body TEXT,
        status TEXT NOT NULL DEFAULT 'pending',
        attempts INTEGER NOT NULL DEFAULT 0,
        not_before INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        error TEXT
      );
      CREATE INDEX IF NOT EXISTS channel_outbox_pending ON channel_outbox (id) WHERE status = 'pending';
      CREATE TABLE IF NOT EXISTS channel_menus (
        user_key TEXT PRIMARY KEY,
        buttons TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `);
  }

  private readonly sql: ReturnType<typeof statementCache>;
  private readonly inTransaction: <T>(work: () => T) => T;

  /** Stores new updates in one transaction; returns those not seen before, as queued. */
  accept(channel: ChannelName, updates: InboundUpdate[]): InboxItem[] {
    return this.inTransaction(() => {
      const insert = this.sql(
        'INSERT OR IGNORE INTO channel_inbox (channel, dedupe_key, received_at, payload) VALUES (?, ?, ?, ?)',
      );
      const fresh: InboxItem[] = [];
      for (const update of updates) {
        const row = insert.run(channel, update.dedupeKey, this.now(), JSON.stringify(update));
        if (row.changes) fresh.push({ id: Number(row.lastInsertRowid), channel, update });
      }
      return fresh;
    });
  }

  pendingInbox(limit: number, afterId = 0): InboxItem[] {
    const rows = this.sql(
      'SELECT id, channel, payload FROM channel_inbox WHERE payload IS NOT NULL AND id > ? ORDER BY id LIMIT ?',
    ).all(afterId, limit) as { id: number; channel: ChannelName; payload: string }[];
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      update: JSON.parse(r.payload) as InboundUpdate,
    }));
  }

  /**
   * Marks an update handled and queues its replies atomically, so a crash leaves either the
   * update pending (handled again) or the replies queued (sent once), never neither. Returns the
   * replies as queued.
   */
  complete(
    item: InboxItem,
    messages: OutboundMessage[],
    menu: { userKey: string; buttons: Button[] | null },
  ): OutboxItem[] {
    return this.inTransaction(() => {
      const insert = this.sql(
        'INSERT INTO channel_outbox (channel, chat_id, body, created_at) VALUES (?, ?, ?, ?)',
      );
      const queued = messages.map((message) => {
        const row = insert.run(item.channel, message.chatId, JSON.stringify(message.body), this.now());
        return { id: Number(row.lastInsertRowid), channel: item.channel, message, attempts: 0, notBefore: 0 };
      });
      this.sql('UPDATE channel_inbox SET payload = NULL WHERE id = ?').run(item.id);
      if (menu.buttons)
        this.sql('INSERT OR REPLACE INTO channel_menus (user_key, buttons, updated_at) VALUES (?, ?, ?)').run(
          menu.userKey,
          JSON.stringify(menu.buttons),
          this.now(),
        );
      else this.sql('DELETE FROM channel_menus WHERE user_key = ?').run(menu.userKey);
      return queued;
    });
  }

  menu(userKey: string): Button[] | null {
    const row = this.sql('SELECT buttons FROM channel_menus WHERE user_key = ?').get(userKey) as
      { buttons: string } | undefined;
    return row ? (JSON.parse(row.buttons) as Button[]) : null;
  }

  pendingOutbox(limit: number, afterId = 0): OutboxItem[] {
    const rows = this.sql(
      `SELECT id, channel, chat_id, body, attempts, not_before FROM channel_outbox
         WHERE status = 'pending' AND id > ? ORDER BY id LIMIT ?`,
    ).all(afterId, limit) as {
      id: number;
      channel: ChannelName;
      chat_id: string;
      body: string;
      attempts: number;
      not_before: number;
    }[];
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      message: { chatId: r.chat_id, body: JSON.parse(r.body) as unknown },
      attempts: r.attempts,
      notBefore: r.not_before,
    }));
  }

  /** Sent: nothing about the message is kept. */
  sent(id: number): void {
    this.sql('DELETE FROM channel_outbox WHERE id = ?').run(id);
  }

  retryLater(id: number, notBefore: number, error: string): void {
    this.db
      .prepare('UPDATE channel_outbox SET attempts = attempts + 1, not_before = ?, error = ? WHERE id = ?')
      .run(notBefore, error, id);
  }

  /** Given up: the row stays for counting, without the recipient or the text. */
  failed(id: number, error: string): void {
    this.db
      .prepare(
        "UPDATE channel_outbox SET status = 'failed', chat_id = NULL, body = NULL, error = ?, attempts = attempts + 1 WHERE id = ?",
      )
      .run(error, id);
  }

  /** Forgets dedupe keys older than any redelivery and failures older than a month. */
  prune(): void {
    this.db
      .prepare('DELETE FROM channel_inbox WHERE payload IS NULL AND received_at < ?')
      .run(this.now() - DEDUPE_RETENTION_MS);
    this.db
      .prepare("DELETE FROM channel_outbox WHERE status = 'failed' AND created_at < ?")
      .run(this.now() - 30 * 24 * 3600_000);
  }

  counts(): { inbox: number; outbox: number; failed: number } {
    const one = (sql: string) => (this.sql(sql).get() as { n: number }).n;
    return {
      inbox: one('SELECT count(*) AS n FROM channel_inbox WHERE payload IS NOT NULL'),
      outbox: one("SELECT count(*) AS n FROM channel_outbox WHERE status = 'pending'"),
      failed: one("SELECT count(*) AS n FROM channel_outbox WHERE status = 'failed'"),
    };
  }
}
