import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createAuthor, createTag, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { createViaApi, firstError } from './editing-support.js';

const CREATE_AUTHOR =
  'mutation($input: CreateAuthorInput!) { createAuthor(input: $input) { id slug name bio email url } }';
const UPDATE_AUTHOR =
  'mutation($id: ID!, $input: UpdateAuthorInput!) { updateAuthor(id: $id, input: $input) { id slug name bio } }';
const DELETE_AUTHOR = 'mutation($id: ID!) { deleteAuthor(id: $id) }';
const CREATE_TAG = 'mutation($input: CreateTagInput!) { createTag(input: $input) { id slug name kind } }';
const UPDATE_TAG =
  'mutation($id: ID!, $input: UpdateTagInput!) { updateTag(id: $id, input: $input) { id slug name kind } }';
const DELETE_TAG = 'mutation($id: ID!) { deleteTag(id: $id) }';
const MERGE_TAGS =
  'mutation($sources: [ID!]!, $target: ID!) { mergeTags(sources: $sources, target: $target) { id slug } }';

describe('authors and tags', () => {
  let app: INestApplication;
  let editor: string;
  let prisma: PrismaService;
  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
  });
  beforeEach(async () => {
    await resetDb(app);
    editor = await createToken(app, 'EDITOR');
  });
  afterAll(() => app.close());

  it('creates an author with a slug from the name, numbered when taken, and updates it', async () => {
    await createAuthor(app, { slug: 'li-wei' });
    const created = await gql(
      app,
      CREATE_AUTHOR,
      { input: { name: 'Li Wei', email: 'li@example.com', url: 'https://example.com/li' } },
      editor,
    );
    const updated = await gql(
      app,
      UPDATE_AUTHOR,
      { id: created.data!.createAuthor.id, input: { bio: 'Harbour reporter', name: 'Li Wei Jr' } },
      editor,
    );

    expect(created.data!.createAuthor).toMatchObject({ slug: 'li-wei-2', name: 'Li Wei' });
    expect(updated.data!.updateAuthor).toMatchObject({ slug: 'li-wei-2', name: 'Li Wei Jr', bio: 'Harbour reporter' });
  });

  it('refuses a taken author slug with CONFLICT', async () => {
    await createAuthor(app, { slug: 'ana' });
    const response = await gql(app, CREATE_AUTHOR, { input: { name: 'Ana', slug: 'ana' } }, editor);
    expect(firstError(response)).toMatchObject({ code: 'CONFLICT', field: 'input.slug' });
  });

  it('deletes an author nobody credits', async () => {
    const author = await createAuthor(app);
    const response = await gql(app, DELETE_AUTHOR, { id: author.id }, editor);
    expect(response.data!.deleteAuthor).toBe(author.id);
    expect(await prisma.author.count()).toBe(0);
  });

  it('refuses to delete an author still credited on articles, saying how many', async () => {
    const author = await createAuthor(app, { name: 'Busy' });
    await createArticle(app, { authors: [author] });
    await createArticle(app, { authors: [author] });

    const response = await gql(app, DELETE_AUTHOR, { id: author.id }, editor);

    expect(firstError(response)).toMatchObject({ code: 'CONFLICT', reason: 'AUTHOR_HAS_ARTICLES', articleCount: 2 });
    expect(response.errors![0]!.message).toContain('2 article');
    expect(await prisma.author.count()).toBe(1);
  });

  it('creates tags and categories with the same slug, and refuses a duplicate of one kind', async () => {
    const tag = await gql(app, CREATE_TAG, { input: { name: 'Harbour' } }, editor);
    const category = await gql(app, CREATE_TAG, { input: { name: 'Harbour', kind: 'CATEGORY' } }, editor);
    const duplicate = await gql(app, CREATE_TAG, { input: { name: 'Harbour', slug: 'harbour' } }, editor);

    expect(tag.data!.createTag).toMatchObject({ slug: 'harbour', kind: 'TAG' });
    expect(category.data!.createTag).toMatchObject({ slug: 'harbour', kind: 'CATEGORY' });
    expect(firstError(duplicate)).toMatchObject({ code: 'CONFLICT' });
  });

  it('renames a tag and refuses a slug its kind already has', async () => {
    const tag = await createTag(app, { slug: 'old' });
    await createTag(app, { slug: 'taken' });

    const renamed = await gql(app, UPDATE_TAG, { id: tag.id, input: { name: 'New', slug: 'new' } }, editor);
    const clash = await gql(app, UPDATE_TAG, { id: tag.id, input: { slug: 'taken' } }, editor);

    expect(renamed.data!.updateTag).toMatchObject({ name: 'New', slug: 'new' });
    expect(firstError(clash)?.code).toBe('CONFLICT');
  });

  it('merges tags: every article moves to the target once, the sources are gone, each article gets a revision', async () => {
    const [a, b, target] = [
      await createTag(app, { slug: 'a' }),
      await createTag(app, { slug: 'b' }),
      await createTag(app, { slug: 'target' }),
    ];
    const both = await createViaApi(app, editor, {
      title: 'Both',
      tags: [{ id: a.id }, { id: b.id }, { id: target.id }],
    });
    const onlyB = await createViaApi(app, editor, { title: 'Only b', tags: [{ id: b.id }] });
    const untouched = await createViaApi(app, editor, { title: 'None' });

    const { data, errors } = await gql(app, MERGE_TAGS, { sources: [a.id, b.id], target: target.id }, editor);

    expect(errors).toBeUndefined();
    expect(data!.mergeTags).toEqual({ id: target.id, slug: 'target' });
    expect(await prisma.tag.count()).toBe(1);
    const links = await prisma.articleTag.findMany({ orderBy: { articleId: 'asc' } });
    expect(links.map((l) => [l.articleId, l.tagId]).sort()).toEqual(
      [
        [both.id, target.id],
        [onlyB.id, target.id],
      ].sort(),
    );
    const versions = await prisma.article.findMany({ select: { id: true, version: true } });
    expect(Object.fromEntries(versions.map((v) => [v.id, v.version]))).toEqual({
      [both.id]: 2,
      [onlyB.id]: 2,
      [untouched.id]: 1,
    });
    // The merge is the current version (the row); the state it replaced, with tag b, is stored.
    expect(await prisma.article.findUniqueOrThrow({ where: { id: onlyB.id } })).toMatchObject({
      versionAction: 'merge-tags',
    });
    const revision = await prisma.articleRevision.findFirst({ where: { articleId: onlyB.id, version: 1 } });
    expect(revision).toMatchObject({ action: 'create', snapshot: expect.objectContaining({ tagIds: [b.id] }) });
  });

  it('refuses a merge into one of its sources, and unknown tags', async () => {
    const tag = await createTag(app);
    const self = await gql(app, MERGE_TAGS, { sources: [tag.id], target: tag.id }, editor);
    const unknown = await gql(
      app,
      MERGE_TAGS,
      { sources: ['00000000-0000-4000-8000-000000000000'], target: tag.id },
      editor,
    );

    expect(firstError(self)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sources' });
    expect(firstError(unknown)).toMatchObject({ code: 'NOT_FOUND', field: 'sources' });
  });

  it('deletes a tag: its articles lose it with a new revision', async () => {
    const tag = await createTag(app);
    const article = await createViaApi(app, editor, { title: 'Tagged', tags: [{ id: tag.id }] });

    const response = await gql(app, DELETE_TAG, { id: tag.id }, editor);

    expect(response.data!.deleteTag).toBe(tag.id);
    expect(await prisma.articleTag.count()).toBe(0);
    expect(await prisma.article.findUniqueOrThrow({ where: { id: article.id } })).toMatchObject({
      version: 2,
      versionAction: 'delete-tag',
    });
    expect(await prisma.articleRevision.findFirst({ where: { articleId: article.id, version: 1 } })).toMatchObject({
      snapshot: expect.objectContaining({ tagIds: [tag.id] }),
    });
  });
});
