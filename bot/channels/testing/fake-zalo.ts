import { startFakeServer, type FakeServer } from './fake-server.ts';

/**
 * Zalo OA Open API and OAuth stand-ins. The OA server accepts only the current access token
 * (-216 otherwise); the OAuth server accepts each refresh token once and rotates the pair.
 */
export class FakeZaloOa {
  readonly messages: { userId: string; message: Record<string, unknown> }[] = [];
  refreshCalls = 0;
  accessToken: string;
  refreshToken: string;
  /** Error codes to answer the next sends with, in order (e.g. -230, -32). */
  readonly failNext: number[] = [];
  api!: FakeServer;
  oauth!: FakeServer;
  private generation = 0;

  constructor(
    readonly appSecret: string,
    initial: { accessToken: string; refreshToken: string },
  ) {
    this.accessToken = initial.accessToken;
    this.refreshToken = initial.refreshToken;
  }

  async start(): Promise<this> {
    this.api = await startFakeServer(({ path, headers, body }) => {
      if (path !== '/v3.0/oa/message/cs') return [404, { error: -201, message: 'unknown endpoint' }];
      if (headers.access_token !== this.accessToken)
        return [200, { error: -216, message: 'Access token is invalid' }];
      const code = this.failNext.shift();
      if (code) return [200, { error: code, message: 'failure' }];
      this.messages.push({ userId: body.recipient.user_id, message: body.message });
      return [200, { error: 0, message: 'Success', data: { message_id: `m${this.messages.length}` } }];
    });
    this.oauth = await startFakeServer(async ({ path, headers, body }) => {
      if (path !== '/v4/oa/access_token') return [404, {}];
      this.refreshCalls++;
      await new Promise((r) => setTimeout(r, 30)); // room for concurrent callers to pile up
      if (headers.secret_key !== this.appSecret || body.grant_type !== 'refresh_token')
        return [200, { error: -14002, error_description: 'invalid app' }];
      if (body.refresh_token !== this.refreshToken)
        return [200, { error: -14014, error_description: 'Invalid refresh token' }];
      this.generation++;
      this.accessToken = `access-${this.generation}`;
      this.refreshToken = `refresh-${this.generation}`;
      return [200, { access_token: this.accessToken, refresh_token: this.refreshToken, expires_in: '90000' }];
    });
    return this;
  }

  url(): string {
    return this.api.url;
  }

  /** Makes the current access token stale, as if it expired. */
  expireAccessToken(): void {
    this.accessToken = `${this.accessToken}-expired-server-side`;
  }

  async close(): Promise<void> {
    await Promise.all([this.api.close(), this.oauth.close()]);
  }
}

/** The Zalo Bot platform stand-in: getUpdates hands out queued updates (no offsets). */
export class FakeZaloBot {
  readonly sent: { chat_id: string; text: string }[] = [];
  readonly queued: unknown[] = [];
  webhook: { url: string; secret_token: string } | null = null;
  server!: FakeServer;

  constructor(readonly token: string) {}

  async start(): Promise<this> {
    this.server = await startFakeServer(async ({ path, body }) => {
      const prefix = `/bot${this.token}/`;
      if (!path.startsWith(prefix)) return [404, { ok: false, error_code: 404, description: 'Not Found' }];
      switch (path.slice(prefix.length)) {
        case 'sendMessage':
          if (typeof body.text !== 'string' || body.text.length > 2000 || !body.text)
            return [400, { ok: false, error_code: 400, description: 'text length' }];
          this.sent.push(body);
          return [200, { ok: true, result: { message_id: `s${this.sent.length}` } }];
        case 'setWebhook':
          this.webhook = body;
          return [200, { ok: true, result: { url: body.url } }];
        case 'deleteWebhook':
          this.webhook = null;
          return [200, { ok: true, result: {} }];
        case 'getUpdates':
          for (let i = 0; i < 10; i++) {
            const next = this.queued.shift();
            if (next) return [200, { ok: true, result: next }];
            await new Promise((r) => setTimeout(r, 10));
          }
          return [200, { ok: false, error_code: 408, description: 'Request timeout' }];
        default:
          return [404, { ok: false, error_code: 404, description: 'Not Found' }];
      }
    });
    return this;
  }

  get url(): string {
    return this.server.url;
  }

  close(): Promise<void> {
    return this.server.close();
  }
}
