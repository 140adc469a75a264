import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@pressroom/common';
import { SqlPool, type Article as ArticleRow, type SqlClient } from '@pressroom/database';
import { freeSlug, slugTaken } from '../slugs.js';
import type { ArticleContent } from './article-columns.js';
import { BodyRenderer } from './rendering/body-renderer.service.js';
import {
  articleIdWithSlug,
  articleSlugs,
  asAppError,
  deleteArticle,
  insertArticle,
  readArticle,
  recordVersions,
  saveArticle,
  savePublication,
  saveTitle,
  type ArticleEdit,
  type ArticleLinks,
  type CurrentArticle,
  type Queryable,
  type SearchWrite,
} from './article-writes.repository.js';
import { splitIndexText } from '../search/search-document.js';
import { SearchIndexMerger } from '../search/search-index-merger.service.js';

export type { ArticleEdit, ArticleLinks, CurrentArticle, Queryable } from './article-writes.repository.js';
export { changesArticle } from './article-writes.repository.js';

// An edit whose caller named no version is applied to whatever is newest, trying again when
// another write lands between its read and its save.
const UNPINNED_ATTEMPTS = 3;

/**
 * How every article write is made: read, decide, then save the article, its links and the
 * revision of the state it replaces in ONE statement that only applies if the version is still the one
 * read (optimistic locking: of concurrent saves from one version, exactly one applies). The
 * search vector, from searchDocument() as the import computes it (on BodyRenderer's thread for a
 * large body), is saved in that statement, kept as it is when title, excerpt and body did not
 * change (publishing, a slug or a tag), and only its title part remade when the title alone did. Plain pg rather than Prisma: each write is two or three
 * round trips, and Prisma's per-statement cost was most of the time (bench/api/update-bench.mjs).
 * The statements are in article-writes.repository.ts.
 */
@Injectable()
export class ArticleWriter {
  constructor(
    private readonly sql: SqlPool,
    private readonly renderer: BodyRenderer,
    private readonly searchIndex: SearchIndexMerger,
  ) {}

  /** For reads and checks outside a transaction. */
  get db(): Queryable {
    return this.sql;
  }

  async read(id: string): Promise<CurrentArticle> {
    const current = await readArticle(this.sql, id);
    if (!current) throw new NotFoundError('Article', { id });
    return current;
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
      const search = await this.searchWrite(current, edit.content);
      const saved = await saveArticle(this.sql, current, edit, actor, action, search);
      if (saved) return this.written(saved);
      if (expectedVersion !== undefined || attempt >= UNPINNED_ATTEMPTS) {
        assertVersion((await this.read(id)).article, current.article.version);
      }
    }
  }

  /**
   * A new title for the article at `version`, saved in one statement without reading the
   * article first; null when that statement does not apply (see saveTitle()): then edit().
   */
  async saveTitle(
    id: string,
    version: number,
    title: string,
    actor: string,
    action: string,
  ): Promise<ArticleRow | null> {
    const { words, bigrams } = splitIndexText(title);
    const saved = await saveTitle(this.sql, id, version, title, words, bigrams, actor, action);
    return saved && this.written(saved);
  }

  /**
   * PUBLISHED from `at` (see ArticlePublishingService.publish), saved in one statement without
   * reading the article first; null when that statement does not apply (see savePublication()):
   * then edit().
   */
  async savePublication(
    id: string,
    expectedVersion: number | undefined,
    at: Date | undefined,
    actor: string,
  ): Promise<ArticleRow | null> {
    const saved = await savePublication(this.sql, id, expectedVersion, at, actor);
    return saved && this.written(saved);
  }

  /**
   * The vector's fate: kept when its sources did not change; a new title part over the body part
   * the row keeps when only the title did (the same value as computing it all: see migration
   * revisions_of_replaced_states); else computed in full, as the import does.
   */
  private async searchWrite(current: CurrentArticle, next: ArticleContent): Promise<SearchWrite> {
    const { article } = current;
    const sameBody = article.excerpt === next.excerpt && article.html === next.html;
    if (sameBody && article.title === next.title) return null;
    if (sameBody && current.hasSearchBody) {
      const { words, bigrams } = splitIndexText(next.title);
      return { titleOnly: { titleWords: words, titleBigrams: bigrams } };
    }
    return { full: await this.renderer.searchDocument(next) };
  }

  /** A new article at version 1 with its links, in one statement (no revision: the row is the state). */
  async create(content: ArticleContent, links: ArticleLinks, actor: string): Promise<ArticleRow> {
    return this.written(
      await insertArticle(this.sql, content, links, actor, await this.renderer.searchDocument(content)),
    );
  }

  /** Deletes the article (links and revisions cascade); CONFLICT when `expectedVersion` is stale. */
  async delete(id: string, expectedVersion: number | undefined): Promise<void> {
    const rowCount = await deleteArticle(this.sql, id, expectedVersion);
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
   * transaction and BEFORE the change: each gets a new version, and the state it leaves is
   * stored as a revision.
   */
  async recordMany(client: SqlClient, articleIds: string[], actor: string, action: string): Promise<void> {
    if (!articleIds.length) return;
    await recordVersions(client, articleIds, actor, action);
    this.searchIndex.written();
  }

  /**
   * Every new row version of an article adds its whole vector to the search index's pending
   * list (a GIN index has no HOT updates), which SearchIndexMerger merges shortly after.
   */
  private written<T>(saved: T): T {
    this.searchIndex.written();
    return saved;
  }

  /** CONFLICT naming `field` when another article holds `slug`. */
  async assertSlugFree(slug: string, field: string, exceptId?: string): Promise<void> {
    const holder = await articleIdWithSlug(this.sql, slug);
    if (holder && holder !== exceptId) throw slugTaken(slug, field);
  }

  /** A free slug made from `title`: readable, numbered (-2, -3, ...) when the plain one is taken. */
  freeSlug(title: string): Promise<string> {
    return freeSlug(title, 'article', (filter) => articleSlugs(this.sql, filter));
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
