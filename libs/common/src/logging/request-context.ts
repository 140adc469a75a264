import { AsyncLocalStorage } from 'node:async_hooks';

/** What the request log line says about one HTTP request, filled in as the request runs. */
export interface RequestContext {
  /** X-Request-Id: the caller's when sane, else generated; echoed in the response. */
  id: string;
  /** The API token's name (never its secret), once the Authorization header was checked. */
  token?: string;
  /** The GraphQL operation Apollo resolved, and its type. */
  operation?: string;
  operationType?: string;
  /** extensions.code of each GraphQL error, in order. */
  errorCodes?: string[];
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `work` (the rest of a request's middleware chain) with `context` as the current request. */
export function runWithRequest<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The request being served, if any: log lines carry its id, and code down the chain adds to it. */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}
