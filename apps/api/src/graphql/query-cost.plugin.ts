import type { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_PAGE_SIZE } from '@pressroom/common';
import { getNamedType, GraphQLError } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/** Connections cost their page size times what each node asks for; every other field costs 1. */
const pageSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const isConnection = getNamedType(field.type).name.endsWith('Connection');
  const size = isConnection ? Number(args.first ?? args.last ?? DEFAULT_PAGE_SIZE) : 1;
  return 1 + size * childComplexity;
};

/**
 * Refuses an operation whose cost exceeds `maxCost` before it touches the database. Depends on
 * variables (page sizes), so it runs per request rather than as a cached validation rule.
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = getComplexity({ schema, query: document, operationName: request.operationName, variables: request.variables, estimators: [pageSizeEstimator] });
          } catch {
            return; // invalid variables: execution reports them with their own error
          }
          if (cost > maxCost) {
            throw new GraphQLError(`Query cost ${cost} exceeds the limit of ${maxCost}: ask for smaller pages or fewer nested lists`, {
              extensions: { code: 'BAD_USER_INPUT', limit: 'maxCost', cost, maxCost, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}
