/**
 * The channel worker thread (started by ThreadedChannels): takes the updates the HTTP thread has
 * stored, runs them through the conversation core, queues and sends the replies. It is a
 * ChannelRuntime working the queues only (the HTTP thread takes updates in, by webhook or
 * polling), with its own connection to the state database and a conversation built here, from
 * a module the HTTP thread names.
 */
import fs from 'node:fs';
import os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { logger } from '../../knowledge/logger.ts';
import type { Conversation } from '../conversation/types.ts';
import { openStateDatabase } from '../state/database.ts';
import { createAdapters } from './adapters.ts';
import type { InboxItem } from './channel-store.ts';
import type { ChannelConfig } from './config.ts';
import { ChannelRuntime } from './runtime.ts';
import { describeError, type ChannelCapabilities } from './types.ts';

/**
 * What a conversation module exports for the worker: the real assistant (bot/assistant.ts), or
 * a stand-in in tests and benchmarks. Objects cannot cross threads, so the worker builds its own.
 */
export interface ConversationModule {
  openConversation(): Promise<{ conversation: Conversation; close?(): void }>;
}

export interface ThreadStart {
  /** Where the state database is (the same file the HTTP thread stores updates in). */
  dataDir: string;
  config: ChannelConfig;
  limits?: Partial<ChannelCapabilities>;
  logLevel: string;
  /** URL of a ConversationModule. */
  conversationModule: string;
}

/** Messages to the worker; those with an id are answered with a ThreadReply of that id. */
export type ToThread =
  | { type: 'start'; id: number; start: ThreadStart }
  | { type: 'stored'; items: InboxItem[] }
  | { type: 'idle'; id: number; timeoutMs: number }
  | { type: 'stop'; id: number };

export interface ThreadReply {
  id: number;
  error?: string;
}

const port = parentPort!;
let runtime: ChannelRuntime | undefined;
let close = () => {};

port.on('message', (message: ToThread) => {
  // Before the runtime's first read of the inbox, stored updates are found there anyway.
  if (message.type === 'stored') return runtime?.stored(message.items);
  run(message).then(
    () => port.postMessage({ id: message.id } satisfies ThreadReply),
    (error: unknown) =>
      port.postMessage({ id: message.id, error: describeError(error) } satisfies ThreadReply),
  );
});

async function run(message: Exclude<ToThread, { type: 'stored' }>): Promise<void> {
  switch (message.type) {
    case 'start':
      return start(message.start);
    case 'idle':
      return runtime?.idle(message.timeoutMs);
    case 'stop':
      await runtime?.stop();
      close();
  }
}

async function start(options: ThreadStart): Promise<void> {
  logger.level = options.logLevel;
  lowerThreadPriority();
  const db = openStateDatabase(options.dataDir);
  try {
    const module = (await import(options.conversationModule)) as ConversationModule;
    const opened = await module.openConversation();
    close = () => {
      opened.close?.();
      db.close();
    };
    const adapters = createAdapters(options.config, db, logger, options.limits);
    runtime = new ChannelRuntime({ db, conversation: opened.conversation, adapters, logger });
  } catch (error) {
    db.close();
    throw error;
  }
  runtime.startQueues();
}

/**
 * When the CPU is short, replies may wait a little; acknowledgements (the HTTP thread) should
 * not, or the platforms resend. Linux schedules each thread on its own, by thread id.
 */
function lowerThreadPriority(): void {
  try {
    const threadId = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
    os.setPriority(threadId, os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Elsewhere both threads are scheduled alike.
  }
}
