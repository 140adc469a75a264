import type { INestApplication } from '@nestjs/common';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createAuthor, createTag } from '../support/factories.js';
import { gql } from '../support/gql.js';

describe('text searches with LIKE wildcards', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
    await resetDb(app);
    await createAuthor(app, { name: 'Ana Lima' });
    await createAuthor(app, { name: '100% Bo' });
    await createAuthor(app, { name: 'snake_case' });
    await createTag(app, { name: 'Harbour' });
    await createTag(app, { name: '50% off' });
    await createArticle(app, { title: 'Plain' });
    await createArticle(app, { title: 'Half_way' });
  });
  afterAll(() => app.close());

  it.each([
    ['%', ['100% Bo']],
    ['_', ['snake_case']],
    ['\\', []],
  ])('authors(nameContains: %j) matches the character itself', async (text, names) => {
    const { data, errors } = await gql(
      app,
      'query($t: String) { authors(nameContains: $t) { edges { node { name } } } }',
      { t: text },
    );
    expect(errors).toBeUndefined();
    expect(data?.authors.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(names);
  });

  it('tags(nameContains: "%") matches the character itself', async () => {
    const { data } = await gql(app, '{ tags(nameContains: "%") { edges { node { name } } } }');
    expect(data?.tags.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual(['50% off']);
  });

  it('articles(where: { text: "_" }) matches the character itself', async () => {
    const { data } = await gql(app, '{ articles(where: { text: "_" }) { edges { node { title } } } }');
    expect(data?.articles.edges.map((e: { node: { title: string } }) => e.node.title)).toEqual(['Half_way']);
  });
});
