import { cursorValueFits, decodeCursor, encodeCursor, type CursorValueKind } from './cursor.js';
import type { Connection, ConnectionArgs, Edge } from './connection.js';
import { DEFAULT_PAGE_SIZE } from './page-size.js';
import { BadUserInputError } from './errors.js';

/** What a keyset query needs from Relay arguments: direction, size and the cursor's key. */
export interface PageRequest {
  /** true when paging backwards (`last`/`before`): query in reverse order, then flip. */
  backward: boolean;
  take: number;
  cursor: unknown[] | null;
}

export function toPageRequest(args: ConnectionArgs): PageRequest {
  if (args.first != null && args.last != null) {
    throw new BadUserInputError('Pass either "first" or "last", not both', 'first');
  }
  if (args.after != null && args.before != null) {
    throw new BadUserInputError('Pass either "after" or "before", not both', 'after');
  }
  if (args.first != null && args.before != null) {
    throw new BadUserInputError('"before" pages backwards: pair it with "last"', 'before');
  }
  if (args.last != null && args.after != null) {
    throw new BadUserInputError('"after" pages forwards: pair it with "first"', 'after');
  }
  const backward = args.last != null || args.before != null;
  const take = (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  const raw = backward ? args.before : args.after;
  return { backward, take, cursor: raw ? decodeCursor(raw, backward ? 'before' : 'after') : null };
}

/**
 * The cursor's values when they are `kinds`, one each, after `tag` when the list writes one;
 * BAD_USER_INPUT naming `after`/`before` for a cursor of another list or a forged one. For
 * lists whose cursor is a fixed tuple (ids, versions, names); null when there is no cursor.
 */
export function cursorTuple(request: PageRequest, kinds: readonly CursorValueKind[], tag?: string): unknown[] | null {
  if (!request.cursor) return null;
  const values = tag === undefined ? request.cursor : request.cursor[0] === tag ? request.cursor.slice(1) : [];
  if (values.length !== kinds.length || !kinds.every((kind, i) => cursorValueFits(kind, values[i]))) {
    const field = request.backward ? 'before' : 'after';
    throw new BadUserInputError(`The "${field}" cursor does not belong to this list`, field);
  }
  return values;
}

/**
 * Turns `take + 1` rows fetched in query order into a connection: the extra row only tells
 * whether another page exists. A `totalCount` function runs (once) only when the field is
 * read, which GraphQL does only when the query selects it: pages that do not ask skip the COUNT.
 */
export function toConnection<T, E extends { cursor: string } = Edge<T>>(
  rows: T[],
  request: PageRequest,
  totalCount: number | (() => Promise<number>),
  cursorOf: (row: T) => unknown[],
  edgeOf: (row: T, cursor: string) => E = (node, cursor) => ({ node, cursor }) as unknown as E,
): Connection<T, E> {
  const hasMore = rows.length > request.take;
  const page = rows.slice(0, request.take);
  if (request.backward) page.reverse();
  const edges = page.map((row) => edgeOf(row, encodeCursor(cursorOf(row))));
  const connection = {
    edges,
    totalCount: 0 as Connection<T, E>['totalCount'],
    pageInfo: {
      hasNextPage: request.backward ? request.cursor !== null : hasMore,
      hasPreviousPage: request.backward ? hasMore : request.cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
  if (typeof totalCount === 'number') connection.totalCount = totalCount;
  else {
    let counted: Promise<number> | undefined;
    Object.defineProperty(connection, 'totalCount', { enumerable: true, get: () => (counted ??= totalCount()) });
  }
  return connection;
}
