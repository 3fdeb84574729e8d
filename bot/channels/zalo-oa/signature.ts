import crypto from 'node:crypto';

/**
 * Zalo OA's event signature: hex SHA-256 (not an HMAC) of app_id + raw body + timestamp +
 * OA secret key, sent as `X-ZEvent-Signature: mac=<hex>`. (VERIFY on a live OA: the formula is
 * from Zalo's SDKs and production integrations.)
 */
export function zaloEventSignature(
  appId: string,
  rawBody: Buffer,
  timestamp: string,
  oaSecretKey: string,
): string {
  return crypto
    .createHash('sha256')
    .update(appId)
    .update(rawBody)
    .update(timestamp)
    .update(oaSecretKey)
    .digest('hex');
}

export function validZaloSignature(
  header: string | string[] | undefined,
  appId: string,
  rawBody: Buffer,
  timestamp: string,
  oaSecretKey: string,
): boolean {
  if (typeof header !== 'string') return false;
  const received = Buffer.from(header.trim().replace(/^mac=/i, '').toLowerCase(), 'utf8');
  const expected = Buffer.from(zaloEventSignature(appId, rawBody, timestamp, oaSecretKey), 'utf8');
  return received.length === expected.length && crypto.timingSafeEqual(received, expected);
}
