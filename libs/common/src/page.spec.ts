import { encodeCursor } from './cursor.js';
import { toConnection, toPageRequest } from './page.js';

describe('toPageRequest', () => {
  it('reads forwards and backwards pages, 20 by default', () => {
    expect(toPageRequest({})).toEqual({ backward: false, take: 20, cursor: null });
    expect(toPageRequest({ first: 5, after: encodeCursor(['x', 1]) })).toEqual({
      backward: false,
      take: 5,
      cursor: ['x', 1],
    });
    expect(toPageRequest({ last: 3, before: encodeCursor([2]) })).toEqual({ backward: true, take: 3, cursor: [2] });
    expect(toPageRequest({ before: encodeCursor([2]) })).toMatchObject({ backward: true, take: 20 });
  });

  it.each([
    [{ first: 1, last: 1 }, 'first'],
    [{ after: 'a', before: 'b' }, 'after'],
    [{ first: 1, before: encodeCursor([1]) }, 'before'],
    [{ last: 1, after: encodeCursor([1]) }, 'after'],
    [{ after: '%%%' }, 'after'],
  ])('refuses %j naming %s', (args, field) => {
    expect(() => toPageRequest(args)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) }),
    );
  });
});

describe('toConnection', () => {
  it('uses the extra row only to tell that another page exists', () => {
    const page = toConnection([1, 2, 3], { backward: false, take: 2, cursor: null }, 9, (n) => [n]);
    expect(page.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('flips a backward page into reading order', () => {
    const page = toConnection([5, 4, 3], { backward: true, take: 2, cursor: [6] }, 9, (n) => [n]);
    expect(page.edges.map((e) => e.node)).toEqual([4, 5]);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it('counts lazily, once, only when totalCount is read', async () => {
    let calls = 0;
    const count = async () => (calls++, 42);
    const page = toConnection([], { backward: false, take: 2, cursor: null }, count, (n: number) => [n]);
    expect(calls).toBe(0);
    expect(await page.totalCount).toBe(42);
    expect(await page.totalCount).toBe(42);
    expect(calls).toBe(1);
  });
});
