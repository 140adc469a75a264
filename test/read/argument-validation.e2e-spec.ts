import type { INestApplication } from '@nestjs/common';
import { ArgsValidationPipe } from '../../apps/api/src/validation/args-validation.pipe.js';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createArticle, createTag, createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';

const LIST =
  'query($first: Int, $where: ArticleWhereInput) { articles(first: $first, where: $where) { totalCount edges { node { slug } } } }';
const CREATE = 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { slug } }';

/** The app's global pipe (setupApp), to see what it remembered. */
function argsPipe(app: INestApplication): ArgsValidationPipe {
  const config = (app as unknown as { config: { getGlobalPipes(): unknown[] } }).config;
  const pipe = config.getGlobalPipes().find((p) => p instanceof ArgsValidationPipe);
  if (!pipe) throw new Error('setupApp did not install ArgsValidationPipe');
  return pipe as ArgsValidationPipe;
}

describe('argument validation, remembered per value (issue 14)', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
    await resetDb(app);
    const tag = await createTag(app, { slug: 'news' });
    await createArticle(app, { slug: 'tagged', tags: [tag] });
    await createArticle(app, { slug: 'other' });
  });
  afterAll(() => app.close());

  it('remembers the arguments of a read that passed, and answers the same the next time', async () => {
    const pipe = argsPipe(app);
    const variables = { first: 5, where: { tagSlugs: ['news'] } };
    const before = pipe.remembered;
    const first = await gql(app, LIST, variables);
    expect(pipe.remembered).toBe(before + 1);
    const second = await gql(app, LIST, variables);
    expect(pipe.remembered).toBe(before + 1);
    expect(second.errors).toBeUndefined();
    expect(second.data).toEqual(first.data);
    expect(second.data?.articles.totalCount).toBe(1);
  });

  it.each([
    ['a page over 100', { first: 101 }, 'first'],
    ['an empty text', { first: 5, where: { text: '' } }, 'where.text'],
    ['51 tag slugs', { where: { tagSlugs: Array.from({ length: 51 }, (_, i) => `t${i}`) } }, 'where.tagSlugs'],
    ['a bad condition nested in AND', { where: { AND: [{ text: 'ok' }, { language: 'x' }] } }, 'where.AND.1.language'],
  ])('refuses %s every time, after good values of the same type passed', async (_name, variables, field) => {
    expect((await gql(app, LIST, { first: 100, where: { text: 'ok' } })).errors).toBeUndefined();
    const remembered = argsPipe(app).remembered;
    for (let i = 0; i < 2; i++) {
      const { errors, data } = await gql(app, LIST, variables);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(data?.articles ?? null).toBeNull();
    }
    expect(argsPipe(app).remembered).toBe(remembered);
  });

  it('refuses a bad mutation input every time', async () => {
    const token = await createToken(app, 'EDITOR');
    const input = { title: 'Hi', slug: 'Not A Slug!' };
    for (let i = 0; i < 2; i++) {
      const { errors } = await gql(app, CREATE, { input }, token);
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.slug' });
    }
  });
});
