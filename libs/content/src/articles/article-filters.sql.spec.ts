import { hasTrigram } from './article-filters.sql.js';

describe('hasTrigram', () => {
  it.each([
    ['阿富汗', true],
    ['x12', true],
    ['a harbour', true],
    ['ab', false],
    ['a b c', false],
    ['%_%', false],
    ['港口', false],
  ])('%s: %s', (text, expected) => {
    expect(hasTrigram(text)).toBe(expected);
  });
});
