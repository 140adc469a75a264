import { checkedJson, checkedString } from './argument-strings.js';

describe('checkedString', () => {
  it.each([['plain'], ['中文 and emoji 🎉'], ['']])('accepts %j', (value) => {
    expect(checkedString(value)).toBeNull();
  });

  it.each([['a\u0000b'], ['\ud800'], ['x\udc00'], ['\ud83c']])('refuses %j', (value) => {
    expect(checkedString(value)).not.toBeNull();
  });
});

describe('checkedJson', () => {
  it('finds a NUL in a key or value at any depth, without recursion', () => {
    let deep: unknown = 'ok';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(checkedJson(deep)).toBeNull();
    expect(checkedJson({ a: [{ b: 'x\u0000' }] })).toMatch(/NUL/);
    expect(checkedJson({ 'k\u0000': 1 })).toMatch(/key/);
  });
});
