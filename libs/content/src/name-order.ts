import { cursorTuple, type PageRequest } from '@pressroom/common';

/** Authors and tags list by name, then id: a total order, so paging never skips or repeats. */
export function nameOrder(request: PageRequest): [{ name: 'asc' | 'desc' }, { id: 'asc' | 'desc' }] {
  const direction = request.backward ? 'desc' : 'asc';
  return [{ name: direction }, { id: direction }];
}

/** Rows after the cursor in that order: a keyset on the values the cursor carries. */
export function afterName(request: PageRequest): { OR?: object[] } {
  const cursor = cursorTuple(request, ['text', 'uuid'], 'name');
  if (!cursor) return {};
  const [name, id] = cursor;
  const op = request.backward ? 'lt' : 'gt';
  return { OR: [{ name: { [op]: name } }, { name, id: { [op]: id } }] };
}

export const nameCursor = (row: { name: string; id: string }): unknown[] => ['name', row.name, row.id];
