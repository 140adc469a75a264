import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createAuthor, createTag, createToken } from '../support/factories.js';

const EMAIL = 'ana@example.org';
const FRONT_MATTER = { layout: 'post', author: { name: 'Ana Lima', email: EMAIL }, contact: `Ana <${EMAIL}>` };
const PUBLIC_FRONT_MATTER = { layout: 'post', author: { name: 'Ana Lima' }, contact: 'Ana' };

const ARTICLE = 'slug sourcePath contentHash frontMatter revisions(first: 1) { totalCount } authors { slug email }';
const ARTICLES = `edges { node { ${ARTICLE} } }`;
const AUTHOR = `slug email articles { edges { node { slug authors { slug email } } } }`;

// Every way a query reaches an Article or an Author.
const PATHS: [string, string][] = [
  ['article', `{ article(slug: "tide-tables") { ${ARTICLE} } }`],
  ['articles', `{ articles(first: 10) { ${ARTICLES} } }`],
  ['search', `{ search(query: "tide", first: 10) { edges { node { ${ARTICLE} } } } }`],
  ['author', `{ author(slug: "ana") { ${AUTHOR} } }`],
  ['authors', `{ authors(first: 10) { edges { node { ${AUTHOR} } } } }`],
  ['tag', `{ tag(slug: "sea") { articles { ${ARTICLES} } } }`],
  ['tags', `{ tags(first: 10) { edges { node { articles { ${ARTICLES} } } } } }`],
  ['author.articles.authors', `{ author(slug: "ana") { articles { edges { node { authors { ${AUTHOR} } } } } } }`],
];

const HIDDEN = ['email', 'sourcePath', 'contentHash', 'revisions', 'frontMatter'] as const;
type Found = Record<(typeof HIDDEN)[number], unknown[]>;

/** Every value of the editor-only fields anywhere in a response. */
function editorFields(data: unknown): Found {
  const found: Found = { email: [], sourcePath: [], contentHash: [], revisions: [], frontMatter: [] };
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof value !== 'object' || value === null) return;
    for (const [key, item] of Object.entries(value)) {
      if ((HIDDEN as readonly string[]).includes(key)) found[key as keyof Found].push(item);
      else walk(item);
    }
  };
  walk(data);
  return found;
}

describe('fields for editors only', () => {
  let app: INestApplication;
  let editor: string;

  const query = (text: string, token?: string) => {
    const req = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    return req.send({ query: text }).expect(200);
  };

  beforeAll(async () => {
    // The response cache on, as in production: hidden values must not reach it either.
    app = await createTestApp({ responseCacheMaxBytes: 1_000_000 });
  });
  beforeEach(async () => {
    await resetDb(app);
    editor = await createToken(app, 'EDITOR');
    const ana = await createAuthor(app, { slug: 'ana', name: 'Ana Lima', email: EMAIL });
    const sea = await createTag(app, { slug: 'sea', name: 'Sea' });
    await createArticle(app, {
      slug: 'tide-tables',
      title: 'Tide tables',
      body: 'When the tide turns.',
      html: '<p>When the tide turns.</p>',
      sourcePath: '_posts/2024-01-01-tide-tables.md',
      contentHash: 'f'.repeat(64),
      frontMatter: FRONT_MATTER,
      authors: [ana],
      tags: [sea],
    });
  });
  afterAll(() => app.close());

  describe.each(PATHS)('through %s', (_path, text) => {
    it('are null for anonymous readers, and front matter has no e-mail', async () => {
      const res = await query(text);
      // The history is an operation of its own: refused, like before this rule.
      const refusals = ((res.body.errors ?? []) as { path: string[]; extensions: { code: string } }[]).map((e) => [
        e.path.at(-1),
        e.extensions.code,
      ]);
      expect(refusals.filter(([field, code]) => field !== 'revisions' || code !== 'UNAUTHENTICATED')).toEqual([]);
      const found = editorFields(res.body.data);
      expect(found.email.length).toBeGreaterThan(0);
      for (const field of ['email', 'sourcePath', 'contentHash', 'revisions'] as const) {
        expect([field, found[field].filter((v) => v !== null)]).toEqual([field, []]);
      }
      for (const frontMatter of found.frontMatter) expect(frontMatter).toEqual(PUBLIC_FRONT_MATTER);
      expect(res.text).not.toContain(EMAIL);
    });

    it('are there for an editor', async () => {
      const res = await query(text, editor);
      expect(res.body.errors).toBeUndefined();
      const found = editorFields(res.body.data);
      expect(found.email.length).toBeGreaterThan(0);
      expect(found.email.every((v) => v === EMAIL)).toBe(true);
      expect(found.sourcePath.every((v) => v === '_posts/2024-01-01-tide-tables.md')).toBe(true);
      expect(found.contentHash.every((v) => v === 'f'.repeat(64))).toBe(true);
      expect(found.revisions.every((v) => typeof (v as { totalCount: number }).totalCount === 'number')).toBe(true);
      expect(found.frontMatter.every((v) => JSON.stringify(v) === JSON.stringify(FRONT_MATTER))).toBe(true);
    });
  });

  it('are there for an ADMIN token too', async () => {
    const admin = await createToken(app, 'ADMIN');
    const res = await query(PATHS[0]![1], admin);
    expect(res.body.data.article).toMatchObject({
      sourcePath: '_posts/2024-01-01-tide-tables.md',
      frontMatter: FRONT_MATTER,
    });
  });

  it("never serves an editor's answer from the cache to anonymous readers", async () => {
    const [, text] = PATHS[3]!;
    const asEditor = await query(text, editor);
    expect(asEditor.text).toContain(EMAIL);

    const first = await query(text);
    const second = await query(text);
    expect([first.headers['x-cache'], second.headers['x-cache']]).toEqual(['MISS', 'HIT']);
    expect(first.text).not.toContain(EMAIL);
    expect(second.text).toBe(first.text);
  });

  it('never answers an editor from the anonymous cache', async () => {
    const [, text] = PATHS[3]!;
    await query(text);
    expect((await query(text)).headers['x-cache']).toBe('HIT');

    const asEditor = await query(text, editor);
    expect(asEditor.headers['x-cache']).toBeUndefined();
    expect(asEditor.text).toContain(EMAIL);
  });
});
