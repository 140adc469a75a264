import { randomUUID } from 'node:crypto';

/** What an X-Request-Id from a caller or proxy may be: short, and safe to print anywhere. */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@-]{1,100}$/;

/** The caller's X-Request-Id when it is sane, else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && SANE_REQUEST_ID.test(header) ? header : randomUUID();
}
