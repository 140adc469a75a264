import { Injectable } from '@nestjs/common';
import { ArticleStatus, type Article as ArticleRow } from '@pressroom/database';
import { changedBody, createdContent, updatedContent } from './article-content.js';
import { explainMissingRefs, idsWithoutLookup, resolveAuthorIds, resolveTagIds } from './article-refs.js';
import { ArticleWriter, changesArticle } from './article-writer.service.js';
import { isTakenSlug, retryOnTakenSlug, slugTaken } from '../slugs.js';
import { BodyRenderer } from './rendering/body-renderer.service.js';
import type { CreateArticleInput } from './dto/create-article.input.js';
import type { UpdateArticleInput } from './dto/update-article.input.js';

/** createArticle, updateArticle and deleteArticle. */
@Injectable()
export class ArticleEditingService {
  constructor(
    private readonly writer: ArticleWriter,
    private readonly renderer: BodyRenderer,
  ) {}

  /**
   * A new DRAFT at version 1. In one statement when the slug is given and authors and tags are
   * given by id: the unique slug index and the links' foreign keys check them (a taken slug is
   * the same CONFLICT, a missing author or tag the same NOT_FOUND as a lookup first gave), so a
   * create is one round trip instead of four (issue 15: peerbench's write path).
   */
  async create(input: CreateArticleInput, actor: string): Promise<ArticleRow> {
    const html = await this.renderer.render(input.body, input.bodyFormat);
    const content = createdContent(input, html, input.excerpt ?? (await this.renderer.excerpt(html)));
    const authorIds =
      idsWithoutLookup(input.authors ?? [], 'input.authors') ??
      (await resolveAuthorIds(this.writer.db, input.authors ?? [], 'input.authors'));
    const tagIds =
      idsWithoutLookup(input.tags ?? [], 'input.tags') ??
      (await resolveTagIds(this.writer.db, input.tags ?? [], 'input.tags'));
    let slug = input.slug ?? '';
    try {
      return await retryOnTakenSlug(!input.slug, async () => {
        slug = input.slug ?? (await this.writer.freeSlug(content.title));
        const draft = { ...content, slug, status: ArticleStatus.DRAFT, publishedAt: null };
        return this.writer.create(draft, { authorIds, tagIds }, actor);
      });
    } catch (error) {
      if (isTakenSlug(error)) throw slugTaken(slug, 'input.slug');
      await explainMissingRefs(this.writer.db, error, input, 'input');
      throw error;
    }
  }

  /**
   * Applies `input` if the article is still at `expectedVersion`; else CONFLICT and nothing
   * changes. Of concurrent updates from one version exactly one applies. An input that changes
   * nothing answers the article as it is, at the same version (see changesArticle()).
   */
  async update(id: string, input: UpdateArticleInput, expectedVersion: number, actor: string): Promise<ArticleRow> {
    // A title alone (peerbench's M1) is one statement, the title it already has included; when
    // it does not apply (stale version, no such article, an article saved before the body's
    // vector part was kept) the general path answers, as it would have.
    const title = titleOnly(input);
    if (title !== undefined) {
      const saved = await this.writer.saveTitle(id, expectedVersion, title, actor, 'update');
      if (saved) return saved;
    }
    return this.writer.edit(id, expectedVersion, actor, 'update', async (current) => {
      const { article } = current;
      const slug = input.slug ?? article.slug;
      if (slug !== article.slug) await this.writer.assertSlugFree(slug, 'input.slug', id);
      const authorIds = input.authors && (await resolveAuthorIds(this.writer.db, input.authors, 'input.authors'));
      const tagIds = input.tags && (await resolveTagIds(this.writer.db, input.tags, 'input.tags'));
      const next = changedBody(article, input);
      const html = next && (await this.renderer.render(next.body, next.bodyFormat));
      const content = await updatedContent(article, input, html, (h) => this.renderer.excerpt(h));
      const edit = { content: { ...article, ...content, slug }, links: { authorIds, tagIds } };
      return changesArticle(current, edit) ? edit : null;
    });
  }

  /** Deletes the article with its links and revisions; returns its id. */
  async remove(id: string, expectedVersion: number | undefined): Promise<string> {
    await this.writer.delete(id, expectedVersion);
    return id;
  }
}

/** The new title, trimmed as updatedContent() trims it, when the input changes nothing else. */
function titleOnly(input: UpdateArticleInput): string | undefined {
  const given = Object.entries(input).filter(([, value]) => value !== undefined);
  return given.length === 1 && given[0][0] === 'title' ? (input.title as string).trim() : undefined;
}
