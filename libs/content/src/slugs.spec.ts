import { ConflictError } from '@pressroom/common';
import { baseSlug, firstFreeSlug, freeSlug, isTakenSlug, retryOnTakenSlug, SLUG_PATTERN, slugTaken } from './slugs.js';

describe('slugs', () => {
  it('makes readable slugs from titles in any script', () => {
    expect(baseSlug('Harbour Wall: Round Two', 'article')).toBe('harbour-wall-round-two');
    expect(baseSlug('港口扩建听证会', 'article')).toBe('港口扩建听证会');
    expect(baseSlug('🎉🎉', 'article')).toBe('article');
  });

  it('numbers past taken slugs', () => {
    expect(firstFreeSlug('budget', new Set())).toBe('budget');
    expect(firstFreeSlug('budget', new Set(['budget', 'budget-2']))).toBe('budget-3');
  });

  it('asks for exact candidates first and scans the prefix only when all twenty are taken', async () => {
    const taken = ['news', ...Array.from({ length: 30 }, (_, i) => `news-${i + 2}`)];
    const filters: unknown[] = [];
    const slug = await freeSlug('News', 'article', async (filter) => {
      filters.push(filter);
      const match =
        'in' in filter ? (s: string) => filter.in.includes(s) : (s: string) => s.startsWith(filter.startsWith);
      return taken.filter(match).map((s) => ({ slug: s }));
    });
    expect(slug).toBe('news-32');
    expect(filters).toEqual([{ in: expect.arrayContaining(['news', 'news-20']) }, { startsWith: 'news-' }]);
  });

  it('accepts exactly lower-case words joined by single dashes', () => {
    for (const ok of ['a', 'hello-world', '港口-2024', 'ação', 'नमस्ते']) expect(SLUG_PATTERN.test(ok)).toBe(true);
    for (const bad of ['', 'Hello', 'a--b', '-a', 'a-', 'a b', 'a_b', 'a/b'])
      expect(SLUG_PATTERN.test(bad)).toBe(false);
  });

  it('retries a generated slug the unique index refused, and only that', async () => {
    const refused = new ConflictError('A unique value is already taken', { constraint: 'Article_slug_key' });
    let calls = 0;
    const slug = await retryOnTakenSlug(true, () => (++calls < 3 ? Promise.reject(refused) : Promise.resolve('ok')));
    expect([slug, calls]).toEqual(['ok', 3]);
    await expect(retryOnTakenSlug(false, () => Promise.reject(refused))).rejects.toBe(refused);
    expect(isTakenSlug(new ConflictError('x', { constraint: 'ArticleAuthor_pkey' }))).toBe(false);
    expect(slugTaken('a', 'input.slug').extensions).toMatchObject({ code: 'CONFLICT', field: 'input.slug', slug: 'a' });
  });
});
