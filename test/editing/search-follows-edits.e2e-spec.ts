import type { INestApplication } from '@nestjs/common';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { PUBLISH_ARTICLE, UPDATE_ARTICLE, createViaApi } from './editing-support.js';

const SEARCH = 'query($q: String!) { search(query: $q, first: 5) { edges { node { id } } } }';

describe('the search index follows edits', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  beforeEach(() => resetDb(app));
  afterAll(() => app.close());

  async function found(query: string, token: string): Promise<string[]> {
    const { data, errors } = await gql(app, SEARCH, { q: query }, token);
    if (errors) throw new Error(JSON.stringify(errors));
    return data!.search.edges.map((e: any) => e.node.id);
  }

  it('finds an article by the words of its latest version only, Chinese included', async () => {
    const editor = await createToken(app, 'EDITOR');
    const article = await createViaApi(app, editor, { title: 'Seawall study', body: 'The lighthouse keeper retired.' });
    await gql(app, PUBLISH_ARTICLE, { id: article.id }, editor);

    expect(await found('lighthouse', editor)).toEqual([article.id]);
    await gql(app, UPDATE_ARTICLE, { id: article.id, input: { body: '渔业合作社新建冷库。' }, v: 2 }, editor);

    expect(await found('lighthouse', editor)).toEqual([]);
    expect(await found('冷库', editor)).toEqual([article.id]);
  });
});
