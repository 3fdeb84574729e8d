import axios, { type AxiosInstance } from 'axios';
import type { Logger } from 'pino';
import type { ZaloOaConfig } from '../config.ts';
import { SendError } from '../types.ts';
import type { ZaloTokenStore } from './token-store.ts';

/** Where Zalo's wire format may differ from what is documented (VERIFY items), in one place. */
export const ZALO_OA = {
  sendPath: '/v3.0/oa/message/cs',
  refreshPath: '/v4/oa/access_token',
  /** The key quoting the resident's message (the Java SDK shows `react_message_id`). */
  quoteKey: 'quote_message_id',
  /** Hidden query buttons: the payload comes back as the person's text and is not shown. */
  buttonType: 'oa.query.hide',
  buttonPayloadPrefix: '#btn:',
  maxButtons: 5,
} as const;

const TOKEN_EXPIRED = new Set([-216, -220]);
const RATE_LIMITED = -32;
/** Window closed (-230, -232), not following (-213), inactive (-227), out of quota (-211). */
const UNDELIVERABLE = new Set([-230, -232, -213, -227, -211]);
/** Refresh a little before Zalo's stated expiry. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

export interface ZaloOutgoing {
  text: string;
  quoteMessageId?: string;
  buttons?: { id: string; label: string }[];
}

interface ZaloResponse {
  error?: number;
  message?: string;
}

/**
 * A small client for the OA Open API v3 (the design's "zalo-api-sdk wrapper"): consultation
 * messages and the access-token refresh. Zalo answers HTTP 200 for most failures, so the
 * `error` field decides; an expired token is refreshed once (single-flight) and the call resent.
 */
export class ZaloOaClient {
  private readonly http: AxiosInstance;
  private refreshing: Promise<string> | null = null;

  constructor(
    private readonly config: ZaloOaConfig,
    private readonly tokens: ZaloTokenStore,
    private readonly logger: Logger,
  ) {
    this.http = axios.create({ timeout: 15_000, validateStatus: () => true });
    tokens.seed(config.accessToken, config.refreshToken);
  }

  async sendMessage(userId: string, outgoing: ZaloOutgoing): Promise<void> {
    const body = { recipient: { user_id: userId }, message: zaloMessage(outgoing) };
    let token = await this.freshToken();
    let result = await this.post(token, body);
    if (TOKEN_EXPIRED.has(result.error ?? 0)) {
      token = await this.refresh(token);
      result = await this.post(token, body);
    }
    const code = result.error ?? 0;
    if (code === 0) return;
    if (code === RATE_LIMITED) throw new SendError('zalo -32 rate limited', true, 2000);
    if (UNDELIVERABLE.has(code)) throw new SendError(`zalo ${code}: cannot reach this person now`, false);
    throw new SendError(`zalo ${code}: ${String(result.message ?? '').slice(0, 100)}`, false);
  }

  /**
   * Exchanges the refresh token once, however many callers find the token stale at the same
   * time. A caller whose token was already replaced gets the new one without another exchange.
   */
  async refresh(staleAccessToken: string): Promise<string> {
    const current = this.tokens.current();
    if (current.accessToken !== staleAccessToken) return current.accessToken;
    this.refreshing ??= this.exchange(current.refreshToken).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async freshToken(): Promise<string> {
    if (this.refreshing) return this.refreshing;
    const current = this.tokens.current();
    if (current.expiresAt && current.expiresAt - Date.now() < EXPIRY_MARGIN_MS)
      return this.refresh(current.accessToken);
    return current.accessToken;
  }

  private async exchange(refreshToken: string): Promise<string> {
    const form = new URLSearchParams({
      refresh_token: refreshToken,
      app_id: this.config.appId,
      grant_type: 'refresh_token',
    });
    const response = await this.http
      .post(`${this.config.oauthBase}${ZALO_OA.refreshPath}`, form.toString(), {
        headers: { 'content-type': 'application/x-www-form-urlencoded', secret_key: this.config.appSecret },
      })
      .catch((error: unknown) => {
        throw new SendError(`zalo oauth unreachable: ${(error as Error).message}`, true);
      });
    const data = response.data as {
      access_token?: string;
      refresh_token?: string;
      expires_in?: string | number;
    };
    if (response.status >= 500) throw new SendError(`zalo oauth ${response.status}`, true);
    if (!data?.access_token || !data.refresh_token) {
      this.logger.error(
        { status: response.status },
        'Zalo OA token refresh rejected: authorize the OA again and set ZALO_OA_ACCESS_TOKEN and ZALO_OA_REFRESH_TOKEN',
      );
      throw new SendError('zalo oauth refused the refresh token', false);
    }
    const expiresIn = Number(data.expires_in) || 3600;
    // Persist before use: the old refresh token is spent now.
    this.tokens.replace({
      accessToken: data.access_token,
      refreshToken: data.refresh_token,
      expiresAt: Date.now() + expiresIn * 1000,
    });
    this.logger.info({ expiresIn }, 'zalo oa token refreshed');
    return data.access_token;
  }

  private async post(token: string, body: unknown): Promise<ZaloResponse> {
    const response = await this.http
      .post(`${this.config.apiBase}${ZALO_OA.sendPath}`, body, { headers: { access_token: token } })
      .catch((error: unknown) => {
        throw new SendError(`zalo unreachable: ${(error as Error).message}`, true);
      });
    if (response.status === 429) throw new SendError('zalo http 429', true, 2000);
    if (response.status >= 500) throw new SendError(`zalo http ${response.status}`, true);
    if (!response.data || typeof response.data !== 'object')
      throw new SendError(`zalo http ${response.status}: unexpected body`, response.status >= 500);
    return response.data as ZaloResponse;
  }
}

/** A text message quoting the resident's, or a button template (at most five buttons). */
export function zaloMessage(outgoing: ZaloOutgoing): Record<string, unknown> {
  if (!outgoing.buttons?.length)
    return outgoing.quoteMessageId
      ? { text: outgoing.text, [ZALO_OA.quoteKey]: outgoing.quoteMessageId }
      : { text: outgoing.text };
  return {
    attachment: {
      type: 'template',
      payload: {
        template_type: 'button',
        text: outgoing.text,
        buttons: outgoing.buttons.slice(0, ZALO_OA.maxButtons).map((b) => ({
          title: b.label,
          type: ZALO_OA.buttonType,
          payload: `${ZALO_OA.buttonPayloadPrefix}${b.id}`,
        })),
      },
    },
  };
}
