import { redirectKey } from './redirect-key.js';

describe('redirectKey', () => {
  it.each([
    ['/old/post/', '/old/post'],
    ['old/post', '/old/post'],
    ['/Old/Post.HTML', '/old/post.html'],
    ['/old/p%6Fst/', '/old/post'],
    ['/%E4%B8%AD%E6%96%87/', '/中文'],
    ['/a/./b/../c//', '/a/c'],
    ['https://Example.com/Old/Post/?x=1#top', '/old/post'],
    ['/old/post?utm=1', '/old/post'],
    ['/', '/'],
    ['/bad%zzescape/', '/bad%zzescape'],
  ])('%s -> %s', (text, key) => {
    expect(redirectKey(text)).toBe(key);
  });

  it('is null for text that holds no path', () => {
    expect(redirectKey('')).toBeNull();
    expect(redirectKey('   ')).toBeNull();
    expect(redirectKey('?only=query')).toBeNull();
  });
});
