import { createHmac, randomBytes } from 'node:crypto';

/** A new webhook secret: shown to the admin on creation and rotation, used to sign every delivery. */
export function generateWebhookSecret(): string {
  return 'whsec_' + randomBytes(32).toString('base64url');
}

/**
 * `X-Pressroom-Signature`: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. The
 * timestamp is signed with the body so a receiver can refuse replays older than a few minutes.
 */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
  const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`, 'utf8').digest('hex');
  return `t=${unixSeconds},v1=${mac}`;
}
