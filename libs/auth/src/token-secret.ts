import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'prs_';

/** A new random secret: shown to its owner once, stored only as a hash. */
export function generateSecret(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of two hex digests of equal length. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
