import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Conversation } from '../conversation/types.ts';
import type { StateDatabase } from '../state/database.ts';
import { createAdapters } from '../channels/adapters.ts';
import type { ChannelConfig } from '../channels/config.ts';
import { ChannelRuntime } from '../channels/runtime.ts';
import { ThreadedChannels } from '../channels/threaded-channels.ts';
import type { ChannelCapabilities, Channels } from '../channels/types.ts';
import { buildServer, type ExtraPlugin } from './build-server.ts';

export interface ChannelDeps {
  config: ChannelConfig;
  db: StateDatabase;
  /** The web chat's conversation, and the channels' unless `channelWorker` is set. */
  conversation: Conversation;
  logger: Logger;
  /**
   * Works the channels' queues (conversation, outbox, platform calls) on a worker thread that
   * builds its own conversation from this module (see ConversationModule), so that webhook
   * acknowledgements never wait behind that work. Without it, everything runs in this thread.
   */
  channelWorker?: { conversationModule: string };
  /** Overrides the platforms' pacing (tests, benchmarks). */
  limits?: Partial<ChannelCapabilities>;
}

/** The configured platforms with their queues: on a worker thread when asked and there is any. */
export function createChannels(deps: ChannelDeps): Channels {
  const { config, db, logger, limits } = deps;
  const configured = Boolean(config.telegram || config.zaloOa || config.zaloBot);
  if (deps.channelWorker && configured)
    return new ThreadedChannels({ config, db, logger, limits, ...deps.channelWorker });
  const adapters = createAdapters(config, db, logger, limits);
  return new ChannelRuntime({ db, conversation: deps.conversation, adapters, logger });
}

export interface RunningApp {
  server: FastifyInstance;
  channels: Channels;
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
    channels.close();
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
      channels.close();
    },
  };
}
