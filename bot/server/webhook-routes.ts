import type { FastifyInstance } from 'fastify';
import type { ChannelAdapter, Intake } from '../channels/types.ts';

export interface WebhookRoutesOptions {
  adapters: ChannelAdapter[];
  intake: Intake;
}

/**
 * One POST route per webhook channel. Bodies arrive as raw bytes (Zalo signs the exact bytes);
 * the adapter verifies and parses them; accepted updates are stored before the 200 goes out,
 * and the conversation runs later, from the inbox.
 */
export async function webhookRoutes(app: FastifyInstance, options: WebhookRoutesOptions): Promise<void> {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 256 * 1024 }, (_request, body, done) =>
    done(null, body),
  );
  for (const adapter of options.adapters) {
    const webhook = adapter.webhook;
    if (!webhook) continue;
    app.post(webhook.path, async (request, reply) => {
      const rawBody = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const verdict = webhook.verify({ headers: request.headers, rawBody });
      if (!verdict.ok) {
        request.log.warn(
          { channel: adapter.name, status: verdict.status, reason: verdict.reason },
          'webhook refused',
        );
        return reply.code(verdict.status).send({ ok: false });
      }
      await options.intake.accept(adapter.name, verdict.updates);
      return { ok: true };
    });
  }
}
