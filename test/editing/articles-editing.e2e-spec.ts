import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createAuthor, createTag, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { CREATE_ARTICLE, READ_ARTICLE, UPDATE_ARTICLE, createViaApi, firstError } from './editing-support.js';

describe('createArticle and updateArticle', () => {
  let app: INestApplication;
  let editor: string;
  beforeAll(async () => {
    app = await createTestApp();
  });
  beforeEach(async () => {
    await resetDb(app);
    editor = await createToken(app, 'EDITOR');
  });
  afterAll(() => app.close());

  it('creates a DRAFT at version 1 with a slug from the title, rendered html, an excerpt and a language', async () => {
    const { data, errors } = await gql(
      app,
      CREATE_ARTICLE,
      { input: { title: 'Harbour Wall: Round Two', body: 'The **council** met.\n\nSecond paragraph.' } },
      editor,
    );

    expect(errors).toBeUndefined();
    expect(data!.createArticle).toMatchObject({
      slug: 'harbour-wall-round-two',
      status: 'DRAFT',
      version: 1,
      bodyFormat: 'MARKDOWN',
      excerpt: 'The council met.',
      publishedAt: null,
    });
    expect(data!.createArticle.html).toContain('<strong>council</strong>');
  });

  it('keeps Chinese titles readable in the slug, the way the import does', async () => {
    const article = await createViaApi(app, editor, {
      title: '港口扩建听证会',
      body: '今天下午，市议会就港口扩建举行听证会，居民代表发言反对夜间施工。',
    });

    expect(article.slug).toBe('港口扩建听证会');
    expect(article.language).toBe('zh');
  });

  it('numbers a generated slug when the plain one is taken', async () => {
    await createArticle(app, { slug: 'budget' });
    await createArticle(app, { slug: 'budget-2' });

    const article = await createViaApi(app, editor, { title: 'Budget' });

    expect(article.slug).toBe('budget-3');
  });

  it('accepts a given slug in any script, as the import makes them', async () => {
    const article = await createViaApi(app, editor, { title: 'T', slug: '港口-2024-ação' });
    expect(article.slug).toBe('港口-2024-ação');
  });

  it('refuses a slug another article has with CONFLICT naming the field', async () => {
    await createArticle(app, { slug: 'taken' });
    const response = await gql(app, CREATE_ARTICLE, { input: { title: 'T', slug: 'taken' } }, editor);
    expect(firstError(response)).toMatchObject({ code: 'CONFLICT', field: 'input.slug' });
  });

  it('accepts a long article: a megabyte of Markdown', async () => {
    const body = Array.from({ length: 10_000 }, (_, i) => `Paragraph ${i}: ${'words '.repeat(15)}`).join('\n\n');
    const response = await gql(app, CREATE_ARTICLE, { input: { title: 'Long read', body } }, editor);
    expect(response.errors).toBeUndefined();
    expect(response.data!.createArticle.body).toHaveLength(body.length);
  });

  it('sanitises HTML bodies with the import renderer', async () => {
    const article = await createViaApi(app, editor, {
      title: 'Unsafe',
      bodyFormat: 'HTML',
      body: '<p onclick="x()">Hi<script>alert(1)</script></p>',
    });
    expect(article.html).not.toMatch(/script|onclick/);
    expect(article.html).toContain('Hi');
  });

  it('sets authors in byline order and tags by id or by slug and kind', async () => {
    const [ana, bo] = [await createAuthor(app, { slug: 'ana' }), await createAuthor(app, { slug: 'bo' })];
    const tag = await createTag(app, { slug: 'port' });
    await createTag(app, { slug: 'news', kind: 'CATEGORY' });

    const article = await createViaApi(app, editor, {
      title: 'Bylines',
      authors: [{ slug: 'bo' }, { id: ana.id }],
      tags: [{ id: tag.id }, { slug: 'news', kind: 'CATEGORY' }],
    });

    expect(article.authors.map((a: any) => a.slug)).toEqual([bo.slug, 'ana']);
    expect(article.tags).toEqual(
      expect.arrayContaining([
        { slug: 'port', kind: 'TAG' },
        { slug: 'news', kind: 'CATEGORY' },
      ]),
    );
  });

  it('answers an unknown author or tag with NOT_FOUND naming the list entry', async () => {
    const byId = await gql(
      app,
      CREATE_ARTICLE,
      { input: { title: 'T', authors: [{ id: '00000000-0000-4000-8000-000000000000' }] } },
      editor,
    );
    const bySlug = await gql(app, CREATE_ARTICLE, { input: { title: 'T', tags: [{ slug: 'nope' }] } }, editor);

    expect(firstError(byId)).toMatchObject({ code: 'NOT_FOUND', field: 'input.authors.0' });
    expect(firstError(bySlug)).toMatchObject({ code: 'NOT_FOUND', field: 'input.tags.0' });
    expect(await app.get(PrismaService).article.count()).toBe(0);

    // All by id, one missing among existing ones: the links' foreign keys refuse the one write.
    const [author, tag] = [await createAuthor(app, { slug: 'ana' }), await createTag(app, { slug: 'port' })];
    const missing = '00000000-0000-4000-8000-000000000001';
    const input = { title: 'T', slug: 'by-ids', authors: [{ id: author.id }], tags: [{ id: tag.id }, { id: missing }] };
    const secondTag = await gql(app, CREATE_ARTICLE, { input }, editor);
    expect(firstError(secondTag)).toMatchObject({ code: 'NOT_FOUND', field: 'input.tags.1' });
    expect(await app.get(PrismaService).article.count()).toBe(0);
    const upper = { ...input, tags: [{ id: tag.id.toUpperCase() }], authors: [{ id: author.id.toUpperCase() }] };
    const created = await gql(app, CREATE_ARTICLE, { input: upper }, editor);
    expect(created.errors).toBeUndefined();
    const links = await app.get(PrismaService).article.findUniqueOrThrow({
      where: { slug: 'by-ids' },
      select: { authors: { select: { authorId: true } }, tags: { select: { tagId: true } } },
    });
    expect(links).toEqual({ authors: [{ authorId: author.id }], tags: [{ tagId: tag.id }] });
  });

  it('updates with the current version: new version, re-rendered html, derived excerpt follows the body', async () => {
    const article = await createViaApi(app, editor, { title: 'First', body: 'Old words.' });

    const { data, errors } = await gql(
      app,
      UPDATE_ARTICLE,
      { id: article.id, input: { title: 'Second', body: 'New *words*.' }, v: 1 },
      editor,
    );

    expect(errors).toBeUndefined();
    expect(data!.updateArticle).toMatchObject({
      title: 'Second',
      version: 2,
      excerpt: 'New words.',
      slug: article.slug,
    });
    expect(data!.updateArticle.html).toContain('<em>words</em>');
  });

  it('keeps an excerpt the editor wrote when the body changes', async () => {
    const article = await createViaApi(app, editor, { title: 'T', body: 'One.', excerpt: 'Hand-written.' });
    const { data } = await gql(app, UPDATE_ARTICLE, { id: article.id, input: { body: 'Two.' }, v: 1 }, editor);
    expect(data!.updateArticle.excerpt).toBe('Hand-written.');
  });

  it('answers an update that changes nothing with the article as it is: no version, no revision', async () => {
    const [ana, bo] = [await createAuthor(app, { slug: 'ana' }), await createAuthor(app, { slug: 'bo' })];
    const [port, news] = [await createTag(app, { slug: 'port' }), await createTag(app, { slug: 'news' })];
    const article = await createViaApi(app, editor, {
      title: 'Steady',
      body: 'Same *words*.',
      authors: [{ id: ana.id }, { id: bo.id }],
      tags: [{ id: port.id }, { id: news.id }],
    });
    const revisions = () => app.get(PrismaService).articleRevision.count({ where: { articleId: article.id } });

    // Every field as it is (tags in another order, given by slug): nothing to save.
    const same = await gql(
      app,
      UPDATE_ARTICLE,
      {
        id: article.id,
        input: {
          title: 'Steady',
          body: 'Same *words*.',
          slug: article.slug,
          authors: [{ id: ana.id }, { slug: 'bo' }],
          tags: [{ slug: 'news', kind: 'TAG' }, { id: port.id }],
        },
        v: 1,
      },
      editor,
    );
    expect(same.errors).toBeUndefined();
    expect(same.data!.updateArticle).toMatchObject({ version: 1, title: 'Steady' });
    expect(await revisions()).toBe(0);

    // The byline's order is a change.
    const swapped = await gql(
      app,
      UPDATE_ARTICLE,
      { id: article.id, input: { authors: [{ id: bo.id }, { id: ana.id }] }, v: 1 },
      editor,
    );
    expect(swapped.data!.updateArticle).toMatchObject({ version: 2 });
    expect(await revisions()).toBe(1);

    // A stale version is still refused, though nothing would change.
    const stale = await gql(app, UPDATE_ARTICLE, { id: article.id, input: { body: 'Same *words*.' }, v: 1 }, editor);
    expect(firstError(stale)).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
  });

  it('refuses a stale expectedVersion with CONFLICT and the current version, changing nothing', async () => {
    const article = await createViaApi(app, editor, { title: 'Original' });
    await gql(app, UPDATE_ARTICLE, { id: article.id, input: { title: 'Mine' }, v: 1 }, editor);

    const stale = await gql(
      app,
      UPDATE_ARTICLE,
      { id: article.id, input: { title: 'Theirs', authors: [] }, v: 1 },
      editor,
    );
    const after = await gql(app, READ_ARTICLE, { id: article.id }, editor);

    expect(firstError(stale)).toMatchObject({ code: 'CONFLICT', currentVersion: 2, expectedVersion: 1 });
    expect(after.data!.article).toMatchObject({ title: 'Mine', version: 2 });
    // One stored state (version 1, replaced by the update); the stale one stored nothing.
    expect(await app.get(PrismaService).articleRevision.count({ where: { articleId: article.id } })).toBe(1);
  });

  it('requires expectedVersion on updateArticle', async () => {
    const article = await createViaApi(app, editor, { title: 'T' });
    const response = await gql(app, UPDATE_ARTICLE, { id: article.id, input: { title: 'U' } }, editor);
    expect(firstError(response)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expectedVersion' });
  });

  it('answers an unknown article with NOT_FOUND', async () => {
    const response = await gql(
      app,
      UPDATE_ARTICLE,
      { id: '00000000-0000-4000-8000-000000000000', input: { title: 'U' }, v: 1 },
      editor,
    );
    expect(firstError(response)?.code).toBe('NOT_FOUND');
  });

  it('deletes an article with its links and history', async () => {
    const article = await createViaApi(app, editor, { title: 'Gone' });
    const response = await gql(app, 'mutation($id: ID!) { deleteArticle(id: $id) }', { id: article.id }, editor);
    const prisma = app.get(PrismaService);

    expect(response.data!.deleteArticle).toBe(article.id);
    expect(await prisma.article.count()).toBe(0);
    expect(await prisma.articleRevision.count()).toBe(0);
  });
});
