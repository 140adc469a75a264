import type { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_PAGE_SIZE, HTTP_STATUS } from '@pressroom/common';
import { getNamedType, GraphQLError, type DocumentNode, type FieldNode } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { checkArguments } from './argument-limits.js';

/** Costs remembered per parsed document, for this many distinct operation names and variables. */
const COSTS_PER_DOCUMENT = 64;

/**
 * Connections cost their page size times what each node asks for; every other field costs 1;
 * each condition of a field's filter adds 1 (times the pages around it), as each is more SQL
 * for every row the database considers. Page sizes are known to be within 0..100 here.
 */
const costEstimator =
  (conditions: Map<FieldNode, number>): ComplexityEstimator =>
  ({ field, node, args, childComplexity }) => {
    const isConnection = getNamedType(field.type).name.endsWith('Connection');
    const size = isConnection ? Number(args.first ?? args.last ?? DEFAULT_PAGE_SIZE) : 1;
    return 1 + (conditions.get(node) ?? 0) + size * childComplexity;
  };

/**
 * Checks the arguments (argument-limits.ts), then refuses an operation whose cost exceeds
 * `maxCost`, before it touches the database. Both depend on variables, so they run per request
 * rather than as a cached validation rule; the outcome is remembered per document (Apollo reuses
 * one parsed document per query text), since walking the query was a twentieth of a small
 * read's time (bench/api/read-bench.mjs, Q2).
 */
export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  const outcomes = new WeakMap<DocumentNode, Map<string, number | GraphQLError | null>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          if (!operation) return;
          const key = costKey(request.operationName, request.variables);
          let known = outcomes.get(document);
          if (!known) outcomes.set(document, (known = new Map()));
          let outcome = key === null ? undefined : known.get(key);
          if (outcome === undefined) {
            outcome = costOrRefusal(() => {
              const conditions = checkArguments(schema, document, operation, request.variables ?? {});
              return getComplexity({
                schema,
                query: document,
                operationName: request.operationName,
                variables: request.variables,
                estimators: [costEstimator(conditions)],
              });
            });
            if (known.size >= COSTS_PER_DOCUMENT) known.clear();
            if (key !== null) known.set(key, outcome);
          }
          if (outcome instanceof GraphQLError) throw outcome;
          if (outcome !== null && outcome > maxCost) {
            throw new GraphQLError(
              `Query cost ${outcome} exceeds the limit of ${maxCost}: ask for smaller pages, fewer nested lists or simpler filters`,
              {
                extensions: {
                  code: 'BAD_USER_INPUT',
                  limit: 'maxCost',
                  cost: outcome,
                  maxCost,
                  http: { status: HTTP_STATUS.BAD_USER_INPUT },
                },
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

/** The refusal of a bad argument; null when the variables are invalid: execution reports them. */
function costOrRefusal(compute: () => number): number | GraphQLError | null {
  try {
    return compute();
  } catch (error) {
    return error instanceof GraphQLError && error.extensions.limit ? error : null;
  }
}
