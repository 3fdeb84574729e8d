import type { Logger } from 'pino';
import type { StateDatabase } from '../state/database.ts';
import type { ChannelConfig } from './config.ts';
import { TelegramChannel } from './telegram/telegram-channel.ts';
import { describeError, type ChannelAdapter, type ChannelCapabilities, type Intake } from './types.ts';
import { ZaloBotChannel } from './zalo-bot/zalo-bot-channel.ts';
import { ZaloOaChannel } from './zalo-oa/zalo-oa-channel.ts';

/** The adapter of every configured platform; `limits` overrides their pacing (tests, benchmarks). */
export function createAdapters(
  config: ChannelConfig,
  db: StateDatabase,
  logger: Logger,
  limits?: Partial<ChannelCapabilities>,
): ChannelAdapter[] {
  const adapters: ChannelAdapter[] = [];
  if (config.telegram) adapters.push(new TelegramChannel(config.telegram, logger, limits));
  if (config.zaloOa) adapters.push(new ZaloOaChannel(config.zaloOa, db, logger, limits));
  if (config.zaloBot) adapters.push(new ZaloBotChannel(config.zaloBot, logger, limits));
  return adapters;
}

/** Lets each adapter register its webhook or start polling into `intake`. */
export async function startAdapters(
  adapters: ChannelAdapter[],
  intake: Intake,
  logger: Logger,
): Promise<void> {
  for (const adapter of adapters)
    await adapter.start?.(intake).catch((error: unknown) => {
      // One platform being unreachable must not keep the others (and the web chat) down.
      logger.error({ channel: adapter.name, err: describeError(error) }, 'channel failed to start');
    });
}
