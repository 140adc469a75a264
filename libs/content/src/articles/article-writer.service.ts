import { Injectable } from '@nestjs/common';
import { appErrorOfSqlState, ConflictError, NotFoundError } from '@pressroom/common';
import { SqlPool, type Article as ArticleRow, type SqlClient } from '@pressroom/database';
import { redirectKey } from '@pressroom/frontmatter';
import { freeSlug, slugTaken } from '../slugs.js';
import { searchDocument } from '../search/search-document.js';
import { ARTICLE_COLUMNS, columnList, EDITABLE_COLUMNS, placeholders, type ArticleContent } from './article-columns.js';
import { revisionSnapshotSql, storedLinks } from './revision-snapshot.js';

/** What a statement needs: the pool itself, or the client of a transaction. */
export type Queryable = Pick<SqlPool, 'query'>;

export interface ArticleLinks {
  /** In byline order. */
  authorIds: string[];
  tagIds: string[];
}

export interface CurrentArticle {
  article: ArticleRow;
  links: ArticleLinks;
}

/** What an edit changes: the content, and the links it replaces (the others stay). */
export interface ArticleEdit {
  content: ArticleContent;
  links?: Partial<ArticleLinks>;
}

const COLUMNS = columnList(ARTICLE_COLUMNS);
const LINKS = `ARRAY(SELECT "authorId"::text FROM "ArticleAuthor" WHERE "articleId" = a.id ORDER BY position) AS "authorIds",
  ARRAY(SELECT "tagId"::text FROM "ArticleTag" WHERE "articleId" = a.id) AS "tagIds"`;
// An edit whose caller named no version is applied to whatever is newest, trying again when
// another write lands between its read and its save.
const UNPINNED_ATTEMPTS = 3;

/**
 * How every article write is made: read, decide, then save the article, its links and the
 * revision of the new state in ONE statement that only applies if the version is still the one
 * read (optimistic locking: of concurrent saves from one version, exactly one applies). The
 * search vector, from searchDocument() as the import computes it, is saved in that statement. Plain pg rather than Prisma: each write is two or three round trips, and
 * Prisma's per-statement cost was most of the time (bench/api/update-bench.mjs).
 */
@Injectable()
export class ArticleWriter {
  constructor(private readonly sql: SqlPool) {}

  /** For reads and checks outside a transaction. */
  get db(): Queryable {
    return this.sql;
  }

  async read(id: string): Promise<CurrentArticle> {
    const { rows } = await this.sql.query<ArticleRow & ArticleLinks>(
      `SELECT ${COLUMNS}, ${LINKS} FROM "Article" AS a WHERE id = $1`,
      [id],
    );
    if (!rows[0]) throw new NotFoundError('Article', { id });
    const { authorIds, tagIds, ...article } = rows[0];
    return { article, links: { authorIds, tagIds } };
  }

