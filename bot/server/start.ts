import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Conversation } from '../conversation/types.ts';
import type { StateDatabase } from '../state/database.ts';
import type { ChannelConfig } from '../channels/config.ts';
import { ChannelRuntime } from '../channels/runtime.ts';
import { TelegramChannel } from '../channels/telegram/telegram-channel.ts';
import type { ChannelAdapter, ChannelCapabilities } from '../channels/types.ts';
import { ZaloBotChannel } from '../channels/zalo-bot/zalo-bot-channel.ts';
import { ZaloOaChannel } from '../channels/zalo-oa/zalo-oa-channel.ts';
import { buildServer, type ExtraPlugin } from './build-server.ts';

export interface ChannelDeps {
  config: ChannelConfig;
  db: StateDatabase;
  conversation: Conversation;
  logger: Logger;
  /** Overrides the platforms' pacing (tests, benchmarks). */
  limits?: Partial<ChannelCapabilities>;
}

/** The adapters for every configured platform, in a runtime that owns their queues. */
export function createChannels(deps: ChannelDeps): ChannelRuntime {
  const { config, logger, limits } = deps;
  const adapters: ChannelAdapter[] = [];
  if (config.telegram) adapters.push(new TelegramChannel(config.telegram, logger, limits));
  if (config.zaloOa) adapters.push(new ZaloOaChannel(config.zaloOa, deps.db, logger, limits));
  if (config.zaloBot) adapters.push(new ZaloBotChannel(config.zaloBot, logger, limits));
  return new ChannelRuntime({ db: deps.db, conversation: deps.conversation, adapters, logger });
}

export interface RunningApp {
  server: FastifyInstance;
  channels: ChannelRuntime;
  /** The address the server listens on, e.g. http://127.0.0.1:3000. */
  address: string;
  stop(): Promise<void>;
}

/**
 * Everything `npm start` serves: the HTTP server first (webhooks must be reachable before they
 * are registered), then the channel queues, polling loops and webhook registrations.
 */
export async function startApp(
  deps: ChannelDeps & { plugins?: ExtraPlugin[]; host?: string; port?: number; trustProxy?: boolean },
): Promise<RunningApp> {
  const channels = createChannels(deps);
  const server = await buildServer({
    conversation: deps.conversation,
    channels,
    logger: deps.logger,
    plugins: deps.plugins,
    trustProxy: deps.trustProxy,
  });
  const address = await server.listen({ host: deps.host ?? '0.0.0.0', port: deps.port ?? deps.config.port });
  try {
    await channels.start();
  } catch (error) {
    await channels.stop();
    await server.close();
    throw error;
  }
  deps.logger.info({ address, channels: channels.channelNames() }, 'server and channels started');
  return {
    server,
    channels,
    address,
    async stop() {
      await channels.stop();
      await server.close();
    },
  };
}
