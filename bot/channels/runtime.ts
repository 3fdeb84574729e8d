import type { Logger } from 'pino';
import type { ChannelName, Conversation, IncomingMessage, Reply } from '../conversation/types.ts';
import type { StateDatabase } from '../state/database.ts';
import { UserKeys } from '../state/user-key.ts';
import { ChannelStore, type InboxItem, type OutboxItem } from './channel-store.ts';
import { GroupCommit } from './group-commit.ts';
import { PendingQueue } from './pending-queue.ts';
import { Pacer } from './pacer.ts';
import { buttonFromNumber, shapeReplies, TEXT_ONLY_NOTICE } from './text.ts';
import { startAdapters } from './adapters.ts';
import { describeError, SendError, type ChannelAdapter, type Channels, type InboundUpdate } from './types.ts';

/** What the core receives when someone follows the OA: the same as Telegram's Start button. */
export const GREETING_TEXT = '/start';

const SORRY: Reply = {
  text: 'Xin lỗi bạn, hệ thống đang gặp trục trặc. Bạn vui lòng thử lại sau ít phút nhé.',
  buttons: [],
};

export interface RuntimeOptions {
  db: StateDatabase;
  conversation: Conversation;
  adapters: ChannelAdapter[];
  logger: Logger;
  /** Updates handled at once (one at a time per chat, so a person's turns stay in order). */
  inboxConcurrency?: number;
  /** Platform calls in flight at once. */
  outboxConcurrency?: number;
  /** Attempts before a reply is given up. */
  maxAttempts?: number;
  now?: () => number;
}

/**
 * Moves updates from the inbox through the conversation core into the outbox, and the outbox
 * to the platforms, paced and retried. Both queues live in the state database, so a restart
 * resumes where the last process stopped.
 */
