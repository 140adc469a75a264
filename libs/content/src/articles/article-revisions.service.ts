import { Injectable } from '@nestjs/common';
import { cursorTuple, toConnection, toPageRequest, type Connection, type ConnectionArgs } from '@pressroom/common';
import { type Article as ArticleRow, type ArticleRevision as RevisionRow, type Prisma } from '@pressroom/database';
import { notFound } from './article-refs.js';
import { existingAuthorsAndTags } from './article-refs.repository.js';
import { articleVersionCount, articleVersions, revisionSnapshot } from './article-revisions.repository.js';
import { ArticleWriter, type ArticleLinks, type Queryable } from './article-writer.service.js';
import { BodyRenderer } from './rendering/body-renderer.service.js';
import type { ArticleSnapshot } from './revision-snapshot.js';

/**
 * An article's history, newest first: the states it replaced, stored as revisions, and its
 * current state, read from the row. Restoring brings an earlier state back as a new change.
 */
@Injectable()
export class ArticleRevisionsService {
  constructor(
    private readonly writer: ArticleWriter,
    private readonly renderer: BodyRenderer,
  ) {}

  async list(articleId: string, args: ConnectionArgs): Promise<Connection<RevisionRow>> {
    const request = toPageRequest(args);
    const after = (cursorTuple(request, ['int4'])?.[0] as number | undefined) ?? null;
    const [rows, totalCount] = await Promise.all([
      articleVersions(this.writer.db, articleId, after, request.backward, request.take + 1),
      articleVersionCount(this.writer.db, articleId),
    ]);
    return toConnection(rows, request, totalCount, (row) => [row.version]);
  }

  /**
   * Brings back the content of a revision (text, slug, metadata, authors and tags) as a new
   * version with its own revision. The publication state is left as it is: restoring a draft's
   * wording must not take a live article down. Authors or tags deleted since are left out.
   */
  restore(
    articleId: string,
    revisionId: string,
    expectedVersion: number | undefined,
    actor: string,
  ): Promise<ArticleRow> {
    return this.writer.edit(articleId, expectedVersion, actor, 'restore', async ({ article }) => {
      const snapshot = await revisionSnapshot(this.writer.db, revisionId, articleId);
      if (!snapshot) throw notFound('ArticleRevision', { id: revisionId, articleId }, 'revisionId');
      if (snapshot.slug !== article.slug) await this.writer.assertSlugFree(snapshot.slug, 'revisionId', articleId);
      const content = {
        ...article,
        title: snapshot.title,
        slug: snapshot.slug,
        excerpt: snapshot.excerpt,
        body: snapshot.body,
        bodyFormat: snapshot.bodyFormat,
        html: await this.renderer.render(snapshot.body, snapshot.bodyFormat, 'revisionId'),
        language: snapshot.language,
        sourceUrl: snapshot.sourceUrl,
        frontMatter: (snapshot.frontMatter ?? {}) as Prisma.JsonValue,
      };
      return { content, links: await stillExisting(this.writer.db, snapshot) };
    });
  }
}

/** The snapshot's authors and tags that still exist, in the snapshot's order. */
async function stillExisting(db: Queryable, snapshot: ArticleSnapshot): Promise<ArticleLinks> {
  const existing = await existingAuthorsAndTags(db, snapshot.authorIds, snapshot.tagIds);
  const authors = new Set(existing.authorIds);
  const tags = new Set(existing.tagIds);
  return {
    authorIds: snapshot.authorIds.filter((id) => authors.has(id)),
    tagIds: snapshot.tagIds.filter((id) => tags.has(id)),
  };
}
