import type { GraphQLFormattedError } from 'graphql';
import { QUERY_LIMITS } from './query-limits.js';

// graphql-js's wording (typo included) when the parser stops at QUERY_PARSE_OPTIONS.maxTokens.
const TOKEN_LIMIT = /^Syntax Error: Document contains more th(?:an|at) \d+ tokens/;

/**
 * Apollo answers every validation failure GRAPHQL_VALIDATION_FAILED, and the parser's token
 * limit GRAPHQL_PARSE_FAILED; a query over one of our limits (see query-limits.ts) is bad input
 * the client can fix, so it says BAD_USER_INPUT and names the limit, as the cost limit does.
 */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
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
  if (!formatted.extensions?.limit) return formatted;
  return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
}
