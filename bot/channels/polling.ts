import type { Logger } from 'pino';
import type { ChannelName } from '../conversation/types.ts';
import { pause } from './secret.ts';

export interface Polling {
  /** Stops asking for updates and waits for the request in flight to end. */
  stop(): Promise<void>;
}

/**
 * Long polling shared by the platforms that offer it: `pollOnce` fetches and stores one batch
 * (a long-poll request); failures back off exponentially up to 30 s; `stop` aborts the request.
 */
export function startPolling(
  channel: ChannelName,
  logger: Logger,
  pollOnce: (signal: AbortSignal) => Promise<void>,
): Polling {
  const controller = new AbortController();
  const { signal } = controller;
  const loop = (async () => {
    let failures = 0;
    while (!signal.aborted) {
      try {
        await pollOnce(signal);
        failures = 0;
      } catch (error) {
        if (signal.aborted) break;
        failures++;
        logger.warn({ channel, failures, err: (error as Error).message }, 'polling failed');
        await pause(Math.min(30_000, 500 * 2 ** failures), signal);
      }
    }
  })();
  logger.info({ channel }, 'polling started');
  return {
    async stop() {
      controller.abort();
      await loop;
    },
  };
}
