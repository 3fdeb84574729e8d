import pino from 'pino';

/**
 * Structured logs on stderr (stdout belongs to command output such as `ask --json`).
 * Never log what a resident typed or who they are: log ids, counts and timings.
 */
export const logger = pino(
  { level: process.env.LOG_LEVEL ?? 'info', base: undefined, redact: ['text', 'question', 'userId', '*.text'] },
  pino.destination(2),
);