  /**
   * Reads the article, lets `change` decide (null: nothing to do), and saves. CONFLICT with the
   * current version when `expectedVersion` is given and stale, now or by the time of the save.
   */
  async edit(
    id: string,
    expectedVersion: number | undefined,
    actor: string,
    action: string,
    change: (current: CurrentArticle) => Promise<ArticleEdit | null> | ArticleEdit | null,
  ): Promise<ArticleRow> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.read(id);
      assertVersion(current.article, expectedVersion);
      const edit = await change(current);
      if (!edit) return current.article;
      const saved = await this.save(current, edit, actor, action);
      if (saved) return saved;
      if (expectedVersion !== undefined || attempt >= UNPINNED_ATTEMPTS) {
        assertVersion((await this.read(id)).article, current.article.version);
      }
    }
  }

  /** A new article at version 1 with its links and first revision, in one statement. */
  async create(content: ArticleContent, links: ArticleLinks, actor: string): Promise<ArticleRow> {
    const write = writeValues([links.authorIds, links.tagIds, actor], content);
    const { rows } = await run(
      this.sql,
      `WITH a AS (
         INSERT INTO "Article" (id, ${columnList(EDITABLE_COLUMNS)}, "searchVector", version)
         VALUES (gen_random_uuid(), ${write.content.join(', ')}, ${write.searchVector}, 1)
         RETURNING ${COLUMNS}
       ), authors AS (
         INSERT INTO "ArticleAuthor" ("articleId", "authorId", position)
         SELECT a.id, x.author, x.n - 1 FROM a, unnest($1::uuid[]) WITH ORDINALITY AS x(author, n)
       ), tags AS (
         INSERT INTO "ArticleTag" ("articleId", "tagId") SELECT a.id, x.tag FROM a, unnest($2::uuid[]) AS x(tag)
       ), revision AS (
         INSERT INTO "ArticleRevision" (id, "articleId", version, actor, action, snapshot)
         SELECT gen_random_uuid(), a.id, 1, $3, 'create', ${revisionSnapshotSql('a', { authorIds: '$1::uuid[]', tagIds: '$2::uuid[]' })} FROM a
       )
       SELECT * FROM a`,
      write.values,
    );
    return rows[0]!;
  }

  /** Deletes the article (links and revisions cascade); CONFLICT when `expectedVersion` is stale. */
  async delete(id: string, expectedVersion: number | undefined): Promise<void> {
    const { rowCount } = await run(
      this.sql,
      `DELETE FROM "Article" WHERE id = $1 AND ($2::int IS NULL OR version = $2)`,
      [id, expectedVersion ?? null],
    );
    if (!rowCount) assertVersion((await this.read(id)).article, expectedVersion);
  }

  /** Runs `work` in one transaction; constraint failures are answered as CONFLICT. */
  async transaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T> {
    try {
      return await this.sql.transaction(work);
    } catch (error) {
      throw asAppError(error);
    }
  }

  /**
   * For a change made to many articles at once (a tag merged or deleted), inside its
   * transaction: each gets a new version and a revision of its state.
   */
  async recordMany(client: SqlClient, articleIds: string[], actor: string, action: string): Promise<void> {
    if (!articleIds.length) return;
    await client.query(
      `WITH a AS (
         UPDATE "Article" SET version = version + 1, "updatedAt" = now() WHERE id = ANY($1::uuid[]) RETURNING ${COLUMNS}
       )
       INSERT INTO "ArticleRevision" (id, "articleId", version, actor, action, snapshot)
       SELECT gen_random_uuid(), a.id, a.version, $2, $3, ${revisionSnapshotSql('a', storedLinks('a'))} FROM a`,
      [articleIds, actor, action],
    );
  }

  /** CONFLICT naming `field` when another article holds `slug`. */
  async assertSlugFree(slug: string, field: string, exceptId?: string): Promise<void> {
    const { rows } = await this.sql.query<{ id: string }>(`SELECT id FROM "Article" WHERE slug = $1`, [slug]);
    if (rows[0] && rows[0].id !== exceptId) throw slugTaken(slug, field);
  }

  /** A free slug made from `title`: readable, numbered (-2, -3, ...) when the plain one is taken. */
  freeSlug(title: string): Promise<string> {
    return freeSlug(title, 'article', async (filter) => {
      const { rows } =
        'in' in filter
          ? await this.sql.query<{ slug: string }>(`SELECT slug FROM "Article" WHERE slug = ANY($1)`, [filter.in])
          : await this.sql.query<{ slug: string }>(`SELECT slug FROM "Article" WHERE starts_with(slug, $1)`, [
              filter.startsWith,
            ]);
      return rows;
    });
  }

  /** The save of `edit` over `current`, or null when another save got there first. */
  private async save(
    current: CurrentArticle,
    edit: ArticleEdit,
    actor: string,
    action: string,
  ): Promise<ArticleRow | null> {
    const links = {
      authorIds: edit.links?.authorIds ?? current.links.authorIds,
      tagIds: edit.links?.tagIds ?? current.links.tagIds,
    };
    const write = writeValues(
      [
        current.article.id,
        current.article.version,
        edit.links?.authorIds !== undefined,
        links.authorIds,
        edit.links?.tagIds !== undefined,
        links.tagIds,
        actor,
        action,
        oldSlugPath(current.article.slug, edit.content.slug),
      ],
      edit.content,
    );
    const set = EDITABLE_COLUMNS.map((c, i) => `"${c}" = ${write.content[i]}`).join(', ');
    const { rows } = await run(
      this.sql,
      `WITH a AS (
         UPDATE "Article" SET ${set}, "searchVector" = ${write.searchVector}, version = version + 1, "updatedAt" = now()
         WHERE id = $1 AND version = $2
         RETURNING ${COLUMNS}
       ), unlinked_authors AS (
         DELETE FROM "ArticleAuthor" WHERE $3 AND "articleId" IN (SELECT id FROM a) AND "authorId" <> ALL($4::uuid[])
       ), linked_authors AS (
         INSERT INTO "ArticleAuthor" ("articleId", "authorId", position)
         SELECT a.id, x.author, x.n - 1 FROM a, unnest($4::uuid[]) WITH ORDINALITY AS x(author, n) WHERE $3
         ON CONFLICT ("articleId", "authorId") DO UPDATE SET position = EXCLUDED.position
       ), unlinked_tags AS (
         DELETE FROM "ArticleTag" WHERE $5 AND "articleId" IN (SELECT id FROM a) AND "tagId" <> ALL($6::uuid[])
       ), linked_tags AS (
         INSERT INTO "ArticleTag" ("articleId", "tagId") SELECT a.id, x.tag FROM a, unnest($6::uuid[]) AS x(tag) WHERE $5
         ON CONFLICT DO NOTHING
       ), revision AS (
         INSERT INTO "ArticleRevision" (id, "articleId", version, actor, action, snapshot)
         SELECT gen_random_uuid(), a.id, a.version, $7, $8, ${revisionSnapshotSql('a', { authorIds: '$4::uuid[]', tagIds: '$6::uuid[]' })} FROM a
       ), old_slug AS (
         INSERT INTO "Redirect" (path, "articleId") SELECT $9, a.id FROM a WHERE $9::text IS NOT NULL
         ON CONFLICT (path) DO UPDATE SET "articleId" = EXCLUDED."articleId"
       )
       SELECT * FROM a`,
      write.values,
    );
    return rows[0] ?? null;
  }
}

