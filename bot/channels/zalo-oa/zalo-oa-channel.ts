import type { Logger } from 'pino';
import type { StateDatabase } from '../../state/database.ts';
import type { ZaloOaConfig } from '../config.ts';
import { parseJsonObject } from '../secret.ts';
import type {
  ChannelAdapter,
  ChannelCapabilities,
  InboundUpdate,
  OutboundMessage,
  OutboundPart,
  WebhookRequest,
  WebhookVerdict,
} from '../types.ts';
import { ZALO_OA, ZaloOaClient, type ZaloOutgoing } from './client.ts';
import { validZaloSignature } from './signature.ts';
import { ZaloTokenStore } from './token-store.ts';

/** 2000 characters per message (VERIFY); Zalo publishes no pacing, so stay modest. */
export const ZALO_OA_CAPABILITIES: ChannelCapabilities = {
  maxTextLength: 2000,
  maxButtons: ZALO_OA.maxButtons,
  perChatPerSecond: 1,
  perChatBurst: 3,
  globalPerSecond: 10,
};

/**
 * Events older (or newer) than this are refused as replays. It spans Zalo's redelivery attempts,
 * and dedupe keys are kept far longer, so a replay inside the window is a mere duplicate.
 */
export const REPLAY_WINDOW_MS = 60 * 60_000;
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * A Zalo Official Account: signed webhooks in, consultation messages out. Follow events greet
 * the person; images, stickers and the like get the text-only notice.
 */
export class ZaloOaChannel implements ChannelAdapter {
  readonly name = 'zalo';
  readonly capabilities: ChannelCapabilities;
  readonly webhook: ChannelAdapter['webhook'];
  readonly client: ZaloOaClient;

  constructor(
    private readonly config: ZaloOaConfig,
    db: StateDatabase,
    logger: Logger,
    limits: Partial<ChannelCapabilities> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.capabilities = { ...ZALO_OA_CAPABILITIES, ...limits };
    this.client = new ZaloOaClient(config, new ZaloTokenStore(db), logger);
    this.webhook = { path: '/webhooks/zalo', verify: (request) => this.verify(request) };
  }

  private verify(request: WebhookRequest): WebhookVerdict {
    const body = parseJsonObject(request.rawBody);
    if (!body) return { ok: false, status: 400, reason: 'not a JSON object' };
    const appId = scalar(body.app_id);
    const timestamp = scalar(body.timestamp);
    if (!appId || !timestamp || !/^\d+$/.test(timestamp))
      return { ok: false, status: 400, reason: 'missing app_id or timestamp' };
    const signature = request.headers['x-zevent-signature'];
    if (!validZaloSignature(signature, appId, request.rawBody, timestamp, this.config.oaSecretKey))
      return { ok: false, status: 401, reason: 'bad signature' };
    if (appId !== this.config.appId) return { ok: false, status: 401, reason: 'another app' };
    const age = this.now() - Number(timestamp);
    if (age > REPLAY_WINDOW_MS || age < -FUTURE_TOLERANCE_MS)
      return { ok: false, status: 401, reason: 'outside the replay window' };
    const update = parseZaloEvent(body, timestamp);
    if (update === 'malformed') return { ok: false, status: 400, reason: 'malformed event' };
    return { ok: true, updates: update ? [update] : [] };
  }

  render(update: InboundUpdate, parts: OutboundPart[]): OutboundMessage[] {
    return parts.map((part, i) => {
      const body: ZaloOutgoing = { text: part.text };
      if (i === 0 && update.context?.messageId) body.quoteMessageId = update.context.messageId;
      if (part.buttons.length) body.buttons = part.buttons;
      return { chatId: update.chatId, body };
    });
  }

  send(message: OutboundMessage): Promise<void> {
    return this.client.sendMessage(message.chatId, message.body as ZaloOutgoing);
  }
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string' && value) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function record(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/** One OA event as an update, null for events we ignore, 'malformed' when fields are missing. */
export function parseZaloEvent(
  body: Record<string, unknown>,
  timestamp: string,
): InboundUpdate | null | 'malformed' {
  const event = scalar(body.event_name);
  if (event === 'follow') {
    const followerId = scalar(record(body.follower).id);
    if (!followerId) return 'malformed';
    return { dedupeKey: `follow:${followerId}:${timestamp}`, chatId: followerId, kind: 'greeting' };
  }
  if (!event || !(event.startsWith('user_send_') || event === 'user_click_button')) return null;
  const senderId = scalar(record(body.sender).id);
  const message = record(body.message);
  const messageId = scalar(message.msg_id) ?? scalar(message.mid);
  if (!senderId || !messageId) return 'malformed';
  const base = { dedupeKey: messageId, chatId: senderId, context: { messageId } };
  if (event !== 'user_send_text' && event !== 'user_click_button') return { ...base, kind: 'unsupported' };
  const text = typeof message.text === 'string' ? message.text : '';
  if (text.startsWith(ZALO_OA.buttonPayloadPrefix))
    return { ...base, kind: 'message', buttonId: text.slice(ZALO_OA.buttonPayloadPrefix.length) };
  return { ...base, kind: 'message', text };
}
