import type { INestApplication } from '@nestjs/common';
import { gql } from '../support/gql.js';

export const CREATE = `mutation($input: CreateArticleInput!) { createArticle(input: $input) { id slug version } }`;
export const UPDATE = `mutation($id: ID!, $input: UpdateArticleInput!, $v: Int) { updateArticle(id: $id, input: $input, expectedVersion: $v) { id slug version } }`;
export const PUBLISH = `mutation($id: ID!, $at: DateTime) { publishArticle(id: $id, at: $at) { id version status } }`;
export const UNPUBLISH = `mutation($id: ID!) { unpublishArticle(id: $id) { id version } }`;
export const ARCHIVE = `mutation($id: ID!) { archiveArticle(id: $id) { id version } }`;
export const DELETE = `mutation($id: ID!) { deleteArticle(id: $id) }`;
export const CHANGES = `query($since: String, $first: Int) {
  changes(since: $since, first: $first) {
    endCursor hasMore
    edges { cursor node { articleId slug oldSlug kind status version publishedAt visible at } }
  }
}`;

export interface Change {
  articleId: string;
  slug: string;
  oldSlug: string | null;
  kind: string;
  status: string;
  version: number;
  visible: boolean;
}

/** Runs a mutation that must succeed and returns its one field. */
export async function mutate<T = any>(
  app: INestApplication,
  query: string,
  variables: Record<string, unknown>,
  token: string,
): Promise<T> {
  const res = await gql(app, query, variables, token);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return Object.values(res.data!)[0] as T;
}

/** Walks the whole feed from `since` in pages of `first`; returns the changes and the last cursor. */
export async function walkChanges(
  app: INestApplication,
  token: string | undefined,
  first = 3,
  since?: string,
): Promise<{ changes: Change[]; cursor: string }> {
  const changes: Change[] = [];
  let cursor = since;
  for (;;) {
    const res = await gql(app, CHANGES, { since: cursor, first }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const feed = res.data!.changes;
    changes.push(...feed.edges.map((e: { node: Change }) => e.node));
    cursor = feed.endCursor;
    if (!feed.hasMore) return { changes, cursor: cursor! };
  }
}

/** updateArticle at the article's current version. */
export async function update(
  app: INestApplication,
  id: string,
  input: Record<string, unknown>,
  token: string,
): Promise<{ id: string; slug: string; version: number }> {
  const res = await gql(app, `query($id: ID!) { article(id: $id) { version } }`, { id }, token);
  return mutate(app, UPDATE, { id, input, v: res.data!.article.version }, token);
}
