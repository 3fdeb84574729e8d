import { z } from 'zod';

/** A configuration problem, worded for the operator, naming the variable to fix. */
export class ChannelConfigError extends Error {
  override name = 'ChannelConfigError';
}

const url = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''));
const optional = (schema: z.ZodType<string>) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

const schema = z.object({
  PORT: z.preprocess(
    (v) => (v === undefined || v === '' ? 3000 : Number(v)),
    z.number().int().min(1).max(65535),
  ),
  PUBLIC_URL: optional(z.url({ protocol: /^https$|^http$/ }).transform((u) => u.replace(/\/+$/, ''))),
  TELEGRAM_BOT_TOKEN: optional(
    z.string().regex(/^\d+:[\w-]+$/, 'expected the form 123456:ABC… from @BotFather'),
  ),
  TELEGRAM_WEBHOOK_SECRET: optional(
    z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, 'use 1–256 of A-Z a-z 0-9 _ -'),
  ),
  TELEGRAM_API_ROOT: optional(url),
  ZALO_APP_ID: optional(z.string().regex(/^\d+$/, 'expected digits')),
  ZALO_APP_SECRET: optional(z.string().min(1)),
  ZALO_OA_SECRET_KEY: optional(z.string().min(1)),
  ZALO_OA_ACCESS_TOKEN: optional(z.string().min(1)),
  ZALO_OA_REFRESH_TOKEN: optional(z.string().min(1)),
  ZALO_OA_API_BASE: optional(url),
  ZALO_OAUTH_BASE: optional(url),
  ZALO_BOT_TOKEN: optional(z.string().regex(/^\d+:\S+$/, 'expected the form bot_id:secret')),
  ZALO_BOT_WEBHOOK_SECRET: optional(z.string().regex(/^\S{8,256}$/, 'use 8–256 characters without spaces')),
  ZALO_BOT_API_BASE: optional(url),
});

export interface TelegramConfig {
  token: string;
  apiRoot: string;
  /** Set in webhook mode; absent means long polling. */
  webhook?: { url: string; secret: string };
}

export interface ZaloOaConfig {
  appId: string;
  appSecret: string;
  oaSecretKey: string;
  accessToken: string;
  refreshToken: string;
  apiBase: string;
  oauthBase: string;
}

export interface ZaloBotConfig {
  token: string;
  apiBase: string;
  webhook?: { url: string; secret: string };
}

export interface ChannelConfig {
  port: number;
  publicUrl?: string;
  telegram?: TelegramConfig;
  zaloOa?: ZaloOaConfig;
  zaloBot?: ZaloBotConfig;
}

const ZALO_OA_VARIABLES = [
  'ZALO_APP_ID',
  'ZALO_APP_SECRET',
  'ZALO_OA_SECRET_KEY',
  'ZALO_OA_ACCESS_TOKEN',
  'ZALO_OA_REFRESH_TOKEN',
] as const;

/**
 * Reads the channels' settings. A channel runs when its token is set; webhook mode when
 * PUBLIC_URL is set (Zalo OA only has webhooks, so it needs PUBLIC_URL registered in the Zalo
 * console). Base URLs can point at staging or test servers.
 */
export function loadChannelConfig(env: NodeJS.ProcessEnv = process.env): ChannelConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ChannelConfigError(`Invalid channel configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const config: ChannelConfig = { port: e.PORT, publicUrl: e.PUBLIC_URL };
  const webhook = (secret: string | undefined, name: string, path: string) => {
    if (!e.PUBLIC_URL) return undefined;
    if (!secret) throw new ChannelConfigError(`${name} is required when PUBLIC_URL is set (webhook mode).`);
    return { url: `${e.PUBLIC_URL}${path}`, secret };
  };
  if (e.TELEGRAM_BOT_TOKEN)
    config.telegram = {
      token: e.TELEGRAM_BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT ?? 'https://api.telegram.org',
      webhook: webhook(e.TELEGRAM_WEBHOOK_SECRET, 'TELEGRAM_WEBHOOK_SECRET', '/webhooks/telegram'),
    };
  const oaSet = ZALO_OA_VARIABLES.filter((name) => e[name]);
  if (oaSet.length && oaSet.length < ZALO_OA_VARIABLES.length) {
    const missing = ZALO_OA_VARIABLES.filter((name) => !e[name]);
    throw new ChannelConfigError(
      `Zalo OA is half configured: set ${missing.join(', ')} (or unset all Zalo OA variables).`,
    );
  }
  if (oaSet.length)
    config.zaloOa = {
      appId: e.ZALO_APP_ID!,
      appSecret: e.ZALO_APP_SECRET!,
      oaSecretKey: e.ZALO_OA_SECRET_KEY!,
      accessToken: e.ZALO_OA_ACCESS_TOKEN!,
      refreshToken: e.ZALO_OA_REFRESH_TOKEN!,
      apiBase: e.ZALO_OA_API_BASE ?? 'https://openapi.zalo.me',
      oauthBase: e.ZALO_OAUTH_BASE ?? 'https://oauth.zaloapp.com',
    };
  if (e.ZALO_BOT_TOKEN)
    config.zaloBot = {
      token: e.ZALO_BOT_TOKEN,
      apiBase: e.ZALO_BOT_API_BASE ?? 'https://bot-api.zaloplatforms.com',
      webhook: webhook(e.ZALO_BOT_WEBHOOK_SECRET, 'ZALO_BOT_WEBHOOK_SECRET', '/webhooks/zalo-bot'),
    };
  return config;
}
