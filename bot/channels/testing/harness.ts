import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Conversation } from '../../conversation/types.ts';
import { openStateDatabase, type StateDatabase } from '../../state/database.ts';
import { startApp, type RunningApp } from '../../server/start.ts';
import { loadChannelConfig } from '../config.ts';
import type { ChannelCapabilities } from '../types.ts';
import { ScriptedConversation } from './scripted-conversation.ts';

export const silentLogger = pino({ level: 'silent' });

export interface Harness {
  app: RunningApp;
  db: StateDatabase;
  dataDir: string;
  conversation: ScriptedConversation;
  post(path: string, body: string | object, headers?: Record<string, string>): Promise<Response>;
  /** Stops the app and closes the database; `keep` leaves the files for a restart. */
  close(keep?: boolean): Promise<void>;
}

/** The real server and channels on 127.0.0.1 with a fresh state database (or a given one). */
export async function startHarness(
  env: Record<string, string>,
  options: {
    dataDir?: string;
    conversation?: Conversation;
    limits?: Partial<ChannelCapabilities>;
    /** Works the queues on a worker thread with the conversation of this module, as `npm start` does. */
    conversationModule?: string;
  } = {},
): Promise<Harness> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bdhvs-channels-'));
  const db = openStateDatabase(dataDir);
  const conversation = (options.conversation ?? new ScriptedConversation()) as ScriptedConversation;
  const app = await startApp({
    config: loadChannelConfig(env),
    db,
    conversation,
    channelWorker: options.conversationModule
      ? { conversationModule: options.conversationModule }
      : undefined,
    logger: silentLogger,
    host: '127.0.0.1',
    port: 0,
    limits: options.limits ?? { perChatPerSecond: 50, perChatBurst: 50, globalPerSecond: 500 },
  });
  return {
    app,
    db,
    dataDir,
    conversation,
    post: (where, body, headers = {}) =>
      fetch(`${app.address}${where}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    async close(keep = false) {
      await app.stop();
      db.close();
      if (!keep) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Rows in a table of the state database (to check that refused requests stored nothing). */
export function countRows(db: StateDatabase, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
