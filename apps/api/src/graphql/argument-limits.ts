import { BadUserInputError, HTTP_STATUS, MAX_PAGE_SIZE } from '@pressroom/common';
import {
  type DocumentNode,
  type FieldNode,
  getNamedType,
  getNullableType,
  type GraphQLInputType,
  GraphQLInputObjectType,
  GraphQLList,
  GraphQLScalarType,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  type ValueNode,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { checkedString, checkedJson } from './argument-strings.js';

/** Bounds on argument values, checked before anything walks them (see checkArguments). */
export const ARGUMENT_LIMITS = {
  /** `first` and `last`, on every field that has them. */
  maxPageSize: MAX_PAGE_SIZE,
  /** Items of any list argument: filter slugs, tag lists of an article, merged tags. */
  maxListItems: 100,
  /** Input objects inside one another: `where: { OR: [{ NOT: { AND: [{ text }] } }] }` is 4. */
  maxInputDepth: 5,
  /** Conditions (fields other than AND/OR/NOT) in one filter (a `*WhereInput`), across its tree. */
  maxFilterConditions: 50,
} as const;

type Variables = Readonly<Record<string, unknown>>;

/** Where the operation uses a variable: enough to check its value again without the document. */
export interface VariableUse {
  readonly name: string;
  readonly fieldName: string;
  readonly type: GraphQLInputType;
  readonly path: string;
  readonly depth: number;
  /** The filter (`*WhereInput`) it sits in, if any: its conditions count towards the cost. */
  readonly filter: string | null;
}

/**
 * The variables of an operation, split by whether the query cost can depend on their values:
 * page sizes, anything inside a filter, and directive arguments (\@skip, \@include) can; the
 * rest (a title, an id, a body) are only checked for their limits, use by use (checkVariables).
 */
export interface VariablePlan {
  readonly costNames: readonly string[];
  readonly otherNames: readonly string[];
  readonly otherUses: readonly VariableUse[];
}

/**
 * Checks every argument of the operation, literals and variables alike, in one pass linear in
 * its size: page sizes, list lengths, nesting, filter conditions, and that strings hold no NUL
 * and no lone surrogate (PostgreSQL refuses both). It runs before variables are coerced and
 * before class-transformer and class-validator see the input: they are recursive and, on a
 * 300,000-item list or an 8,000-branch OR, took seconds (issue 10). Returns the conditions of
 * each field's filters, which the query cost adds.
 */
export function checkArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  uses?: VariableUse[],
  costNames?: Set<string>,
): Map<FieldNode, number> {
  const defaults = new Map(operation.variableDefinitions?.map((d) => [d.variable.name.value, d.defaultValue]));
  const resolveVariable = (name: string): { raw: unknown } | { ast: ValueNode | undefined } =>
    Object.hasOwn(variables, name) ? { raw: variables[name] } : { ast: defaults.get(name) };
  const conditions = new Map<FieldNode, number>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      OperationDefinition: (node) => (node === operation ? undefined : false),
      Directive(node) {
        if (costNames) visit(node, { Variable: (variable) => void costNames.add(variable.name.value) });
      },
      Field(node) {
        const field = typeInfo.getFieldDef();
        if (!field || !node.arguments?.length) return;
        const walker = new ArgumentWalker(node.name.value, resolveVariable, uses);
        const values = new Map<string, unknown>();
        for (const argument of node.arguments) {
          const definition = field.args.find((a) => a.name === argument.name.value);
          if (!definition) continue;
          values.set(definition.name, walker.pageSize(definition.name, argument.value));
          walker.walk(definition.type, argument.value, definition.name, 0, null);
        }
        if (values.get('first') != null && values.get('last') != null) {
          throw walker.refuse('first', 'Pass either "first" or "last", not both', 'pageArguments');
        }
        if (walker.conditions) conditions.set(node, walker.conditions);
      },
    }),
  );
  return conditions;
}

/**
 * checkArguments, also returning which variables the cost depends on and where the others are
 * used. It throws as checkArguments does, before it has seen every use: no plan then.
 */
