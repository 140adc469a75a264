import { publicFrontMatter } from './public-front-matter.js';

describe('publicFrontMatter', () => {
  it('keeps every key that holds no e-mail address', () => {
    const header = { layout: 'post', tags: ['a', 'b'], image: { src: '/x.png' }, draft: false, n: 3, none: null };
    expect(publicFrontMatter(header)).toEqual(header);
  });

  it('drops keys named like an e-mail at any depth', () => {
    const header = { email: 'a@b.org', author: { name: 'Ana', 'E-Mail': 'a@b.org', authorEmail: 'x' } };
    expect(publicFrontMatter(header)).toEqual({ author: { name: 'Ana' } });
  });

  it('drops values that are addresses and keeps the name of "Name <address>"', () => {
    const header = {
      author: 'Ana Lima <ana@example.org>',
      authors: ['bo@example.org', 'Cy'],
      contact: 'ana@example.org',
    };
    expect(publicFrontMatter(header)).toEqual({ author: 'Ana Lima', authors: ['Cy'] });
  });

  it('leaves text that merely mentions an @', () => {
    const header = { description: 'Follow @pressroom for more', title: 'a @ b' };
    expect(publicFrontMatter(header)).toEqual(header);
  });
});
