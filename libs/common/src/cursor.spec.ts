import { cursorValueFits, decodeCursor, encodeCursor } from './cursor.js';
import { escapeLike } from './like.js';
import { cursorTuple, toPageRequest } from './page.js';

const raw = (json: string) => Buffer.from(json, 'utf8').toString('base64url');
const UUID = '00000000-0000-4000-8000-000000000000';

describe('decodeCursor', () => {
  it('reads back what encodeCursor wrote', () => {
    expect(decodeCursor(encodeCursor(['title', 'Ünïcode 中文', 1.5, null]))).toEqual([
      'title',
      'Ünïcode 中文',
      1.5,
      null,
    ]);
  });

  it.each([
    ['"2020"'],
    ['{"a":1}'],
    ['[{"a":1}]'],
    ['[[1]]'],
    ['["a\\u0000"]'],
    ['["\\ud800"]'],
    ['[true]'],
    ['not json'],
  ])('refuses %s naming the field', (json) => {
    expect(() => decodeCursor(raw(json), 'before')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'before' }) }),
    );
  });
});

describe('cursorValueFits', () => {
  it.each([
    ['timestamptz', '2024-02-29T12:00:00.000Z', true],
    ['timestamptz', '1', false],
    ['timestamptz', '2020', false],
    ['timestamptz', '+275760-09-13T00:00:00.000Z', false],
    ['uuid', UUID, true],
    ['uuid', 'nope', false],
    ['int4', 7, true],
    ['int4', 1e20, false],
    ['int4', 1.5, false],
    ['float8', 0.25, true],
    ['text', 3, false],
  ] as const)('%s %j -> %s', (kind, value, fits) => {
    expect(cursorValueFits(kind, value)).toBe(fits);
  });
});

describe('cursorTuple', () => {
  it('returns the values after the tag, or refuses a cursor of another list', () => {
    const page = (values: unknown[]) => toPageRequest({ after: encodeCursor(values) });
    expect(cursorTuple(page(['name', 'Ana', UUID]), ['text', 'uuid'], 'name')).toEqual(['Ana', UUID]);
    expect(cursorTuple(toPageRequest({}), ['uuid'])).toBeNull();
    expect(() => cursorTuple(page(['title', 'Ana', UUID]), ['text', 'uuid'], 'name')).toThrow(/does not belong/);
    expect(() => cursorTuple(page([UUID, 1]), ['uuid'])).toThrow(/does not belong/);
  });
});

describe('escapeLike', () => {
  it('escapes the LIKE wildcards and the escape character', () => {
    expect(escapeLike('100% a_b \\ c')).toBe('100\\% a\\_b \\\\ c');
  });
});
