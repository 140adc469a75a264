import { Prisma } from '@pressroom/database';
import type { SortKey, SortOrder } from './article-order.js';

const { sql, join, raw } = Prisma;

/** `ORDER BY` for the order, reversed when paging backwards. */
export function orderBySql(order: SortOrder<unknown>, reverse: boolean): Prisma.Sql {
  return raw(order.keys.map((k) => `${k.expression} ${directionSql(k, k.descending !== reverse)}`).join(', '));
}

function directionSql(key: SortKey, descending: boolean): string {
  if (!key.nullable) return descending ? 'DESC' : 'ASC';
  return descending ? 'DESC NULLS LAST' : 'ASC NULLS FIRST';
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

/**
 * keysetSql as two conditions whose rows follow one another in the order, where its one
 * condition cannot seek: newest first after a dated cursor, the rows that follow are the older
 * dated ones (a row comparison, which the date index seeks to) and then every undated one (NULLS
 * LAST). As one condition with OR, the index is walked from the newest row, filtering: page 500
 * of the front page read 10,000 rows. Null when keysetSql already seeks, or for an undated cursor.
 */
export function splitKeysetSql(
  order: SortOrder<unknown>,
  values: unknown[] | null,
  reverse: boolean,
): [Prisma.Sql, Prisma.Sql] | null {
  if (!values) return null;
  const [first, ...rest] = order.keys.map((k) => ({ ...k, descending: k.descending !== reverse }));
  const applies =
    first!.nullable &&
    first!.descending &&
    values.every((v) => v !== null) &&
    rest.every((k) => !k.nullable && k.descending);
  if (!applies) return null;
  const dated = keysetSql({ ...order, keys: order.keys.map((k) => ({ ...k, nullable: false })) }, values, reverse);
  return [dated, sql`${raw(first!.expression)} IS NULL`];
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
