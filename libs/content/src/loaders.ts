import { ANONYMOUS, toConnection, toPageRequest, type Connection, type Viewer } from '@pressroom/common';
import type { Article as ArticleRow, Author as AuthorRow, Tag as TagRow } from '@pressroom/database';
import DataLoader from 'dataloader';
import { cursorOf } from './articles/article-order.js';
import { listOrder, type ArticleListQuery } from './articles/article-list-query.js';
import { countsFor, pagesFor } from './articles/articles.repository.js';
import type { ArticlesArgs, ArticleWhereInput } from './articles/dto/articles.args.js';
import { authorsOfArticles, tagsOfArticles } from './article-relations.repository.js';
import type { ArticleSelection } from './selection.js';
import type { SqlReader } from './sql-reader.service.js';

export type ArticleParent = 'author' | 'tag';

/** Per-request batch loaders: one query per relation per request, never one per article. */
export interface ContentLoaders {
  authorsByArticleId: DataLoader<string, AuthorRow[]>;
  tagsByArticleId: DataLoader<string, TagRow[]>;
  /** `Author.articles` / `Tag.articles` pages, one loader (one query) per distinct arguments. */
  articlesOf(
    parent: ArticleParent,
    args: ArticlesArgs,
    selection?: ArticleSelection,
  ): DataLoader<string, Connection<ArticleRow>>;
  /** How many visible articles match `where` for each author or tag. */
  articleCountOf(parent: ArticleParent, where?: ArticleWhereInput): DataLoader<string, number>;
}

/** The loaders of one request; `viewer` decides which articles pages and counts include. */
export function createContentLoaders(reader: SqlReader, viewer: Viewer = ANONYMOUS): ContentLoaders {
  const keyed = new Map<string, DataLoader<string, never>>();
  const memo = <V>(key: string, create: () => DataLoader<string, V>): DataLoader<string, V> => {
    if (!keyed.has(key)) keyed.set(key, create() as DataLoader<string, never>);
    return keyed.get(key) as DataLoader<string, V>;
  };
  const loaders: ContentLoaders = {
    authorsByArticleId: new DataLoader(async (ids) => groupBy(ids, await authorsOfArticles(reader, viewer, ids))),
    tagsByArticleId: new DataLoader(async (ids) => groupBy(ids, await tagsOfArticles(reader, viewer, ids))),
    articleCountOf: (parent, where) =>
      memo(
        `count:${parent}:${JSON.stringify(where ?? null)}`,
        () =>
          new DataLoader(async (ids) => {
            const counts = await countsFor(reader, parent, ids, { where, viewer });
            return ids.map((id) => counts.get(id) ?? 0);
          }),
      ),
    articlesOf: (parent, args, selection) =>
      memo(
        `page:${parent}:${JSON.stringify(args)}:${selectionKey(selection)}`,
        () =>
          new DataLoader(async (ids) => {
            const query: ArticleListQuery = { where: args.where, orderBy: args.orderBy, viewer, selection };
            const request = toPageRequest(args);
            const pages = await pagesFor(reader, parent, ids, query, request);
            const cursor = cursorOf(listOrder(query));
            return ids.map((id) =>
              toConnection(
                pages.get(id) ?? [],
                request,
                () => loaders.articleCountOf(parent, args.where).load(id),
                cursor,
              ),
            );
          }),
      ),
  };
  return loaders;
}

function groupBy<R extends { articleId: string }>(ids: readonly string[], rows: R[]): Omit<R, 'articleId'>[][] {
  const byId = new Map<string, Omit<R, 'articleId'>[]>(ids.map((id) => [id, []]));
  for (const { articleId, ...row } of rows) byId.get(articleId)?.push(row);
  return ids.map((id) => byId.get(id) ?? []);
}

function selectionKey(selection: ArticleSelection | undefined): string {
  if (!selection) return '*';
  const list = (set?: ReadonlySet<string>) => (set ? [...set].sort().join() : '-');
  return `${list(selection.fields)}|${list(selection.authors)}|${list(selection.tags)}`;
}
