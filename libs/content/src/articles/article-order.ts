import { BadUserInputError, cursorValueFits, type CursorValueKind, type PageRequest } from '@pressroom/common';
import type { Article as ArticleRow } from '@pressroom/database';
import { ArticleOrderField, SortDirection, type ArticleOrderByInput } from './dto/articles.args.js';

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
