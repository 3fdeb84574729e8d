import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { typeScriptWorker } from '../../knowledge/typescript-worker.ts';
import type { ChannelName } from '../conversation/types.ts';
import { openStateDatabase, STATE_FILE, type StateDatabase } from '../state/database.ts';
import { createAdapters, startAdapters } from './adapters.ts';
import { ChannelStore } from './channel-store.ts';
import type { ThreadReply, ThreadStart, ToThread } from './channel-thread.ts';
import type { ChannelConfig } from './config.ts';
import { GroupCommit } from './group-commit.ts';
import type { ChannelAdapter, ChannelCapabilities, Channels, InboundUpdate } from './types.ts';

const THREAD_FILE = new URL('./channel-thread.ts', import.meta.url).href;
/** Pause before a worker that died is replaced (the queues wait in the database meanwhile). */
const RESPAWN_DELAY_MS = 1000;
/** How soon a commit that found the write lock taken (by the worker) is tried again. */
const BUSY_RETRY_MS = 1;

export interface ThreadedChannelsOptions {
  config: ChannelConfig;
  db: StateDatabase;
  logger: Logger;
  /** URL of the module the worker builds its conversation from (see ConversationModule). */
  conversationModule: string;
  limits?: Partial<ChannelCapabilities>;
}

/**
 * The channels over two threads. This one, the HTTP server's, only takes updates in: the
 * webhook routes verify them (or polling fetches them), `accept` stores them in the inbox, the
 * platform gets its 200. A worker thread (channel-thread.ts) with its own connection to the
 * state database does the rest: the conversation core, the outbox, pacing and the platform
 * calls. At a thousand updates a second that work fills an event loop, and acknowledgements
 * would queue behind it. Only this thread writes the inbox, so the worker sees its rows arrive
 * in id order, as its in-memory view of the queue needs (PendingQueue).
 *
 * Updates are stored through a connection of their own that never blocks this thread: when the
 * worker holds the write lock, the commit is retried a moment later while requests keep coming
 * in, and WAL checkpoints (a file sync) are left to the worker's connection.
 */
export class ThreadedChannels implements Channels {
  readonly store: ChannelStore;
  private readonly intakeDb: StateDatabase;
  private readonly writes: GroupCommit;
  /** Here to take updates in (webhook checks, polling); the worker has its own to send with. */
  private readonly adapters: ChannelAdapter[];
  private readonly calls = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private worker: Worker | undefined;
  private nextCallId = 0;
  private running = false;

  constructor(private readonly options: ThreadedChannelsOptions) {
    if (path.basename(options.db.name) !== STATE_FILE)
      throw new Error(`the channel worker opens ${STATE_FILE}, not ${options.db.name}`);
    this.intakeDb = openStateDatabase(path.dirname(options.db.name));
    this.intakeDb.pragma('busy_timeout = 0');
    this.intakeDb.pragma('wal_autocheckpoint = 0');
    this.store = new ChannelStore(this.intakeDb);
    this.writes = new GroupCommit(this.intakeDb, BUSY_RETRY_MS);
    this.adapters = createAdapters(options.config, options.db, options.logger, options.limits);
  }

  channelNames(): ChannelName[] {
    return this.adapters.map((adapter) => adapter.name);
  }

  adapterList(): ChannelAdapter[] {
    return this.adapters;
  }

  async accept(channel: ChannelName, updates: InboundUpdate[]): Promise<number> {
    const fresh = await this.writes.run(() => this.store.accept(channel, updates));
    if (fresh.length) this.worker?.postMessage({ type: 'stored', items: fresh } satisfies ToThread);
    return fresh.length;
  }

  /** Starts the worker (resolves once its conversation is built), then the webhooks or polling. */
  async start(): Promise<void> {
    this.running = true;
    await this.spawn();
    await startAdapters(this.adapters, this, this.options.logger);
  }

  /** Stops the worker; updates still arriving are stored, and wait for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.adapters.map((adapter) => adapter.stop?.()));
    const worker = this.worker;
    if (!worker) return;
    await this.call({ type: 'stop' }).catch((error: Error) => {
      this.options.logger.error({ err: error.message }, 'channel worker did not stop cleanly');
    });
    this.worker = undefined;
    await worker.terminate();
  }

  /** Closes the intake connection (after the server has stopped taking requests). */
  close(): void {
    this.intakeDb.close();
  }

  idle(timeoutMs = 10_000): Promise<void> {
    return this.call({ type: 'idle', timeoutMs });
  }

  private spawn(): Promise<void> {
    const worker = typeScriptWorker(THREAD_FILE);
    this.worker = worker;
    worker.on('message', (reply: ThreadReply) => this.settle(reply));
    worker.on('error', (error) => {
      this.options.logger.error({ err: `${error.name}: ${error.message}` }, 'channel worker failed');
    });
    worker.on('exit', () => {
      if (this.worker !== worker) return; // stopped on purpose
      this.worker = undefined;
      this.failCalls(new Error('the channel worker exited'));
      if (this.running) setTimeout(() => this.respawn(), RESPAWN_DELAY_MS).unref();
    });
    const start: ThreadStart = {
      dataDir: path.dirname(this.options.db.name),
      config: this.options.config,
      limits: this.options.limits,
      logLevel: this.options.logger.level,
      conversationModule: this.options.conversationModule,
    };
    return this.call({ type: 'start', start });
  }

  /** A new worker resumes both queues from the database. */
  private respawn(): void {
    if (!this.running || this.worker) return;
    this.options.logger.warn('channel worker restarting');
    this.spawn().catch((error: Error) => {
      this.options.logger.error({ err: error.message }, 'channel worker failed to start');
      void this.worker?.terminate(); // its exit schedules the next attempt
    });
  }

  private call(message: DistributiveOmit<Exclude<ToThread, { type: 'stored' }>, 'id'>): Promise<void> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('the channel worker is not running'));
    const id = ++this.nextCallId;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject });
      worker.postMessage({ ...message, id } as ToThread);
    });
  }

  private settle(reply: ThreadReply): void {
    const call = this.calls.get(reply.id);
    if (!call) return;
    this.calls.delete(reply.id);
    if (reply.error === undefined) call.resolve();
    else call.reject(new Error(reply.error));
  }

  private failCalls(error: Error): void {
    for (const call of this.calls.values()) call.reject(error);
    this.calls.clear();
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
