import type { INestApplication } from '@nestjs/common';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { CREATE_ARTICLE } from './editing-support.js';

describe('createArticle under concurrency', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  beforeEach(() => resetDb(app));
  afterAll(() => app.close());

  it('gives 20 concurrent creations of one title and no slug 20 distinct numbered slugs', async () => {
    const editor = await createToken(app, 'EDITOR');

    const responses = await Promise.all(
      Array.from({ length: 20 }, () => gql(app, CREATE_ARTICLE, { input: { title: 'Same Title', body: '' } }, editor)),
    );

    expect(responses.flatMap((r) => r.errors ?? [])).toEqual([]);
    const slugs = responses.map((r) => r.data!.createArticle.slug as string);
    expect(new Set(slugs).size).toBe(20);
    expect(slugs.sort()).toEqual(['same-title', ...Array.from({ length: 19 }, (_, i) => `same-title-${i + 2}`)].sort());
  });
});
