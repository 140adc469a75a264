import { BadUserInputError, cursorValueFits, type CursorValueKind, type PageRequest } from '@pressroom/common';
import { Prisma, type Article as ArticleRow } from '@pressroom/database';
import { ArticleOrderField, SortDirection, type ArticleOrderByInput } from './dto/articles.args.js';

const { sql, join, raw } = Prisma;

/**
 * One column of a sort order. NULL sorts as smaller than any value (an undated article is the
 * oldest): last when descending, first when ascending.
 */
export interface SortKey {
  /** SQL of the value, e.g. `a."publishedAt"`. */
  expression: string;
  /** Cast for the cursor's value, e.g. `timestamptz`. */
  type: Exclude<CursorValueKind, 'int4'>;
  descending: boolean;
  nullable: boolean;
}

/** A sort order and how to read each key from a row, for cursors. */
export interface SortOrder<T> {
  /** Written into cursors so that a cursor from another order is refused. */
  name: string;
  keys: SortKey[];
  valuesOf(row: T): unknown[];
}

/**
 * The order of `articles`: the chosen field, then `id` in the same direction, so that every
 * article has one place and walking the pages returns each exactly once.
 */
export function articleOrder(orderBy: ArticleOrderByInput | undefined): SortOrder<ArticleRow> {
  const field = orderBy?.field ?? ArticleOrderField.PUBLISHED_AT;
  const descending = (orderBy?.direction ?? SortDirection.DESC) === SortDirection.DESC;
  const id: SortKey = { expression: 'a.id', type: 'uuid', descending, nullable: false };
  switch (field) {
    case ArticleOrderField.PUBLISHED_AT:
      return {
        name: 'publishedAt',
        keys: [{ expression: 'a."publishedAt"', type: 'timestamptz', descending, nullable: true }, id],
        valuesOf: (row) => [row.publishedAt?.toISOString() ?? null, row.id],
      };
    case ArticleOrderField.UPDATED_AT:
      return {
        name: 'updatedAt',
        keys: [{ expression: 'a."updatedAt"', type: 'timestamptz', descending, nullable: false }, id],
        valuesOf: (row) => [row.updatedAt.toISOString(), row.id],
      };
    case ArticleOrderField.TITLE:
      return {
        name: 'title',
        keys: [{ expression: 'a.title', type: 'text', descending, nullable: false }, id],
        valuesOf: (row) => [row.title, row.id],
      };
  }
}

/** `ORDER BY` for the order, reversed when paging backwards. */
export function orderBySql(order: SortOrder<unknown>, reverse: boolean): Prisma.Sql {
  return raw(order.keys.map((k) => `${k.expression} ${directionSql(k, k.descending !== reverse)}`).join(', '));
}

function directionSql(key: SortKey, descending: boolean): string {
  if (!key.nullable) return descending ? 'DESC' : 'ASC';
  return descending ? 'DESC NULLS LAST' : 'ASC NULLS FIRST';
}

/** The cursor's values checked against the order; BAD_USER_INPUT for a cursor of another list. */
export function cursorValues(order: SortOrder<unknown>, request: PageRequest): unknown[] | null {
  if (!request.cursor) return null;
  const field = request.backward ? 'before' : 'after';
  const [name, ...values] = request.cursor;
  const fits =
    name === order.name &&
    values.length === order.keys.length &&
    order.keys.every((key, i) => valueFits(key, values[i]));
  if (!fits) throw new BadUserInputError(`The "${field}" cursor does not belong to this list and order`, field);
  return values;
}

export function cursorOf<T>(order: SortOrder<T>): (row: T) => unknown[] {
  return (row) => [order.name, ...order.valuesOf(row)];
}

function valueFits(key: SortKey, value: unknown): boolean {
  return value === null ? key.nullable : cursorValueFits(key.type, value);
}

/**
 * Rows strictly after the cursor in the (possibly reversed) order: a real keyset, so a page
 * costs the same however deep it is. Uses a row comparison, which an index can seek to, when
 * the keys allow it; otherwise the equivalent expanded form with NULL handled as +infinity.
 */
export function keysetSql(order: SortOrder<unknown>, values: unknown[] | null, reverse: boolean): Prisma.Sql {
  if (!values) return sql`TRUE`;
  const keys = order.keys.map((k) => ({ ...k, descending: k.descending !== reverse }));
  // Numbers go as text: Prisma rounds a number parameter to 15 digits, and a score must round-trip exactly.
  const params = values.map((v, i) => sql`${typeof v === 'number' ? String(v) : v}::${raw(keys[i]!.type)}`);
  const descending = keys[0]!.descending;
  const sameDirection = keys.every((k) => k.descending === descending);
  const noNulls = values.every((v) => v !== null) && keys.every((k) => !k.nullable || !descending);
  if (sameDirection && noNulls) {
    const columns = raw(keys.map((k) => k.expression).join(', '));
    return sql`(${columns}) ${raw(descending ? '<' : '>')} (${join(params, ', ')})`;
  }
  const branches = keys.map((key, i) => {
    const equal = keys.slice(0, i).map((k, j) => equalSql(k, values[j], params[j]!));
    return join([...equal, afterSql(key, values[i], params[i]!)], ' AND ');
  });
  return sql`(${join(
    branches.map((b) => sql`(${b})`),
    ' OR ',
  )})`;
}

function equalSql(key: SortKey, value: unknown, param: Prisma.Sql): Prisma.Sql {
  return value === null ? sql`${raw(key.expression)} IS NULL` : sql`${raw(key.expression)} = ${param}`;
}

/** The key comes after the value in its direction; NULL is the smallest value. */
function afterSql(key: SortKey, value: unknown, param: Prisma.Sql): Prisma.Sql {
  const column = raw(key.expression);
  if (!key.descending) return value === null ? sql`${column} IS NOT NULL` : sql`${column} > ${param}`;
  if (value === null) return sql`FALSE`;
  return key.nullable ? sql`(${column} < ${param} OR ${column} IS NULL)` : sql`${column} < ${param}`;
}
