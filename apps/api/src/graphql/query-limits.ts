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

/**
 * graphql-js stops lexing at the token limit, so a query of a million fields costs no more than
 * one of 2,000. (Armor's own token limit counted the whole document, then reported to a
 * validation context it never had, and validation went on quadratic in the fields: issue 10.)
 */
export const QUERY_PARSE_OPTIONS: ParseOptions = { maxTokens: QUERY_LIMITS.maxTokens };

/** Armor's checks, answered as BAD_USER_INPUT naming the limit instead of a bare validation failure. */
export function queryLimits(): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
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
    // Enforced by the parser (QUERY_PARSE_OPTIONS).
    maxTokens: { enabled: false },
    // Priced by query-cost.plugin.ts, which multiplies by page sizes; armor's does not.
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins: plugins as ApolloServerPlugin[], validationRules: validationRules as ValidationRule[] };
}
