import { decodeCursor, encodeCursor } from './cursor.js';
import { DEFAULT_PAGE_SIZE, type Connection, type ConnectionArgs } from './connection.js';
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
  const backward = args.last != null || (args.before != null && args.first == null);
  const take = (backward ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  const raw = backward ? args.before : args.after;
  return { backward, take, cursor: raw ? decodeCursor(raw, backward ? 'before' : 'after') : null };
}

/**
 * Turns `take + 1` rows fetched in query order into a connection: the extra row only tells
 * whether another page exists.
 */
export function toConnection<T>(
  rows: T[],
  request: PageRequest,
  totalCount: number,
  cursorOf: (row: T) => unknown[],
): Connection<T> {
  const hasMore = rows.length > request.take;
  const page = rows.slice(0, request.take);
  if (request.backward) page.reverse();
  const edges = page.map((node) => ({ node, cursor: encodeCursor(cursorOf(node)) }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: request.backward ? request.cursor !== null : hasMore,
      hasPreviousPage: request.backward ? hasMore : request.cursor !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
