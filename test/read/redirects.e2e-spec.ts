import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import { ExportService } from '@pressroom/importer';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { importPaths } from '../support/imports.js';
import { post, tempFolder } from '../support/temp-folder.js';

const REDIRECT = `query ($path: String!) { redirect(path: $path) { id slug } }`;
const BY_SLUG = `query ($slug: String) { article(slug: $slug) { id version } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateArticleInput!, $v: Int) {
  updateArticle(id: $id, input: $input, expectedVersion: $v) { slug }
}`;
const DELETE = `mutation ($id: ID!) { deleteArticle(id: $id) }`;

const FILES = {
  'content/posts/hugo-page.md': post('title: Hugo page\ndate: 2020-01-01\naliases: ["/old/hugo-page/", "legacy.html"]'),
  '_posts/2020-02-02-jekyll-post.md': post(
    'title: Jekyll post\npermalink: /blog/Jekyll-Post/\nredirect_from:\n  - /2019/jekyll-old/\n  - /Ünïcode/',
  ),
  '_posts/2020-03-03-draft-post.md': post('title: Draft post\npublished: false\nredirect_from: /drafty/'),
};

describe('redirect(path) (issue 12)', () => {
  let app: INestApplication;
  let editor: string;

  beforeAll(async () => {
    app = await createTestApp();
  });
  beforeEach(async () => {
    await resetDb(app);
    editor = await createToken(app, 'EDITOR');
    await importPaths(app, [await tempFolder(FILES)]);
  });
  afterAll(() => app.close());

  const articleBySlug = async (slug: string): Promise<{ id: string; version: number }> =>
    (await gql(app, BY_SLUG, { slug }, editor)).data!['article'];

  const slugAt = async (path: string, token?: string): Promise<string | null | undefined> => {
    const { data, errors } = await gql(app, REDIRECT, { path }, token);
    expect(errors).toBeUndefined();
    return (data?.['redirect'] as { slug: string } | null)?.slug ?? null;
  };

  it('answers Hugo aliases, redirect_from and permalinks, whatever the slashes, case or percent-encoding', async () => {
    expect(await slugAt('/old/hugo-page/')).toBe('hugo-page');
    expect(await slugAt('old/hugo-page')).toBe('hugo-page');
    expect(await slugAt('/posts/legacy.html')).toBe('hugo-page');
    expect(await slugAt('/2019/jekyll-old')).toBe('jekyll-post');
    expect(await slugAt('/BLOG/jekyll-post/')).toBe('jekyll-post');
    expect(await slugAt('/blog/jekyll%2Dpost/')).toBe('jekyll-post');
    expect(await slugAt('/%C3%9Cn%C3%AFcode/')).toBe('jekyll-post');
    expect(await slugAt('https://example.com/old/hugo-page/?from=feed')).toBe('hugo-page');
  });

  it('answers null for an unknown path', async () => {
    expect(await slugAt('/nothing/here/')).toBeNull();
    expect(await slugAt('/')).toBeNull();
  });

  it('refuses a path over 2,000 characters with BAD_USER_INPUT', async () => {
    const { errors } = await gql(app, REDIRECT, { path: `/${'a'.repeat(2000)}` });
    expect(errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('hides a draft target from anonymous readers, not from editors', async () => {
    expect(await slugAt('/drafty/')).toBeNull();
    expect(await slugAt('/drafty/', editor)).toBe('draft-post');
  });

  it('records the old slug as a redirect when an edit changes the slug', async () => {
    const { id, version } = await articleBySlug('hugo-page');
    const { errors } = await gql(app, UPDATE, { id, input: { slug: 'renamed-page' }, v: version }, editor);
    expect(errors).toBeUndefined();

    expect(await slugAt('/hugo-page/')).toBe('renamed-page');
    expect(await slugAt('/old/hugo-page/')).toBe('renamed-page');
  });

  it("drops a deleted article's redirects", async () => {
    const { id } = await articleBySlug('hugo-page');
    expect((await gql(app, DELETE, { id }, editor)).errors).toBeUndefined();

    expect(await slugAt('/old/hugo-page/')).toBeNull();
    expect(await app.get(PrismaService).redirect.count({ where: { articleId: id } })).toBe(0);
  });

  it('keeps redirects, old slugs included, through export and re-import', async () => {
    const { id, version } = await articleBySlug('hugo-page');
    await gql(app, UPDATE, { id, input: { slug: 'renamed-page' }, v: version }, editor);
    const files: Record<string, string> = {};
    for await (const file of app.get(ExportService).files()) files[file.path] = file.content;
    const hugoFile = Object.values(files).find((text) => text.includes('Hugo page'))!;
    expect(hugoFile).toMatch(/aliases:[\s\S]*- \/hugo-page/);

    await resetDb(app);
    await importPaths(app, [await tempFolder(files)]);

    expect(await slugAt('/hugo-page/')).toBe('renamed-page');
    expect(await slugAt('/old/hugo-page/')).toBe('renamed-page');
    expect(await slugAt('/2019/jekyll-old/')).toBe('jekyll-post');
  });
});
