import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * The assistant's own SQLite file (profiles, progress, usage, channel queues), kept apart from
 * the knowledge index so that rebuilding the index never touches residents' data. Each store
 * creates its own tables (`CREATE TABLE IF NOT EXISTS`) on the handle it is given.
 */
export type StateDatabase = Database.Database;

export const STATE_FILE = 'assistant.sqlite';

export function openStateDatabase(dataDir: string): StateDatabase {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, STATE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec('CREATE TABLE IF NOT EXISTS state_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  return db;
}
