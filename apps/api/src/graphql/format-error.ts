import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { TOKEN_LIMIT_MESSAGE } from './query-limits.js';

const INTERNAL_MESSAGE = 'Internal server error';
const logger = new Logger('Errors');

/**
 * The last look at every GraphQL error before it is sent. Apollo answers every validation
 * failure GRAPHQL_VALIDATION_FAILED; a query over one of our limits (see query-limits.ts) is bad
 * input the client can fix, so it says BAD_USER_INPUT and names the limit, as the cost limit does.
 * Apollo leaves some request errors it answers 400 (a persisted query of another version or
 * hash) without a code, which it then fills with INTERNAL_SERVER_ERROR: they say BAD_REQUEST. A
 * real internal error raised outside a resolver (building the context, a plugin) would carry its
 * own message; it is logged and answered with a generic one, as AppExceptionFilter does.
 */
export function formatError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code === 'GRAPHQL_PARSE_FAILED' && TOKEN_LIMIT_MESSAGE.test(formatted.message)) {
    const message = formatted.message.replace(/^Syntax Error: /, '');
    return { message, extensions: { code: 'BAD_USER_INPUT', limit: 'maxTokens' } };
  }
  if (code === 'INTERNAL_SERVER_ERROR') return internal(formatted, error);
  if (!formatted.extensions?.limit) return formatted;
  return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
}

function internal(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const status =
    error instanceof GraphQLError ? (error.extensions.http as { status?: number } | undefined)?.status : undefined;
  if (status !== undefined && status < 500)
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
  if (formatted.message === INTERNAL_MESSAGE) return formatted;
  const cause = unwrapResolverError(error);
  logger.error(cause instanceof Error ? (cause.stack ?? cause.message) : String(cause));
  return {
    message: INTERNAL_MESSAGE,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
    ...(formatted.path ? { path: formatted.path } : {}),
  };
}
