import { BadUserInputError, type PageRequest } from '@pressroom/common';

/** Authors and tags list by name, then id: a total order, so paging never skips or repeats. */
export function nameOrder(request: PageRequest): [{ name: 'asc' | 'desc' }, { id: 'asc' | 'desc' }] {
  const direction = request.backward ? 'desc' : 'asc';
  return [{ name: direction }, { id: direction }];
}

/** Rows after the cursor in that order: a keyset on the values the cursor carries. */
export function afterName(request: PageRequest): { OR?: object[] } {
  if (!request.cursor) return {};
  const [kind, name, id] = request.cursor;
  if (kind !== 'name' || typeof name !== 'string' || typeof id !== 'string' || request.cursor.length !== 3) {
    const field = request.backward ? 'before' : 'after';
    throw new BadUserInputError(`The "${field}" cursor does not belong to this list`, field);
  }
  const op = request.backward ? 'lt' : 'gt';
  return { OR: [{ name: { [op]: name } }, { name, id: { [op]: id } }] };
}

export const nameCursor = (row: { name: string; id: string }): unknown[] => ['name', row.name, row.id];
