import { BadUserInputError } from '@pressroom/common';

const PREFIX = 'change:';

/** The opaque cursor of a change id (a bigint as text). */
export function changeCursor(id: string): string {
  return Buffer.from(PREFIX + id).toString('base64url');
}

/** The change id a cursor stands for; '0' (the beginning) for null. */
export function changeIdOf(cursor: string | null | undefined): string {
  if (cursor == null || cursor === '') return '0';
  const text = Buffer.from(cursor, 'base64url').toString();
  const id = text.startsWith(PREFIX) ? text.slice(PREFIX.length) : '';
  if (!/^\d{1,18}$/.test(id)) throw new BadUserInputError('Not a cursor of the changes feed', 'since');
  return id;
}