export function checkArgumentsAndPlan(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
): { conditions: Map<FieldNode, number>; plan: VariablePlan } {
  const uses: VariableUse[] = [];
  const costNames = new Set<string>();
  const conditions = checkArguments(schema, document, operation, variables, uses, costNames);
  for (const use of uses) {
    const pageSize = use.depth === 0 && (use.path === 'first' || use.path === 'last');
    if (pageSize || use.filter !== null || holdsFilter(use.type)) costNames.add(use.name);
  }
  const otherUses = uses.filter((use) => !costNames.has(use.name));
  const otherNames = [...new Set(otherUses.map((use) => use.name))];
  return { conditions, plan: { costNames: [...costNames], otherNames, otherUses } };
}

/** Whether a value of this type can hold a filter (`where: $where`), whose conditions cost. */
function holdsFilter(type: GraphQLInputType, seen = new Set<GraphQLInputObjectType>()): boolean {
  const named = getNamedType(type);
  if (!(named instanceof GraphQLInputObjectType) || seen.has(named)) return false;
  if (named.name.endsWith('WhereInput')) return true;
  seen.add(named);
  return Object.values(named.getFields()).some((field) => holdsFilter(field.type, seen));
}

/**
 * The checks checkArguments makes on the values of variables the cost does not depend on
 * (strings, list lengths, nesting), without walking the document: a variable the request
 * leaves out takes its default, a literal of the document, which the cost's own walk checked.
 */
export function checkVariables(uses: readonly VariableUse[], variables: Variables): void {
  for (const use of uses) {
    if (!Object.hasOwn(variables, use.name)) continue;
    const walker = new ArgumentWalker(use.fieldName, () => ({ raw: variables[use.name] }));
    walker.walkRaw(use.type, variables[use.name], use.path, use.depth, use.filter);
  }
}

/** Walks the arguments of one field; a filter's conditions are counted across all of them. */
class ArgumentWalker {
  conditions = 0;

  constructor(
    private readonly fieldName: string,
    private readonly resolveVariable: (name: string) => { raw: unknown } | { ast: ValueNode | undefined },
    private readonly uses?: VariableUse[],
  ) {}

  /** `first`/`last` as given (null when absent), refused outside 0..maxPageSize. */
  pageSize(name: string, node: ValueNode): unknown {
    if (name !== 'first' && name !== 'last') return undefined;
    const value = this.valueOf(node);
    if (value == null || typeof value !== 'number') return value; // coercion reports a wrong type
    if (!Number.isInteger(value) || value < 0 || value > ARGUMENT_LIMITS.maxPageSize) {
      throw this.refuse(name, `must be a whole number from 0 to ${ARGUMENT_LIMITS.maxPageSize}`, 'maxPageSize');
    }
    return value;
  }

  /** A literal or variable as plain JSON-like data, for the page sizes (scalars only). */
  private valueOf(node: ValueNode): unknown {
    if (node.kind === Kind.VARIABLE) {
      const resolved = this.resolveVariable(node.name.value);
      return 'raw' in resolved ? resolved.raw : resolved.ast && this.valueOf(resolved.ast);
    }
    if (node.kind === Kind.INT || node.kind === Kind.FLOAT) return Number(node.value);
    return node.kind === Kind.NULL ? null : undefined;
  }

  /** Walks a value of `type`, given as a literal (ValueNode) or as a variable's JSON (`raw`). */
  walk(type: GraphQLInputType, node: ValueNode, path: string, depth: number, filter: string | null): void {
    if (node.kind === Kind.VARIABLE) {
      this.uses?.push({ name: node.name.value, fieldName: this.fieldName, type, path, depth, filter });
      const resolved = this.resolveVariable(node.name.value);
      if ('raw' in resolved) this.walkRaw(type, resolved.raw, path, depth, filter);
      else if (resolved.ast) this.walk(type, resolved.ast, path, depth, filter);
      return;
    }
    if (node.kind === Kind.NULL) return;
    const nullable = getNullableType(type);
    if (nullable instanceof GraphQLList) {
      const items = node.kind === Kind.LIST ? node.values : [node];
      this.checkLength(items.length, path);
      items.forEach((item, i) => this.walk(nullable.ofType as GraphQLInputType, item, `${path}.${i}`, depth, filter));
    } else if (nullable instanceof GraphQLInputObjectType) {
      if (node.kind !== Kind.OBJECT) return; // coercion reports it
      const inner = this.enter(nullable, path, depth, filter);
      const fields = nullable.getFields();
      for (const field of node.fields) {
        const definition = fields[field.name.value];
        if (!definition) continue;
        const fieldPath = `${path}.${field.name.value}`;
        if (field.value.kind !== Kind.NULL) this.countCondition(definition.type, fieldPath, inner);
        this.walk(definition.type, field.value, fieldPath, depth + 1, inner);
      }
    } else if (nullable instanceof GraphQLScalarType) {
      this.checkLiteralStrings(node, path);
    }
  }

