import { Injectable } from '@nestjs/common';
import { BadUserInputError } from '@pressroom/common';
import type { Tag as TagRow } from '@pressroom/database';
import { notFound } from './article-refs.js';
import {
  articlesTagged,
  deleteTag,
  deleteTags,
  lockArticlesTagged,
  lockTags,
  relinkArticles,
} from './article-tagging.repository.js';
import { ArticleWriter } from './article-writer.service.js';
import { recordTagMerged } from './tag-merged-event.repository.js';

/**
 * Tag changes that rewrite articles: merging tags and deleting one. Every article that loses or
 * gains a tag gets a new version and a revision, like any other change to it.
 */
@Injectable()
export class ArticleTaggingService {
  constructor(private readonly writer: ArticleWriter) {}

  /** Moves every article of `sources` to `target`, then deletes the sources. */
  merge(sources: string[], target: string, actor: string): Promise<TagRow> {
    if (sources.includes(target)) throw new BadUserInputError('The target cannot be one of the sources', 'sources');
    return this.writer.transaction(async (client) => {
      await lockArticlesTagged(client, sources);
      const tags = await lockTags(client, [...sources, target]);
      const missing = [target, ...sources].find((id) => !tags.some((t) => t.id === id));
      if (missing) throw notFound('Tag', { id: missing }, missing === target ? 'target' : 'sources');
      const affected = await articlesTagged(client, sources);
      await this.writer.recordMany(client, affected, actor, 'merge-tags');
      await relinkArticles(client, sources, target);
      await deleteTags(client, sources);
      const merged = tags.find((t) => t.id === target)!;
      await recordTagMerged(
        client,
        merged,
        tags.filter((t) => t.id !== target),
        affected.length,
      );
      return merged;
    });
  }

  /** Deletes a tag; its articles lose it, each with a new revision. Returns the id. */
  remove(id: string, actor: string): Promise<string> {
    return this.writer.transaction(async (client) => {
      await lockArticlesTagged(client, [id]);
      const [tag] = await lockTags(client, [id]);
      if (!tag) throw notFound('Tag', { id }, 'id');
      const affected = await articlesTagged(client, [id]);
      await this.writer.recordMany(client, affected, actor, 'delete-tag');
      await deleteTag(client, id);
      return id;
    });
  }
}
