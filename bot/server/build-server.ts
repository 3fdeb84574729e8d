import path from 'node:path';
import Fastify, {
  LogController,
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyPluginAsync,
  type FastifyPluginCallback,
} from 'fastify';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { Logger } from 'pino';
import type { Conversation } from '../conversation/types.ts';
import type { Channels } from '../channels/types.ts';
import { chatRoute } from './chat-route.ts';
import { webhookRoutes } from './webhook-routes.ts';

export const WEB_DIR = path.join(import.meta.dirname, '../web');

/** Another part of the app mounted on the same server, e.g. the staff dashboard at /admin. */
export interface ExtraPlugin {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  plugin: FastifyPluginAsync<any> | FastifyPluginCallback<any>;
  options?: Record<string, unknown> & { prefix?: string };
}

export interface ServerOptions {
  conversation: Conversation;
  /** The channels' queues and adapters (webhook routes are taken from its adapters). */
  channels: Channels;
  logger: Logger;
  plugins?: ExtraPlugin[];
  /** /api/chat requests per minute per address (default 60). */
  chatPerMinute?: number;
  /** Trust X-Forwarded-For (only behind a reverse proxy: otherwise clients could fake their address). */
  trustProxy?: boolean;
}

/**
 * The one HTTP server: web chat at /, POST /api/chat, the platform webhooks, /healthz, and any
 * extra plugins. Request logging is off: URLs and bodies could carry residents' data, and the
 * routes log what matters themselves.
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: options.trustProxy ?? false,
  });
  app.setErrorHandler((error: { statusCode?: number; message?: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error.message }, 'request failed');
    reply.code(status).send({
      error:
        status >= 500
          ? 'Xin lỗi bạn, hệ thống đang gặp trục trặc. Bạn vui lòng thử lại sau.'
          : status === 429
            ? 'Bạn gửi hơi nhanh. Bạn vui lòng đợi một chút rồi gửi lại nhé.'
            : 'Yêu cầu không hợp lệ.',
    });
  });
  app.get('/healthz', async () => ({
    ok: true,
    channels: options.channels.channelNames(),
    queues: options.channels.store.counts(),
  }));
  // Limits are opted into per route (chat, staff login), never applied to webhooks.
  await app.register(fastifyRateLimit, { global: false });
  await app.register(chatRoute, { conversation: options.conversation, perMinute: options.chatPerMinute });
  await app.register(webhookRoutes, { adapters: options.channels.adapterList(), intake: options.channels });
  await app.register(fastifyStatic, { root: WEB_DIR, prefix: '/', wildcard: false, index: 'index.html' });
  for (const { plugin, options: pluginOptions } of options.plugins ?? [])
    await app.register(plugin, pluginOptions ?? {});
  return app;
}
