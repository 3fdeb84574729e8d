import { describe, expect, it } from 'vitest';
import { ChannelConfigError, loadChannelConfig } from './config.ts';

describe('channel configuration', () => {
  it('runs no platform channel when nothing is set, on port 3000', () => {
    expect(loadChannelConfig({})).toEqual({ port: 3000, publicUrl: undefined });
  });

  it('chooses webhooks when PUBLIC_URL is set and polling otherwise', () => {
    const polling = loadChannelConfig({ TELEGRAM_BOT_TOKEN: '1:abc', ZALO_BOT_TOKEN: '2:xyz' });
    expect(polling.telegram).toEqual({
      token: '1:abc',
      apiRoot: 'https://api.telegram.org',
      webhook: undefined,
    });
    expect(polling.zaloBot?.webhook).toBeUndefined();
    const hooked = loadChannelConfig({
      TELEGRAM_BOT_TOKEN: '1:abc',
      TELEGRAM_WEBHOOK_SECRET: 's3cret',
      PUBLIC_URL: 'https://tro-ly.phuong.vn/',
      PORT: '8080',
    });
    expect(hooked.port).toBe(8080);
    expect(hooked.telegram?.webhook).toEqual({
      url: 'https://tro-ly.phuong.vn/webhooks/telegram',
      secret: 's3cret',
    });
  });

  it('names the variable at fault', () => {
    const fails = (env: Record<string, string>, pattern: RegExp) => {
      expect(() => loadChannelConfig(env)).toThrow(ChannelConfigError);
      expect(() => loadChannelConfig(env)).toThrow(pattern);
    };
    fails({ PORT: 'abc' }, /PORT/);
    fails({ TELEGRAM_BOT_TOKEN: 'nope' }, /TELEGRAM_BOT_TOKEN/);
    fails({ TELEGRAM_BOT_TOKEN: '1:abc', PUBLIC_URL: 'https://x.vn' }, /TELEGRAM_WEBHOOK_SECRET/);
    fails({ ZALO_BOT_TOKEN: '1:abc', PUBLIC_URL: 'https://x.vn' }, /ZALO_BOT_WEBHOOK_SECRET/);
    fails(
      { ZALO_APP_ID: '123', ZALO_APP_SECRET: 's' },
      /ZALO_OA_SECRET_KEY, ZALO_OA_ACCESS_TOKEN, ZALO_OA_REFRESH_TOKEN/,
    );
    fails({ ZALO_OA_API_BASE: 'ftp://x' }, /ZALO_OA_API_BASE/);
  });
});
