import { MAX_PREPARED_TEXTS, preparedStatement, preparedWhileFew } from './prepared-statement.js';

describe('prepared statements', () => {
  it('are named after their text: one name per text, the same in every module and process', () => {
    const a = preparedStatement('SELECT 1');
    expect(a).toEqual(preparedStatement('SELECT 1'));
    expect(a.name).toMatch(/^pressroom_[0-9a-f]{24}$/);
    expect(preparedStatement('SELECT 2').name).not.toBe(a.name);
  });

  it('prepare the first MAX_PREPARED_TEXTS texts, those again later, and no new one past them', () => {
    const first = preparedWhileFew('SELECT $1::int AS first');
    expect(first).toEqual(preparedStatement('SELECT $1::int AS first'));
    // Fills the process's quota (other tests of this process may have used some of it).
    for (let i = 0; i < MAX_PREPARED_TEXTS; i++) preparedWhileFew(`SELECT ${i} AS filler`);
    expect(preparedWhileFew('SELECT $1::int AS first')).toBe(first);
    expect(preparedWhileFew('SELECT 1 AS one_too_many')).toBe('SELECT 1 AS one_too_many');
    expect(preparedWhileFew('SELECT 0 AS filler')).toEqual(preparedStatement('SELECT 0 AS filler'));
  });
});
