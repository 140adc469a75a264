/** The GraphQL operations the console sends: the public schema only (see schema.gql). */

export const VIEWER = `query Viewer { viewer { role name } }`;

const LIST_FIELDS = `id title slug status publishedAt updatedAt language version
  authors { id name slug } tags { id name slug kind }`;

export const ARTICLES = `query Articles($where: ArticleWhereInput, $first: Int, $after: String, $last: Int, $before: String) {
  articles(where: $where, first: $first, after: $after, last: $last, before: $before,
           orderBy: { field: UPDATED_AT, direction: DESC }) {
    totalCount pageInfo { startCursor endCursor hasNextPage hasPreviousPage }
    edges { cursor node { ${LIST_FIELDS} } }
  }
}`;

export const SEARCH = `query Search($query: String!, $where: ArticleWhereInput, $first: Int, $after: String, $last: Int, $before: String) {
  search(query: $query, where: $where, first: $first, after: $after, last: $last, before: $before) {
    totalCount pageInfo { startCursor endCursor hasNextPage hasPreviousPage }
    edges { cursor highlight node { ${LIST_FIELDS} } }
  }
}`;

const ARTICLE_FIELDS = `id title slug excerpt body bodyFormat status publishedAt updatedAt language version html
  authors { id name slug } tags { id name slug kind }`;

export const ARTICLE = `query Article($id: ID!) { article(id: $id) { ${ARTICLE_FIELDS} } }`;

export const CREATE_ARTICLE = `mutation CreateArticle($input: CreateArticleInput!) { createArticle(input: $input) { id } }`;

export const UPDATE_ARTICLE = `mutation UpdateArticle($id: ID!, $input: UpdateArticleInput!, $expectedVersion: Int!) {
  updateArticle(id: $id, input: $input, expectedVersion: $expectedVersion) { ${ARTICLE_FIELDS} }
}`;

export const PUBLISH_ARTICLE = `mutation Publish($id: ID!, $at: DateTime, $expectedVersion: Int) {
  publishArticle(id: $id, at: $at, expectedVersion: $expectedVersion) { ${ARTICLE_FIELDS} }
}`;

export const UNPUBLISH_ARTICLE = `mutation Unpublish($id: ID!, $expectedVersion: Int) {
  unpublishArticle(id: $id, expectedVersion: $expectedVersion) { ${ARTICLE_FIELDS} }
}`;

export const ARCHIVE_ARTICLE = `mutation Archive($id: ID!, $expectedVersion: Int) {
  archiveArticle(id: $id, expectedVersion: $expectedVersion) { ${ARTICLE_FIELDS} }
}`;

export const DELETE_ARTICLE = `mutation Delete($id: ID!, $expectedVersion: Int) { deleteArticle(id: $id, expectedVersion: $expectedVersion) }`;

export const REVISIONS = `query Revisions($id: ID!) {
  article(id: $id) { id revisions(first: 100) { totalCount edges { node { id version action actor createdAt snapshot } } } }
}`;

export const RESTORE_REVISION = `mutation Restore($articleId: ID!, $revisionId: ID!, $expectedVersion: Int) {
  restoreArticleRevision(articleId: $articleId, revisionId: $revisionId, expectedVersion: $expectedVersion) { ${ARTICLE_FIELDS} }
}`;

const TAG_FIELDS = 'id name slug kind description articleCount';

export const TAGS = `query Tags($nameContains: String, $kind: TagKind, $first: Int, $after: String) {
  tags(nameContains: $nameContains, kind: $kind, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage } edges { node { ${TAG_FIELDS} } }
  }
}`;

export const CREATE_TAG = `mutation CreateTag($input: CreateTagInput!) { createTag(input: $input) { ${TAG_FIELDS} } }`;
export const UPDATE_TAG = `mutation UpdateTag($id: ID!, $input: UpdateTagInput!) { updateTag(id: $id, input: $input) { ${TAG_FIELDS} } }`;
export const DELETE_TAG = `mutation DeleteTag($id: ID!) { deleteTag(id: $id) }`;
export const MERGE_TAGS = `mutation MergeTags($sources: [ID!]!, $target: ID!) { mergeTags(sources: $sources, target: $target) { ${TAG_FIELDS} } }`;

const AUTHOR_FIELDS = 'id name slug bio email url articleCount';

export const AUTHORS = `query Authors($nameContains: String, $first: Int, $after: String) {
  authors(nameContains: $nameContains, first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage } edges { node { ${AUTHOR_FIELDS} } }
  }
}`;

export const CREATE_AUTHOR = `mutation CreateAuthor($input: CreateAuthorInput!) { createAuthor(input: $input) { ${AUTHOR_FIELDS} } }`;
export const UPDATE_AUTHOR = `mutation UpdateAuthor($id: ID!, $input: UpdateAuthorInput!) { updateAuthor(id: $id, input: $input) { ${AUTHOR_FIELDS} } }`;
export const DELETE_AUTHOR = `mutation DeleteAuthor($id: ID!) { deleteAuthor(id: $id) }`;

export const IMPORT_JOBS = `query ImportJobs($first: Int, $after: String) {
  importJobs(first: $first, after: $after) {
    totalCount pageInfo { endCursor hasNextPage }
    edges { node { id status source dryRun createdAt startedAt finishedAt error
      counts { total created updated unchanged failed skipped } progress { processed total } } }
  }
}`;

const TOKEN_FIELDS = 'id name role createdAt lastUsedAt revokedAt';

export const API_TOKENS = `query ApiTokens($first: Int, $after: String) {
  apiTokens(first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } edges { node { ${TOKEN_FIELDS} } } }
}`;

export const CREATE_TOKEN = `mutation CreateToken($input: CreateApiTokenInput!) {
  createApiToken(input: $input) { secret token { ${TOKEN_FIELDS} } }
}`;

export const REVOKE_TOKEN = `mutation RevokeToken($name: String!) { revokeApiToken(name: $name) { ${TOKEN_FIELDS} } }`;
