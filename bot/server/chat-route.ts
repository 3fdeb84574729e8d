import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Conversation } from '../conversation/types.ts';

/** The body of POST /api/chat: a browser-made id and either typed text or a tapped button. */
export const chatRequestSchema = z
  .object({
    userId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    text: z.string().trim().min(1).max(2000).optional(),
    buttonId: z
      .string()
      .regex(/^[\x21-\x7e]{1,64}$/)
      .optional(),
  })
  .strict()
  .refine((b) => (b.text === undefined) !== (b.buttonId === undefined), 'send either text or buttonId');

export interface ChatRouteOptions {
  conversation: Conversation;
  /** Requests per minute per address. */
  perMinute?: number;
}

/**
 * The conversation core over HTTP: what the web chat (and anyone embedding it) calls. Rate
 * limited per address on this route only (the server registers @fastify/rate-limit with
 * `global: false`): webhooks arrive from a few platform addresses and must never be throttled.
 */
export async function chatRoute(app: FastifyInstance, options: ChatRouteOptions): Promise<void> {
  const rateLimit = {
    max: options.perMinute ?? 60,
    timeWindow: 60_000,
    errorResponseBuilder: (_request: unknown, context: { ttl: number }) => ({
      statusCode: 429,
      error: 'Bạn gửi hơi nhanh. Bạn vui lòng đợi một chút rồi gửi lại nhé.',
      retryAfterSeconds: Math.ceil(context.ttl / 1000),
    }),
  };
  app.post('/api/chat', { bodyLimit: 8 * 1024, config: { rateLimit } }, async (request, reply) => {
    const parsed = chatRequestSchema.safeParse(request.body);
    if (!parsed.success)
      return reply
        .code(400)
        .send({ error: 'Yêu cầu không hợp lệ.', issues: parsed.error.issues.map((i) => i.message) });
    const { userId, text, buttonId } = parsed.data;
    const replies = await options.conversation.handle({ channel: 'web', userId, text, buttonId });
    return {
      replies: replies.map((r) => ({
        text: r.text,
        buttons: r.buttons.map(({ id, label }) => ({ id, label })),
      })),
    };
  });
}
