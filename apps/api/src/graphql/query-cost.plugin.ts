import type { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_PAGE_SIZE } from '@pressroom/common';
import { getNamedType, GraphQLError, type DocumentNode } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';

/** Costs remembered per parsed document, for this many distinct operation names and variables. */
const COSTS_PER_DOCUMENT = 64;

/** Connections cost their page size times what each node asks for; every other field costs 1. */
const pageSizeEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const isConnection = getNamedType(field.type).name.endsWith('Connection');
  const size = isConnection ? Number(args.first ?? args.last ?? DEFAULT_PAGE_SIZE) : 1;
  return 1 + size * childComplexity;
};

/**
 * Refuses an operation whose cost exceeds `maxCost` before it touches the database. Depends on
 * variables (page sizes), so it runs per request rather than as a cached validation rule; the
 * result is remembered per document (Apollo reuses one parsed document per query text), since
 * walking the query was a twentieth of a small read's time (bench/api/read-bench.mjs, Q2).
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  const costs = new WeakMap<DocumentNode, Map<string, number | null>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const key = costKey(request.operationName, request.variables);
          let known = costs.get(document);
          if (!known) costs.set(document, (known = new Map()));
          let cost = key === null ? undefined : known.get(key);
          if (cost === undefined) {
            cost = costOf(() =>
              getComplexity({
                schema,
                query: document,
                operationName: request.operationName,
                variables: request.variables,
                estimators: [pageSizeEstimator],
              }),
            );
            if (known.size >= COSTS_PER_DOCUMENT) known.clear();
            if (key !== null) known.set(key, cost);
          }
          if (cost !== null && cost > maxCost) {
            throw new GraphQLError(
              `Query cost ${cost} exceeds the limit of ${maxCost}: ask for smaller pages or fewer nested lists`,
              {
                extensions: { code: 'BAD_USER_INPUT', limit: 'maxCost', cost, maxCost, http: { status: 400 } },
              },
            );
          }
        },
      };
    },
  };
}

/** null when the variables cannot be written as JSON (nested deeper than the stack): not remembered. */
function costKey(operationName: string | undefined, variables: unknown): string | null {
  try {
    return `${operationName ?? ''}\n${JSON.stringify(variables ?? {})}`;
  } catch {
    return null;
  }
}

/** null when the variables are invalid: execution reports them with their own error. */
function costOf(compute: () => number): number | null {
  try {
    return compute();
  } catch {
    return null;
  }
}
