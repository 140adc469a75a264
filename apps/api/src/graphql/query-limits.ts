import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';

/** Limits on the shape of a query, checked before it runs. Nested lists are priced in query-cost.plugin.ts. */
export const QUERY_LIMITS = {
  /** `{ articles { edges { node { authors { articles { edges { node { title } } } } } } } }` is 8 deep. */
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 20,
  maxTokens: 2000,
} as const;

/** graphql-js's message when a document passes `parseOptions.maxTokens` (formatError renames it). */
export const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more that \d+ tokens/;

/**
 * Armor's checks, answered as BAD_USER_INPUT naming the limit instead of a bare validation
 * failure. The token limit is graphql-js's own (`parseOptions`): armor's parses the query a second
 * time in a plugin hook, where a plain syntax error became an HTTP 500 instead of Apollo's 400.
 */
export function queryLimits(): {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
} {
  const reject = (limit: string) => [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(
        new GraphQLError(error.message.replace(/^Syntax Error: /, ''), {
          extensions: { code: 'BAD_USER_INPUT', limit },
        }),
      ),
  ];
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, onReject: reject('maxDepth'), propagateOnRejection: false },
    maxAliases: { n: QUERY_LIMITS.maxAliases, onReject: reject('maxAliases'), propagateOnRejection: false },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, onReject: reject('maxDirectives'), propagateOnRejection: false },
    maxTokens: { enabled: false },
    // Priced by query-cost.plugin.ts, which multiplies by page sizes; armor's does not.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  });
  const { plugins, validationRules } = armor.protect();
  return {
    plugins: plugins as ApolloServerPlugin[],
    validationRules: validationRules as ValidationRule[],
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
  };
}
