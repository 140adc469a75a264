import { AppError, HTTP_STATUS, UnauthenticatedError } from '@pressroom/common';

/**
 * A refused token. Thrown while Apollo builds the context, where an error without an HTTP
 * status becomes a 500; `extensions.http` makes it a 401 (Apollo strips it from the body).
 */
export class TokenRefusedError extends UnauthenticatedError {
  constructor(message: string) {
    super(message);
    this.extensions['http'] = { status: HTTP_STATUS.UNAUTHENTICATED };
  }
}

/** An address that failed too many token checks; `retryAfterSeconds` says when to try again. */
export class TooManyFailuresError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('Too many failed authentication attempts from this address', 'TOO_MANY_REQUESTS', {
      retryAfterSeconds,
      http: { status: HTTP_STATUS.TOO_MANY_REQUESTS, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    });
  }
}
