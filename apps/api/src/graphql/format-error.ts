import type { GraphQLFormattedError } from 'graphql';

/**
 * Apollo answers every validation failure GRAPHQL_VALIDATION_FAILED; a query over one of our
 * limits (see query-limits.ts) is bad input the client can fix, so it says BAD_USER_INPUT and
 * names the limit, as the cost limit does.
 */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions?.limit) return formatted;
  return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
}
