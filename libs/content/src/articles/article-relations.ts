import type { Article as ArticleRow, Author as AuthorRow, Tag as TagRow } from '@pressroom/database';
import { GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { GqlContext } from '../context.js';
import { fromJson, type PrefetchedRelations } from './prefetched-relations.js';

type Parent = ArticleRow & PrefetchedRelations;

/** An article's authors in byline order: read with the article when it could be, else batched. */
export function authorsOf(article: Parent, { loaders }: GqlContext): Promise<AuthorRow[]> | AuthorRow[] {
  return article.prefetchedAuthors
    ? fromJson<AuthorRow>(article.prefetchedAuthors)
    : loaders.authorsByArticleId.load(article.id);
}

/** An article's tags, then categories, each by name; read with the article when it could be, else batched. */
export function tagsOf(article: Parent, { loaders }: GqlContext): Promise<TagRow[]> | TagRow[] {
  return article.prefetchedTags ? fromJson<TagRow>(article.prefetchedTags) : loaders.tagsByArticleId.load(article.id);
}

/**
 * Resolves `Article.authors` and `Article.tags` with the functions above directly. Nest runs
 * each field resolver call through its pipes and parameter factories; for the two lists of
 * every article of a page that is a fifth of a front-page request (issue 4's benchmark). The
 * fields stay declared, and resolved the same way, in ArticleRelationsResolver.
 */
export function resolveArticleRelationsDirectly(schema: GraphQLSchema): GraphQLSchema {
  const article = schema.getType('Article');
  if (!(article instanceof GraphQLObjectType)) return schema;
  const fields = article.getFields();
  const direct =
    (resolve: (a: Parent, c: GqlContext) => unknown): GraphQLFieldResolver<Parent, GqlContext> =>
    (parent, _args, context) =>
      resolve(parent, context);
  if (fields.authors) fields.authors.resolve = direct(authorsOf);
  if (fields.tags) fields.tags.resolve = direct(tagsOf);
  return schema;
}
