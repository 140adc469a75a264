import type { IncomingHttpHeaders } from 'node:http';
import { Lexer, Source, stripIgnoredCharacters, TokenKind } from 'graphql';
import { QUERY_LIMITS } from '../graphql/query-limits.js';

/** Larger requests are never looked up: a read is small, a 5 MB createArticle is not. */
export const MAX_CACHEABLE_REQUEST_BYTES = 64 * 1024;
/** Characters of query texts remembered with their normalised form; the map starts over when full. */
const NORMALISED_CHARS = 1_000_000;

/** What the key is made of: the parts of an HTTP request Apollo reads. */
export interface KeyedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body?: unknown;
}

interface Operation {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
  extensions?: unknown;
}

const normalised = new Map<string, string | null>();
let normalisedChars = 0;

/**
 * The response cache's key for an anonymous GraphQL read: the query text without ignored
 * characters (whitespace, commas, comments) or the persisted-query hash, the operation name, the
 * variables and the Accept header (it picks the response's content type). null when the request
 * must reach Apollo: it carries a token, may be a mutation, or is one Apollo would refuse
 * (malformed, or a GET that fails its CSRF check), so a cached answer never replaces an error.
 */
export function responseCacheKey(request: KeyedRequest): string | null {
  if (request.headers.authorization !== undefined) return null;
  const operation =
    request.method === 'POST' ? postedOperation(request) : request.method === 'GET' ? getOperation(request) : null;
  if (!operation) return null;
  const { query, operationName, variables, extensions } = operation;
  if (!isOptional(query, 'string') || !isOptional(operationName, 'string')) return null;
  if (!isOptional(variables, 'object') || !isOptional(extensions, 'object')) return null;
  const hash = persistedQueryHash(extensions as Record<string, unknown> | null | undefined);
  if (hash === null) return null;
  const text = query === undefined || query === null ? undefined : normalise(query as string);
  if (text === null || (text === undefined && hash === undefined)) return null;
  return stringify([
    text ?? null,
    hash ?? null,
    operationName ?? null,
    variables ?? null,
    request.headers.accept ?? null,
  ]);
}

/** null for variables nested deeper than JSON.stringify's stack allows: such a request is not cached. */
function stringify(parts: unknown[]): string | null {
  try {
    return JSON.stringify(parts);
  } catch {
    return null;
  }
}

function postedOperation(request: KeyedRequest): Operation | null {
  const length = Number(request.headers['content-length']);
  if (!(length <= MAX_CACHEABLE_REQUEST_BYTES) || mediaType(request.headers['content-type']) !== 'application/json')
    return null;
  const body = request.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? body : null;
}

function getOperation(request: KeyedRequest): Operation | null {
  const contentType = request.headers['content-type'];
  if (contentType !== undefined && mediaType(contentType) !== 'application/json') return null;
  // Apollo's CSRF prevention: a GET needs a content type or one of these headers.
  const preflighted =
    !!contentType || !!request.headers['apollo-require-preflight'] || !!request.headers['x-apollo-operation-name'];
  if (!preflighted) return null;
  const start = request.url.indexOf('?');
  const params = new URLSearchParams(start < 0 ? '' : request.url.slice(start + 1));
  const operation: Operation = {};
  for (const name of ['query', 'operationName', 'variables', 'extensions'] as const) {
    const values = params.getAll(name);
    if (values.length > 1) return null;
    if (!values.length) continue;
    if (name === 'query' || name === 'operationName') operation[name] = values[0];
    else {
      const parsed = parseJson(values[0]!);
      if (parsed === undefined) return null;
      operation[name] = parsed;
    }
  }
  return operation;
}

/** The APQ hash, undefined without one, null for extensions this cache does not know. */
function persistedQueryHash(extensions: Record<string, unknown> | null | undefined): string | undefined | null {
  if (!extensions) return undefined;
  const { persistedQuery, ...others } = extensions;
  if (Object.keys(others).length) return null;
  if (persistedQuery === undefined) return undefined;
  const { version, sha256Hash } = (persistedQuery ?? {}) as { version?: unknown; sha256Hash?: unknown };
  return version === 1 && typeof sha256Hash === 'string' ? sha256Hash : null;
}

/**
 * The query without ignored characters; null when it cannot be read token by token or may be a
 * mutation. Other syntax errors get a key, and Apollo's error answer is never stored.
 */
function normalise(query: string): string | null {
  let text = normalised.get(query);
  if (text !== undefined) return text;
  if (query.length > MAX_CACHEABLE_REQUEST_BYTES) return null;
  try {
    text = withinTokenLimit(query) ? stripIgnoredCharacters(query) : null;
  } catch {
    text = null;
  }
  // Operations start the document or follow a closing brace; a field named `mutation` after one
  // only costs a lookup.
  if (text !== null && /(?:^|\})(?:mutation|subscription)\b/.test(text)) text = null;
  if (normalisedChars + query.length > NORMALISED_CHARS) {
    normalised.clear();
    normalisedChars = 0;
  }
  normalised.set(query, text);
  normalisedChars += query.length + (text?.length ?? 0);
  return text;
}

/**
 * Whether Apollo's parser would read the query (QUERY_PARSE_OPTIONS.maxTokens): one it refuses
 * needs no key, and lexing it whole here would cost what that limit saves (issue 10).
 */
function withinTokenLimit(query: string): boolean {
  const lexer = new Lexer(new Source(query));
  for (let tokens = 0; tokens <= QUERY_LIMITS.maxTokens; tokens++) {
    if (lexer.advance().kind === TokenKind.EOF) return true;
  }
  return false;
}

function isOptional(value: unknown, type: 'string' | 'object'): boolean {
  if (value === undefined || value === null) return true;
  return type === 'object' ? typeof value === 'object' && !Array.isArray(value) : typeof value === type;
}

function mediaType(contentType: string | undefined): string | undefined {
  return contentType?.split(';', 1)[0]!.trim().toLowerCase();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
