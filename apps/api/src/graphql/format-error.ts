import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { InternalServerError } from '@pressroom/common';
import { QUERY_LIMITS } from './query-limits.js';

const logger = new Logger('Errors');

// graphql-js's wording (typo included) when the parser stops at QUERY_PARSE_OPTIONS.maxTokens.
const TOKEN_LIMIT = /^Syntax Error: Document contains more th(?:an|at) \d+ tokens/;
// graphql-js's variable coercion errors: 'Variable "$s" got invalid value "NOPE" at "s.status"; ...'.
const BAD_VARIABLE =
  /^Variable "\$([^"]+)" (?:got invalid value .*?(?: at "([^"]+)")?; |of (?:non-null|required) type )/s;
// Apollo's wording for an APQ hash that is not the query's; Apollo 5 defines no code for it.
const HASH_MISMATCH = 'provided sha does not match query';
export const PERSISTED_QUERY_HASH_MISMATCH = 'PERSISTED_QUERY_HASH_MISMATCH';

/**
 * The last look at every GraphQL error before it is sent. Apollo answers every validation
 * failure GRAPHQL_VALIDATION_FAILED, and the parser's token limit GRAPHQL_PARSE_FAILED; a query
 * over one of our limits (see query-limits.ts) is bad input the client can fix, so it says
 * BAD_USER_INPUT and names the limit, as the cost limit does.
 * Apollo leaves some request errors it answers 400 (a persisted query of another version or
 * hash) without a code, which it then fills with INTERNAL_SERVER_ERROR: they say BAD_REQUEST, and
 * an APQ hash that is not the query's says PERSISTED_QUERY_HASH_MISMATCH, after Apollo's own
 * PERSISTED_QUERY_* codes. A variable Apollo could not coerce names it in `extensions.field`. A
 * real internal error raised outside a resolver (building the context, a plugin) would carry its
 * own message; it is logged and answered with a generic one, as AppExceptionFilter does.
 */
export function formatError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  if (TOKEN_LIMIT.test(formatted.message)) {
    return {
      ...formatted,
      message: `Query has more than ${QUERY_LIMITS.maxTokens} tokens: ask for fewer fields or send large values as variables`,
      extensions: {
        ...formatted.extensions,
        code: 'BAD_USER_INPUT',
        limit: 'maxTokens',
        maxTokens: QUERY_LIMITS.maxTokens,
      },
    };
  }
  if (formatted.extensions?.code === 'INTERNAL_SERVER_ERROR') return internal(formatted, error);
  if (formatted.extensions?.code === 'BAD_USER_INPUT' && formatted.extensions.field === undefined) {
    const variable = BAD_VARIABLE.exec(formatted.message);
    if (variable)
      return { ...formatted, extensions: { ...formatted.extensions, field: `$${variable[2] ?? variable[1]}` } };
  }
  if (!formatted.extensions?.limit) return formatted;
  return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
}

/**
 * The code formatError answers `error` with, without formatting or logging it: the metrics and
 * log lines of graphql-observer.plugin.ts count an error by what the client was told.
 */
export function clientErrorCode(error: GraphQLError | Error): string {
  const extensions = error instanceof GraphQLError ? error.extensions : undefined;
  if (extensions?.limit || TOKEN_LIMIT.test(error.message)) return 'BAD_USER_INPUT';
  const code = extensions?.code;
  if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') return code;
  return requestErrorCode(error) ?? 'INTERNAL_SERVER_ERROR';
}

/** BAD_REQUEST or PERSISTED_QUERY_HASH_MISMATCH for the request errors Apollo answers 4xx without a code. */
function requestErrorCode(error: unknown): string | null {
  const status =
    error instanceof GraphQLError ? (error.extensions.http as { status?: number } | undefined)?.status : undefined;
  if (status === undefined || status >= 500) return null;
  return (error as GraphQLError).message === HASH_MISMATCH ? PERSISTED_QUERY_HASH_MISMATCH : 'BAD_REQUEST';
}

function internal(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = requestErrorCode(error);
  if (code) return { ...formatted, extensions: { ...formatted.extensions, code } };
  if (formatted.message === InternalServerError.MESSAGE) return formatted;
  const cause = unwrapResolverError(error);
  logger.error(cause instanceof Error ? (cause.stack ?? cause.message) : String(cause));
  return {
    message: InternalServerError.MESSAGE,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
    ...(formatted.path ? { path: formatted.path } : {}),
  };
}
