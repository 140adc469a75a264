import { ApiError } from './api-error.js';
import { session } from '../session.js';

interface GraphqlBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

type Listener = (error: ApiError) => void;
let onRefused: Listener = () => undefined;

/** Called when the API refuses the stored token (UNAUTHENTICATED), so the app can sign out. */
export function whenTokenRefused(listener: Listener): void {
  onRefused = listener;
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const token = session.token();
  return token ? { ...extra, authorization: `Bearer ${token}` } : extra;
}

async function send(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    throw new ApiError('NETWORK_ERROR', (error as Error).message);
  }
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiError(`HTTP_${res.status}`, text.slice(0, 200) || res.statusText);
  }
}

function refused(error: ApiError): ApiError {
  if (error.code === 'UNAUTHENTICATED' && session.viewer()) onRefused(error);
  return error;
}

/** One GraphQL operation on /graphql with the session's token; the first error is thrown. */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const res = await send('/graphql', {
    method: 'POST',
    headers: headers({ 'content-type': 'application/json' }),
    body: JSON.stringify({ query, variables }),
  });
  const body = (await readJson(res)) as GraphqlBody<T>;
  const first = body.errors?.[0];
  if (first) {
    const { code, ...details } = first.extensions ?? {};
    throw refused(new ApiError(typeof code === 'string' ? code : `HTTP_${res.status}`, first.message, details));
  }
  if (!body.data) throw new ApiError(`HTTP_${res.status}`, res.statusText || 'No data in the answer');
  return body.data;
}

/** A request to the admin REST endpoints; a 4xx/5xx body `{ code, message }` is thrown. */
export async function rest<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await send(path, { ...init, headers: headers(init.headers as Record<string, string>) });
  const body = (await readJson(res)) as Record<string, unknown>;
  if (!res.ok) {
    const { code, message, ...details } = body;
    const text = Array.isArray(message) ? message.join('; ') : String(message ?? res.statusText);
    throw refused(new ApiError(typeof code === 'string' ? code : `HTTP_${res.status}`, text, details));
  }
  return body as T;
}