  walkRaw(type: GraphQLInputType, value: unknown, path: string, depth: number, filter: string | null): void {
    if (value == null) return;
    const nullable = getNullableType(type);
    if (nullable instanceof GraphQLList) {
      const items = Array.isArray(value) ? value : [value];
      this.checkLength(items.length, path);
      items.forEach((item, i) =>
        this.walkRaw(nullable.ofType as GraphQLInputType, item, `${path}.${i}`, depth, filter),
      );
    } else if (nullable instanceof GraphQLInputObjectType) {
      if (typeof value !== 'object' || Array.isArray(value)) return; // coercion reports it
      const inner = this.enter(nullable, path, depth, filter);
      const fields = nullable.getFields();
      for (const [name, fieldValue] of Object.entries(value)) {
        const definition = Object.hasOwn(fields, name) ? fields[name] : undefined;
        if (!definition) continue;
        const fieldPath = `${path}.${name}`;
        if (fieldValue != null) this.countCondition(definition.type, fieldPath, inner);
        this.walkRaw(definition.type, fieldValue, fieldPath, depth + 1, inner);
      }
    } else if (nullable instanceof GraphQLScalarType) {
      const problem = typeof value === 'string' ? checkedString(value) : checkedJson(value);
      if (problem) throw this.refuse(path, problem, 'strings');
    }
  }

  /** Into an input object: refuses one nested too deep; returns the filter it belongs to, if any. */
  private enter(type: GraphQLInputObjectType, path: string, depth: number, filter: string | null): string | null {
    if (depth + 1 > ARGUMENT_LIMITS.maxInputDepth) {
      throw this.refuse(path, `nests input objects more than ${ARGUMENT_LIMITS.maxInputDepth} deep`, 'maxInputDepth');
    }
    return filter ?? (type.name.endsWith('WhereInput') ? type.name : null);
  }

  /** A field of a filter is a condition, unless it is another filter (AND, OR, NOT). */
  private countCondition(type: GraphQLInputType, path: string, filter: string | null): void {
    if (!filter || getNamedType(type) instanceof GraphQLInputObjectType) return;
    if (++this.conditions > ARGUMENT_LIMITS.maxFilterConditions) {
      throw this.refuse(
        path,
        `filters on more than ${ARGUMENT_LIMITS.maxFilterConditions} conditions`,
        'maxFilterConditions',
      );
    }
  }

  private checkLength(length: number, path: string): void {
    if (length > ARGUMENT_LIMITS.maxListItems) {
      throw this.refuse(path, `has more than ${ARGUMENT_LIMITS.maxListItems} items`, 'maxListItems');
    }
  }

  private checkLiteralStrings(node: ValueNode, path: string): void {
    if (node.kind === Kind.STRING) {
      const problem = checkedString(node.value);
      if (problem) throw this.refuse(path, problem, 'strings');
    } else if (node.kind === Kind.LIST) {
      node.values.forEach((item) => this.checkLiteralStrings(item, path));
    } else if (node.kind === Kind.OBJECT) {
      node.fields.forEach((field) => this.checkLiteralStrings(field.value, `${path}.${field.name.value}`));
    }
  }

  refuse(path: string, problem: string, limit: string): BadUserInputError {
    return new BadUserInputError(`${this.fieldName}(${path}): ${problem}`, path, {
      limit,
      http: { status: HTTP_STATUS.BAD_USER_INPUT },
    });
  }
}
