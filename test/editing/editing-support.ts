import type { INestApplication } from '@nestjs/common';
import { ApiTokensService } from '@pressroom/auth';
import { gql, type GqlResponse } from '../support/gql.js';

export const ARTICLE_FIELDS =
  'id slug title excerpt body bodyFormat html status publishedAt version language sourceUrl authors { slug } tags { slug kind }';

export const CREATE_ARTICLE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { ${ARTICLE_FIELDS} } }`;
export const UPDATE_ARTICLE = `mutation($id: ID!, $input: UpdateArticleInput!, $v: Int) {
  updateArticle(id: $id, input: $input, expectedVersion: $v) { ${ARTICLE_FIELDS} } }`;
export const PUBLISH_ARTICLE = `mutation($id: ID!, $at: DateTime) { publishArticle(id: $id, at: $at) { ${ARTICLE_FIELDS} } }`;
export const READ_ARTICLE = `query($id: ID!) { article(id: $id) { ${ARTICLE_FIELDS} } }`;

/** The first error's extensions, for `expect(...).toMatchObject({ code, field })`. */
export function firstError(response: GqlResponse): Record<string, any> | undefined {
  return response.errors?.[0]?.extensions;
}

/** An EDITOR or ADMIN token with a known name, for checking the actor of revisions. */
export async function namedToken(app: INestApplication, role: 'ADMIN' | 'EDITOR', name: string): Promise<string> {
  return (await app.get(ApiTokensService).create(name, role)).secret;
}

/** Creates an article through the API (so it has its first revision) and returns it. */
export async function createViaApi(
  app: INestApplication,
  token: string,
  input: Record<string, unknown>,
): Promise<Record<string, any>> {
  const response = await gql(app, CREATE_ARTICLE, { input: { body: '', ...input } }, token);
  if (response.errors) throw new Error(JSON.stringify(response.errors));
  return response.data!.createArticle;
}
