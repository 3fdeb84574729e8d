import type { ChannelCapabilities } from './types.ts';

/** A token bucket: `rate` tokens a second, holding at most `burst`. */
class Bucket {
  private tokens: number;
  private updated: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.updated = now;
  }

  /** Milliseconds until a token is available (0: available now). */
  waitMs(now: number): number {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updated) / 1000) * this.rate);
    this.updated = now;
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.rate) * 1000);
  }

  take(): void {
    this.tokens -= 1;
  }

  get full(): boolean {
    return this.tokens >= this.burst;
  }
}

/**
 * Outbound pacing for one platform: a bucket per chat and one for the whole bot, plus a pause
 * when the platform says "retry after" (its limit is what counts, not our estimate of it).
 */
export class Pacer {
  private readonly chats = new Map<string, Bucket>();
  private readonly global: Bucket;
  private pausedUntil = 0;

  constructor(
    private readonly limits: Pick<
      ChannelCapabilities,
      'perChatPerSecond' | 'perChatBurst' | 'globalPerSecond'
    >,
    now: number,
  ) {
    // A small burst: any one-second window then holds at most 1.2 × the rate.
    this.global = new Bucket(limits.globalPerSecond, Math.max(1, Math.ceil(limits.globalPerSecond / 5)), now);
  }

  /** Takes a slot for `chatId` and returns 0, or returns how long to wait and takes nothing. */
  reserve(chatId: string, now: number): number {
    if (now < this.pausedUntil) return this.pausedUntil - now;
    let chat = this.chats.get(chatId);
    if (!chat) {
      if (this.chats.size > 10_000) this.forgetIdleChats(now);
      chat = new Bucket(this.limits.perChatPerSecond, this.limits.perChatBurst, now);
      this.chats.set(chatId, chat);
    }
    const wait = Math.max(chat.waitMs(now), this.global.waitMs(now));
    if (wait > 0) return wait;
    chat.take();
    this.global.take();
    return 0;
  }

  /** Milliseconds before any chat may be sent to (a pause or an empty global bucket). */
  globalWaitMs(now: number): number {
    return Math.max(this.pausedUntil - now, this.global.waitMs(now));
  }

  pause(untilMs: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, untilMs);
  }

  private forgetIdleChats(now: number): void {
    for (const [id, bucket] of this.chats) if (bucket.waitMs(now) === 0 && bucket.full) this.chats.delete(id);
  }
}
