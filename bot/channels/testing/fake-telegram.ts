import { startFakeServer, type FakeServer } from './fake-server.ts';

export interface SentMessage {
  chat_id: string;
  text: string;
  parse_mode?: string;
  reply_markup?: { inline_keyboard: { text: string; callback_data: string }[][] };
}

/**
 * A Telegram Bot API stand-in: records sendMessage and answerCallbackQuery, serves queued
 * updates to getUpdates by offset, and can enforce a global send limit with 429 + retry_after.
 */
export class FakeTelegram {
  readonly sent: SentMessage[] = [];
  readonly answeredQueries: string[] = [];
  readonly updates: { update_id: number; [key: string]: unknown }[] = [];
  webhook: { url: string; secret_token?: string } | null = null;
  tooManyRequests = 0;
  /** Fail this many upcoming sendMessage calls with 429. */
  fail429 = 0;
  private recent: number[] = [];
  private server!: FakeServer;

  constructor(
    readonly token: string,
    private readonly limit?: { perSecond: number; retryAfterSeconds: number },
  ) {}

  get url(): string {
    return this.server.url;
  }

  async start(): Promise<this> {
    this.server = await startFakeServer(async ({ path, body }) => {
      const prefix = `/bot${this.token}/`;
      if (!path.startsWith(prefix)) return [404, { ok: false, error_code: 404, description: 'Not Found' }];
      const method = path.slice(prefix.length);
      switch (method) {
        case 'sendMessage':
          return this.sendMessage(body as SentMessage);
        case 'answerCallbackQuery':
          this.answeredQueries.push(body.callback_query_id);
          return [200, { ok: true, result: true }];
        case 'setWebhook':
          this.webhook = body;
          return [200, { ok: true, result: true }];
        case 'deleteWebhook':
          this.webhook = null;
          return [200, { ok: true, result: true }];
        case 'getUpdates': {
          const offset = Number(body.offset ?? 0);
          for (let i = 0; i < 20; i++) {
            const ready = this.updates.filter((u) => u.update_id >= offset);
            if (ready.length) return [200, { ok: true, result: ready.slice(0, body.limit ?? 100) }];
            await new Promise((r) => setTimeout(r, 10));
          }
          return [200, { ok: true, result: [] }];
        }
        default:
          return [404, { ok: false, error_code: 404, description: 'Not Found' }];
      }
    });
    return this;
  }

  private sendMessage(message: SentMessage): [number, unknown] {
    const now = Date.now();
    this.recent = this.recent.filter((t) => now - t < 1000);
    const overLimit = this.limit && this.recent.length >= this.limit.perSecond;
    if (this.fail429 > 0 || overLimit) {
      if (this.fail429 > 0) this.fail429--;
      this.tooManyRequests++;
      const retryAfter = this.limit?.retryAfterSeconds ?? 1;
      return [
        429,
        {
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${retryAfter}`,
          parameters: { retry_after: retryAfter },
        },
      ];
    }
    this.recent.push(now);
    this.sent.push(message);
    return [
      200,
      { ok: true, result: { message_id: this.sent.length, date: 0, chat: { id: 1, type: 'private' } } },
    ];
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
