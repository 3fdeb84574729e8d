import type { Button, ChannelName } from '../conversation/types.ts';
import type { ChannelStore } from './channel-store.ts';

/** What a platform can show, so the runtime knows how to shape replies and pace sending. */
export interface ChannelCapabilities {
  /** Longest text one message may carry (UTF-16 units, the conservative count). */
  maxTextLength: number;
  /** Most tappable buttons one message may carry; 0 means buttons become a numbered text menu. */
  maxButtons: number;
  /** Outbound pacing: messages per second to one chat, burst allowed, and overall. */
  perChatPerSecond: number;
  perChatBurst: number;
  globalPerSecond: number;
}

/**
 * One platform update reduced to what the core needs. It is stored in the inbox (raw ids
 * included, for delivery only) until the replies are queued.
 */
export interface InboundUpdate {
  /** Unique per platform: a redelivery carries the same key and is dropped. */
  dedupeKey: string;
  /** Where replies go (chat id, Zalo user id). */
  chatId: string;
  kind: 'message' | 'greeting' | 'unsupported';
  text?: string;
  buttonId?: string;
  /** Platform details replies need (message id to quote, callback query to answer). */
  context?: Record<string, string>;
}

/** A request as a webhook route sees it, before any trust is given to it. */
export interface WebhookRequest {
  headers: Record<string, string | string[] | undefined>;
  /** Exact bytes received (signatures are computed over them). */
  rawBody: Buffer;
}

export type WebhookVerdict =
  { ok: true; updates: InboundUpdate[] } | { ok: false; status: 400 | 401; reason: string };

/** One message as it will be sent: text within the platform's limit, buttons it can show. */
export interface OutboundPart {
  text: string;
  /** Native buttons (never more than `maxButtons`); a numbered menu is already in `text`. */
  buttons: Button[];
}

/** One platform call waiting in the outbox; `body` is the adapter's own JSON. */
export interface OutboundMessage {
  chatId: string;
  body: unknown;
}

/** A failed send, classified so the runtime knows whether and when to try again. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    /** The platform asked us to wait this long (429 retry_after, Zalo -32). */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

/** An error's message only: platform errors may echo the request, which holds personal data. */
export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'unknown error';
}

/** Calls the runtime makes to let an adapter feed updates it fetched itself (polling). */
export interface Intake {
  /** Persists updates (dropping duplicates); resolves, once they are stored, to how many were new. */
  accept(channel: ChannelName, updates: InboundUpdate[]): Promise<number>;
}

/**
 * Everything platform-specific lives behind this interface; the runtime (inbox, outbox,
 * pacing, retries) and the conversation core never learn which platform spoke.
 */
export interface ChannelAdapter {
  readonly name: Exclude<ChannelName, 'web' | 'terminal'>;
  readonly capabilities: ChannelCapabilities;
  /** Present when the platform can deliver by webhook. */
  readonly webhook?: {
    path: string;
    /** Checks authenticity, then shape; never throws. */
    verify(request: WebhookRequest): WebhookVerdict;
  };
  /** Turns shaped parts into platform calls, in sending order. */
  render(update: InboundUpdate, parts: OutboundPart[]): OutboundMessage[];
  /** Performs one platform call; throws SendError. */
  send(message: OutboundMessage): Promise<void>;
  /** Platform chores due as soon as an update is taken up (answering a callback query). */
  acknowledge?(update: InboundUpdate): Promise<void>;
  /** Registers the webhook or starts polling, feeding `intake`. */
  start?(intake: Intake): Promise<void>;
  stop?(): Promise<void>;
}

/**
 * The channels as the server and `npm start` see them, whether their queues are worked in this
 * thread (ChannelRuntime) or on a worker thread (ThreadedChannels).
 */
export interface Channels extends Intake {
  /** The queues in this thread's state database connection (counts for /healthz, tests). */
  readonly store: ChannelStore;
  channelNames(): ChannelName[];
  /** Adapters whose webhooks the server routes to `accept`. */
  adapterList(): ChannelAdapter[];
  start(): Promise<void>;
  /** Stops the work on the queues; `accept` still stores updates, for the next start. */
  stop(): Promise<void>;
  /** Releases what `accept` needs, once the server takes no more requests. */
  close(): void;
  /** Resolves when nothing is queued or in flight (tests and benchmarks). */
  idle(timeoutMs?: number): Promise<void>;
}