export class ChannelRuntime implements Channels {
  readonly store: ChannelStore;
  private readonly writes: GroupCommit;
  private readonly adapters = new Map<ChannelName, ChannelAdapter>();
  private readonly pacers = new Map<ChannelName, Pacer>();
  private readonly userKeys: UserKeys;
  private readonly now: () => number;
  private readonly inbox: PendingQueue<InboxItem>;
  private readonly outbox: PendingQueue<OutboxItem>;
  private readonly busyChats = new Set<string>();
  private readonly sendingChats = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private handling = 0;
  private sending = 0;
  private running = false;
  private pumpScheduled = false;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  private pruneTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: RuntimeOptions) {
    this.now = options.now ?? Date.now;
    this.store = new ChannelStore(options.db, this.now);
    this.writes = new GroupCommit(options.db);
    this.inbox = new PendingQueue((limit, afterId) => this.store.pendingInbox(limit, afterId));
    this.outbox = new PendingQueue((limit, afterId) => this.store.pendingOutbox(limit, afterId));
    this.userKeys = new UserKeys(options.db);
    for (const adapter of options.adapters) {
      this.adapters.set(adapter.name, adapter);
      this.pacers.set(adapter.name, new Pacer(adapter.capabilities, this.now()));
    }
  }

  channelNames(): ChannelName[] {
    return [...this.adapters.keys()];
  }

  adapterList(): ChannelAdapter[] {
    return [...this.adapters.values()];
  }

  /** Resumes both queues, then lets each adapter register its webhook or start polling. */
  async start(): Promise<void> {
    this.startQueues();
    await startAdapters(this.adapterList(), this, this.options.logger);
  }

  /** Resumes both queues only: another thread takes the updates in (ThreadedChannels). */
  startQueues(): void {
    this.running = true;
    this.store.prune();
    this.pruneTimer = setInterval(() => this.store.prune(), 3600_000).unref();
    this.pump();
  }

  /** Stops polling, lets calls in flight finish; whatever is queued waits in the database. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    clearInterval(this.pruneTimer);
    await Promise.all([...this.adapters.values()].map((a) => a.stop?.()));
    await Promise.allSettled([...this.inFlight]);
  }

  /** Nothing to release: the database belongs to the caller. */
  close(): void {}

  async accept(channel: ChannelName, updates: InboundUpdate[]): Promise<number> {
    const fresh = await this.writes.run(() => this.store.accept(channel, updates));
    this.stored(fresh);
    return fresh.length;
  }

  /** Updates just committed to the inbox, here or by another connection (the webhook thread). */
  stored(items: InboxItem[]): void {
    if (!items.length) return;
    this.inbox.add(items);
    this.pump();
  }

  /** Resolves when nothing is queued or in flight (tests and benchmarks). */
  async idle(timeoutMs = 10_000): Promise<void> {
    const until = this.now() + timeoutMs;
    for (;;) {
      const c = this.store.counts();
      if (!c.inbox && !c.outbox && !this.inFlight.size) return;
      if (this.now() > until) throw new Error(`channels not idle: ${JSON.stringify(c)}`);
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Schedules one pass over both queues; many triggers in one tick make one pass. */
  private pump(): void {
    if (!this.running || this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      if (!this.running) return;
      this.pumpInbox();
      this.pumpOutbox();
    });
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work
      .catch((error: unknown) => {
        // Only a failing state database gets here; the row stays pending for the next start.
        this.options.logger.error({ err: describeError(error) }, 'channel queue write failed');
      })
      .finally(() => {
        this.inFlight.delete(work);
        this.pump();
      });
  }

  private pumpInbox(): void {
    this.inbox.refresh();
    const limit = this.options.inboxConcurrency ?? 8;
    for (const item of this.inbox.items.values()) {
      if (this.handling >= limit) break;
      const chat = `${item.channel}:${item.update.chatId}`;
      if (this.busyChats.has(chat)) continue;
      this.inbox.items.delete(item.id);
      this.busyChats.add(chat);
      this.handling++;
      this.track(
        this.handle(item).finally(() => {
          this.busyChats.delete(chat);
          this.handling--;
        }),
      );
    }
  }

  private async handle(item: InboxItem): Promise<void> {
    const adapter = this.adapters.get(item.channel);
    if (!adapter) return; // channel no longer configured: the update waits in the inbox
    const { update } = item;
    const userKey = this.userKeys.keyOf(item.channel, update.chatId);
    const menu = this.store.menu(userKey);
    await adapter.acknowledge?.(update).catch((error: unknown) => {
      this.options.logger.warn(
        { channel: item.channel, err: describeError(error) },
        'acknowledgement failed',
      );
    });
    let replies: Reply[];
    if (update.kind === 'unsupported') replies = [{ text: TEXT_ONLY_NOTICE, buttons: [] }];
    else {
      const buttonId = update.buttonId ?? buttonFromNumber(update.text, menu);
      const message: IncomingMessage = { channel: item.channel, userId: update.chatId };
      if (update.kind === 'greeting') message.text = GREETING_TEXT;
      else if (buttonId) message.buttonId = buttonId;
      else message.text = update.text ?? '';
      const started = this.now();
      replies = await this.options.conversation.handle(message).catch((error: unknown) => {
        this.options.logger.error(
          { channel: item.channel, err: describeError(error) },
          'conversation failed',
        );
        return [SORRY];
      });
      this.options.logger.debug({ channel: item.channel, ms: this.now() - started }, 'turn handled');
    }
    const shaped = shapeReplies(replies, adapter.capabilities);
    const keepMenu = update.kind === 'unsupported' ? menu : shaped.menu;
    const messages = adapter.render(update, shaped.parts);
    const queued = await this.writes.run(() =>
      this.store.complete(item, messages, { userKey, buttons: keepMenu }),
    );
    this.outbox.add(queued);
  }

  private pumpOutbox(): void {
    this.outbox.refresh();
    const limit = this.options.outboxConcurrency ?? 16;
    const now = this.now();
    let wakeAt = Infinity;
    const heads = new Set<string>();
    const blocked = new Set<ChannelName>();
    for (const item of this.outbox.items.values()) {
      if (this.sending >= limit) break;
      const chat = `${item.channel}:${item.message.chatId}`;
      if (heads.has(chat)) continue; // a chat's messages go out in order
      heads.add(chat);
      const pacer = this.pacers.get(item.channel);
      if (this.sendingChats.has(chat) || !pacer || blocked.has(item.channel)) continue;
      const globalWait = pacer.globalWaitMs(now);
      if (globalWait > 0) {
        // Nothing of this channel can go now: skip the rest of its queue in this pass.
        blocked.add(item.channel);
        wakeAt = Math.min(wakeAt, now + globalWait);
        continue;
      }
      if (item.notBefore > now) {
        wakeAt = Math.min(wakeAt, item.notBefore);
        continue;
      }
      const wait = pacer.reserve(item.message.chatId, now);
      if (wait > 0) {
        wakeAt = Math.min(wakeAt, now + wait);
        continue;
      }
      this.sendingChats.add(chat);
      this.sending++;
      this.track(
        this.send(item).finally(() => {
          this.sendingChats.delete(chat);
          this.sending--;
        }),
      );
    }
    this.wakeAt(wakeAt);
  }

  private async send(item: OutboxItem): Promise<void> {
    const adapter = this.adapters.get(item.channel)!;
    try {
      await adapter.send(item.message);
    } catch (error) {
      await this.sendFailed(item, error);
      return;
    }
    this.outbox.items.delete(item.id);
    await this.writes.run(() => this.store.sent(item.id));
  }

  private async sendFailed(item: OutboxItem, error: unknown): Promise<void> {
    const failure = error instanceof SendError ? error : new SendError(describeError(error), true);
    const attempts = item.attempts + 1;
    const log = { channel: item.channel, attempts, err: failure.message };
    if (!failure.retryable || attempts >= (this.options.maxAttempts ?? 8)) {
      this.options.logger.error(log, 'reply given up');
      this.outbox.items.delete(item.id);
      await this.writes.run(() => this.store.failed(item.id, failure.message));
      return;
    }
    const now = this.now();
    const delay = failure.retryAfterMs ?? Math.min(60_000, 500 * 2 ** attempts) * (0.75 + Math.random() / 2);
    if (failure.retryAfterMs !== undefined) this.pacers.get(item.channel)?.pause(now + failure.retryAfterMs);
    this.options.logger.warn({ ...log, delayMs: Math.round(delay) }, 'reply will be retried');
    item.attempts = attempts;
    item.notBefore = now + delay;
    await this.writes.run(() => this.store.retryLater(item.id, item.notBefore, failure.message));
  }

  private wakeAt(at: number): void {
    if (!this.running || at === Infinity || at >= this.timerAt) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timerAt = Infinity;
        this.pump();
      },
      Math.max(0, at - this.now()),
    );
  }
}
