import http from 'node:http';
import type { Logger } from 'pino';
import { Telegraf, TelegramError } from 'telegraf';
import type { Update } from 'telegraf/types';
import type { TelegramConfig } from '../config.ts';
import { startPolling, type Polling } from '../polling.ts';
import { parseJsonObject, sameSecret } from '../secret.ts';
import { escapeHtml } from '../text.ts';
import {
  SendError,
  type ChannelAdapter,
  type ChannelCapabilities,
  type InboundUpdate,
  type Intake,
  type OutboundMessage,
  type OutboundPart,
  type WebhookRequest,
  type WebhookVerdict,
} from '../types.ts';

/** Telegram's published limits: 4096 characters, ~1 message/s per chat, ~30/s overall. */
export const TELEGRAM_CAPABILITIES: ChannelCapabilities = {
  maxTextLength: 4096,
  maxButtons: 8,
  perChatPerSecond: 1,
  perChatBurst: 3,
  globalPerSecond: 25,
};

const ALLOWED_UPDATES = ['message', 'callback_query'] as const;
const POLL_TIMEOUT_SECONDS = 25;

interface TelegramBody {
  text: string;
  keyboard?: { text: string; callback_data: string }[][];
}

/**
 * Telegram through telegraf's API client: long polling without PUBLIC_URL, otherwise a webhook
 * (checked by its secret token) on our own server. Updates are stored before Telegram is
 * acknowledged; telegraf's middleware chain is not used, so acknowledging never waits on the core.
 */
export class TelegramChannel implements ChannelAdapter {
  readonly name = 'telegram';
  readonly capabilities: ChannelCapabilities;
  readonly webhook?: ChannelAdapter['webhook'];
  private readonly bot: Telegraf;
  private polling?: Polling;

  constructor(
    private readonly config: TelegramConfig,
    private readonly logger: Logger,
    limits: Partial<ChannelCapabilities> = {},
  ) {
    this.capabilities = { ...TELEGRAM_CAPABILITIES, ...limits };
    this.bot = new Telegraf(config.token, { telegram: { apiRoot: config.apiRoot } });
    // telegraf drops its keep-alive agent for http:// roots (local Bot API servers, test fakes).
    if (config.apiRoot.startsWith('http://'))
      this.bot.telegram.options.agent = new http.Agent({ keepAlive: true });
    if (config.webhook) {
      const secret = config.webhook.secret;
      this.webhook = { path: '/webhooks/telegram', verify: (request) => this.verify(request, secret) };
    }
  }

  private verify(request: WebhookRequest, secret: string): WebhookVerdict {
    if (!sameSecret(request.headers['x-telegram-bot-api-secret-token'], secret))
      return { ok: false, status: 401, reason: 'bad secret token' };
    const body = parseJsonObject(request.rawBody);
    if (!body || !Number.isSafeInteger(body.update_id))
      return { ok: false, status: 400, reason: 'not an update' };
    const update = parseTelegramUpdate(body as unknown as Update);
    return { ok: true, updates: update ? [update] : [] };
  }

  async acknowledge(update: InboundUpdate): Promise<void> {
    const id = update.context?.callbackQueryId;
    if (id) await this.bot.telegram.answerCbQuery(id);
  }

  render(update: InboundUpdate, parts: OutboundPart[]): OutboundMessage[] {
    return parts.map((part) => {
      const body: TelegramBody = { text: escapeHtml(part.text) };
      if (part.buttons.length)
        body.keyboard = part.buttons.map((b) => [{ text: b.label, callback_data: b.id }]);
      return { chatId: update.chatId, body };
    });
  }

  async send(message: OutboundMessage): Promise<void> {
    const body = message.body as TelegramBody;
    try {
      await this.bot.telegram.sendMessage(message.chatId, body.text, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...(body.keyboard ? { reply_markup: { inline_keyboard: body.keyboard } } : {}),
      });
    } catch (error) {
      throw toSendError(error);
    }
  }

  async start(intake: Intake): Promise<void> {
    if (this.config.webhook) {
      await this.bot.telegram.setWebhook(this.config.webhook.url, {
        secret_token: this.config.webhook.secret,
        allowed_updates: [...ALLOWED_UPDATES],
      });
      this.logger.info({ channel: this.name }, 'telegram webhook registered');
      return;
    }
    await this.bot.telegram.deleteWebhook().catch((error: unknown) => {
      this.logger.warn(
        { channel: this.name, err: (error as Error).message },
        'telegram deleteWebhook failed',
      );
    });
    let offset = 0;
    // Updates are confirmed to Telegram (the next offset) only after they are stored.
    this.polling = startPolling(this.name, this.logger, async (signal) => {
      const updates = (await this.bot.telegram.callApi(
        'getUpdates',
        { timeout: POLL_TIMEOUT_SECONDS, limit: 100, offset, allowed_updates: [...ALLOWED_UPDATES] },
        { signal: signal as never },
      )) as Update[];
      const parsed = updates.map(parseTelegramUpdate).filter((u): u is InboundUpdate => u !== null);
      if (parsed.length) await intake.accept(this.name, parsed);
      const last = updates.at(-1);
      if (last) offset = last.update_id + 1;
    });
  }

  async stop(): Promise<void> {
    await this.polling?.stop();
    this.polling = undefined;
  }
}

/** Private text messages and button taps become updates; stickers and photos a text-only notice. */
export function parseTelegramUpdate(update: Update): InboundUpdate | null {
  const dedupeKey = String(update.update_id);
  if ('callback_query' in update && update.callback_query) {
    const query = update.callback_query;
    const chatId = String(query.message?.chat.id ?? query.from.id);
    const context = { callbackQueryId: query.id };
    if (!('data' in query) || typeof query.data !== 'string') return null;
    return { dedupeKey, chatId, kind: 'message', buttonId: query.data, context };
  }
  if ('message' in update && update.message) {
    const message = update.message;
    if (message.chat.type !== 'private') return null;
    const chatId = String(message.chat.id);
    if ('text' in message && typeof message.text === 'string')
      return { dedupeKey, chatId, kind: 'message', text: message.text };
    return { dedupeKey, chatId, kind: 'unsupported' };
  }
  return null;
}

function toSendError(error: unknown): SendError {
  if (error instanceof TelegramError) {
    const retryAfter = error.parameters?.retry_after;
    if (error.code === 429) return new SendError(`telegram 429`, true, (retryAfter ?? 1) * 1000);
    return new SendError(`telegram ${error.code}: ${error.description}`, error.code >= 500);
  }
  return new SendError(`telegram unreachable: ${(error as Error)?.message ?? 'unknown'}`, true);
}
