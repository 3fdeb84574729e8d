import axios, { type AxiosInstance } from 'axios';
import type { Logger } from 'pino';
import type { ZaloBotConfig } from '../config.ts';
import { startPolling, type Polling } from '../polling.ts';
import { parseJsonObject, sameSecret } from '../secret.ts';
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

/** 2000 characters per message and no buttons: menus are numbered text. */
export const ZALO_BOT_CAPABILITIES: ChannelCapabilities = {
  maxTextLength: 2000,
  maxButtons: 0,
  perChatPerSecond: 1,
  perChatBurst: 3,
  globalPerSecond: 20,
};

const POLL_TIMEOUT_SECONDS = 30;

/**
 * The Zalo Bot platform (a Telegram-like API): getUpdates polling or a webhook checked by its
 * secret header; text only, so buttons become numbered menus.
 */
export class ZaloBotChannel implements ChannelAdapter {
  readonly name = 'zalo-bot';
  readonly capabilities: ChannelCapabilities;
  readonly webhook?: ChannelAdapter['webhook'];
  private readonly http: AxiosInstance;
  private polling?: Polling;

  constructor(
    private readonly config: ZaloBotConfig,
    private readonly logger: Logger,
    limits: Partial<ChannelCapabilities> = {},
  ) {
    this.capabilities = { ...ZALO_BOT_CAPABILITIES, ...limits };
    this.http = axios.create({
      baseURL: `${config.apiBase}/bot${config.token}/`,
      timeout: (POLL_TIMEOUT_SECONDS + 15) * 1000,
      validateStatus: () => true,
    });
    if (config.webhook) {
      const secret = config.webhook.secret;
      this.webhook = { path: '/webhooks/zalo-bot', verify: (request) => this.verify(request, secret) };
    }
  }

  private verify(request: WebhookRequest, secret: string): WebhookVerdict {
    if (!sameSecret(request.headers['x-bot-api-secret-token'], secret))
      return { ok: false, status: 401, reason: 'bad secret token' };
    const body = parseJsonObject(request.rawBody);
    if (!body) return { ok: false, status: 400, reason: 'not a JSON object' };
    const update = parseZaloBotUpdate(body);
    if (update === 'malformed') return { ok: false, status: 400, reason: 'malformed update' };
    return { ok: true, updates: update ? [update] : [] };
  }

  render(update: InboundUpdate, parts: OutboundPart[]): OutboundMessage[] {
    return parts.map((part) => ({ chatId: update.chatId, body: { text: part.text } }));
  }

  async send(message: OutboundMessage): Promise<void> {
    const { text } = message.body as { text: string };
    await this.call('sendMessage', { chat_id: message.chatId, text });
  }

  async start(intake: Intake): Promise<void> {
    if (this.config.webhook) {
      await this.call('setWebhook', {
        url: this.config.webhook.url,
        secret_token: this.config.webhook.secret,
      });
      this.logger.info({ channel: this.name }, 'zalo bot webhook registered');
      return;
    }
    await this.call('deleteWebhook', {}).catch((error: unknown) => {
      this.logger.warn(
        { channel: this.name, err: (error as Error).message },
        'zalo bot deleteWebhook failed',
      );
    });
    // getUpdates has no offset: an update may come twice, and the inbox drops the second.
    this.polling = startPolling(this.name, this.logger, async (signal) => {
      const result = await this.call('getUpdates', { timeout: POLL_TIMEOUT_SECONDS }, signal);
      const updates = (Array.isArray(result) ? result : result ? [result] : [])
        .map((u) => parseZaloBotUpdate(u as Record<string, unknown>))
        .filter((u): u is InboundUpdate => !!u && u !== 'malformed');
      if (updates.length) await intake.accept(this.name, updates);
    });
  }

  async stop(): Promise<void> {
    await this.polling?.stop();
    this.polling = undefined;
  }

  private async call(method: string, payload: object, signal?: AbortSignal): Promise<unknown> {
    const response = await this.http.post(method, payload, { signal }).catch((error: unknown) => {
      throw new SendError(`zalo bot unreachable: ${(error as Error).message}`, true);
    });
    const data = (response.data ?? {}) as {
      ok?: boolean;
      result?: unknown;
      error_code?: number;
      description?: string;
      parameters?: { retry_after?: number };
    };
    if (response.status === 429 || data.error_code === 429)
      throw new SendError('zalo bot 429', true, (data.parameters?.retry_after ?? 1) * 1000);
    if (response.status >= 500) throw new SendError(`zalo bot http ${response.status}`, true);
    if (data.ok !== true)
      throw new SendError(
        `zalo bot ${data.error_code ?? response.status}: ${String(data.description ?? '').slice(0, 100)}`,
        false,
      );
    return data.result;
  }
}

/** A text message, or the text-only notice for images and stickers; bodies may be wrapped in {ok, result}. */
export function parseZaloBotUpdate(body: Record<string, unknown>): InboundUpdate | null | 'malformed' {
  const update =
    'result' in body && body.result && typeof body.result === 'object'
      ? (body.result as Record<string, unknown>)
      : body;
  const event = update.event_name;
  const message = update.message as Record<string, unknown> | undefined;
  if (typeof event !== 'string' || !message || typeof message !== 'object') return 'malformed';
  const id = message.message_id;
  const chat = message.chat as { id?: unknown } | undefined;
  const from = message.from as { id?: unknown } | undefined;
  const chatId = chat?.id ?? from?.id;
  if (
    (typeof id !== 'string' && typeof id !== 'number') ||
    (typeof chatId !== 'string' && typeof chatId !== 'number')
  )
    return 'malformed';
  const base = { dedupeKey: String(id), chatId: String(chatId) };
  if (event === 'message.text.received' && typeof message.text === 'string')
    return { ...base, kind: 'message', text: message.text };
  if (event.startsWith('message.')) return { ...base, kind: 'unsupported' };
  return null;
}
