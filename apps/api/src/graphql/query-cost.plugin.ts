import type { ApolloServerPlugin } from '@apollo/server';
import { DEFAULT_PAGE_SIZE, HTTP_STATUS } from '@pressroom/common';
import { getNamedType, GraphQLError, type DocumentNode, type FieldNode } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { checkArgumentsAndPlan, checkVariables, type VariablePlan } from './argument-limits.js';

/** Costs remembered per operation of a parsed document, for this many distinct cost-relevant variables. */
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

type Outcome = number | GraphQLError | null;

/** What is known of one operation of a parsed document. */
interface KnownOperation {
  /** Which variables the cost depends on; null until a walk saw the whole operation. */
  plan: VariablePlan | null;
  /** Cost or refusal by costKey. */
  outcomes: Map<string, Outcome>;
}

/** Operations remembered per parsed document (a document may hold several). */
const OPERATIONS_PER_DOCUMENT = 16;

/**
 * Checks the arguments (argument-limits.ts), then refuses an operation whose cost exceeds
 * `maxCost`, before it touches the database. Both depend on variables, so they run per request
 * rather than as a cached validation rule; the outcome is remembered per document (Apollo reuses
 * one parsed document per query text), since walking the query was a twentieth of a small
 * read's time (bench/api/read-bench.mjs, Q2). It is keyed by the values of only the variables
 * the cost can depend on (page sizes, filters, directives): a mutation that sends a new title
 * each time walks its document once (6% of an update's time before, issue 15); the other
 * variables' values are still checked for their limits on every request, without the document.
 * `counts.walks`, when given, counts the walks of a document (for the tests).
 */
export function queryCostPlugin(maxCost: number, counts?: { walks: number }): ApolloServerPlugin {
  const known = new WeakMap<DocumentNode, Map<string, KnownOperation>>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          if (!operation) return;
          const variables = request.variables ?? {};
          const entry = knownOperation(known, document, request.operationName ?? '');
          if (entry.plan) checkVariables(entry.plan.otherUses, variables);
          let key = costKey(entry.plan, variables);
          let outcome = key === null ? undefined : entry.outcomes.get(key);
          if (outcome === undefined) {
            let plan: VariablePlan | null = null;
            if (counts) counts.walks++;
            outcome = costOrRefusal(() => {
              const checked = checkArgumentsAndPlan(schema, document, operation, variables);
              plan = checked.plan;
              return getComplexity({
                schema,
                query: document,
                operationName: request.operationName,
                variables,
                estimators: [costEstimator(checked.conditions)],
              });
            });
            if (!entry.plan && plan) {
              // Keys change form with the plan: those made without it are dropped.
              entry.plan = plan;
              entry.outcomes.clear();
              key = costKey(plan, variables);
            }
            // Invalid variables (null) are not remembered: the next request's may be valid.
            if (entry.outcomes.size >= COSTS_PER_DOCUMENT) entry.outcomes.clear();
            if (key !== null && outcome !== null) entry.outcomes.set(key, outcome);
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

function knownOperation(
  known: WeakMap<DocumentNode, Map<string, KnownOperation>>,
  document: DocumentNode,
  operationName: string,
): KnownOperation {
  let operations = known.get(document);
  if (!operations) known.set(document, (operations = new Map()));
  let entry = operations.get(operationName);
  if (!entry) {
    if (operations.size >= OPERATIONS_PER_DOCUMENT) operations.clear();
    operations.set(operationName, (entry = { plan: null, outcomes: new Map() }));
  }
  return entry;
}

/**
 * Without a plan, all the variables; with one, the values of those the cost depends on and
 * which of the others are given (one left out takes its default, which the walk checked).
 * null when the variables cannot be written as JSON (nested deeper than the stack): not remembered.
 */
function costKey(plan: VariablePlan | null, variables: Readonly<Record<string, unknown>>): string | null {
  try {
    if (!plan) return JSON.stringify(variables);
    const costValues: Record<string, unknown> = {};
    for (const name of plan.costNames) if (Object.hasOwn(variables, name)) costValues[name] = variables[name];
    return JSON.stringify([costValues, plan.otherNames.filter((name) => Object.hasOwn(variables, name))]);
  } catch {
    return null;
  }
}

/** The refusal of a bad argument; null when the variables are invalid: execution reports them. */
function costOrRefusal(compute: () => number): Outcome {
  try {
    return compute();
  } catch (error) {
    return error instanceof GraphQLError && error.extensions.limit ? error : null;
  }
}