/** CONFLICT, with the current version, when the article is not at `expectedVersion`. */
function assertVersion(article: ArticleRow, expectedVersion: number | undefined): void {
  if (expectedVersion === undefined || article.version === expectedVersion) return;
  throw new ConflictError(
    `Article ${article.id} is at version ${article.version}, not ${expectedVersion}: it changed since you read it`,
    {
      field: 'expectedVersion',
      currentVersion: article.version,
      expectedVersion,
    },
  );
}

/**
 * A write's values: its own ($1 ...), then the search document's four parts (the index's one
 * source, computed here as the import does), then the content in EDITABLE_COLUMNS order; with
 * the SQL for the vector and the content's placeholders, so a new editable column changes no
 * statement.
 */
function writeValues(own: unknown[], c: ArticleContent) {
  const search = searchDocument(c);
  const s = own.length + 1;
  const content = EDITABLE_COLUMNS.map((column) =>
    column === 'frontMatter' ? JSON.stringify(c.frontMatter ?? {}) : c[column],
  );
  return {
    values: [
      ...own,
      search.titleWords,
      Buffer.from(search.titleBigrams),
      search.bodyWords,
      Buffer.from(search.bodyBigrams),
      ...content,
    ],
    searchVector: `pressroom_search_vector($${s}, $${s + 1}::tsvector, $${s + 2}, $${s + 3}::tsvector)`,
    content: placeholders(EDITABLE_COLUMNS, s + 4),
  };
}

async function run<R extends ArticleRow>(db: Queryable, text: string, values: unknown[]) {
  try {
    return await db.query<R>(text, values);
  } catch (error) {
    throw asAppError(error);
  }
}

/** A changed slug leaves its old path, `/<old-slug>`, as a redirect to the article (issue 12). */
function oldSlugPath(before: string, after: string): string | null {
  return before === after ? null : redirectKey(`/${before}`);
}

/** A slug taken meanwhile, a linked author or tag deleted meanwhile: CONFLICT, not a 500 (see appErrorOfSqlState()). */
function asAppError(error: unknown): unknown {
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (typeof code !== 'string') return error;
  return appErrorOfSqlState(code, typeof constraint === 'string' ? constraint : undefined) ?? error;
}
