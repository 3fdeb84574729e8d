import crypto from 'node:crypto';

/** The expected secrets' digests: a webhook checks one on every request. */
const expectedDigests = new Map<string, Buffer>();

/** Compares a received secret with the expected one without leaking where they differ. */
export function sameSecret(received: string | string[] | undefined, expected: string): boolean {
  if (typeof received !== 'string') return false;
  let b = expectedDigests.get(expected);
  if (!b) expectedDigests.set(expected, (b = sha256(expected)));
  return crypto.timingSafeEqual(sha256(received), b);
}

function sha256(text: string): Buffer {
  return crypto.hash('sha256', text, 'buffer');
}

/** Parses a JSON object body, or returns undefined (the caller answers 400). */
export function parseJsonObject(raw: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Sleeps, waking early when `signal` aborts. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
