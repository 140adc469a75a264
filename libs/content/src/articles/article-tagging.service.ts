import { Injectable } from '@nestjs/common';
import { BadUserInputError } from '@pressroom/common';
import type { SqlClient, Tag as TagRow } from '@pressroom/database';
import { notFound } from './article-refs.js';
import { ArticleWriter } from './article-writer.service.js';
import { recordTagMerged } from './tag-merged-event.repository.js';

const TAG_COLUMNS = 'id::text, slug, name, kind, description, "createdAt", "updatedAt"';

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
      await client.query(
        `INSERT INTO "ArticleTag" ("articleId", "tagId")
         SELECT DISTINCT "articleId", $2::uuid FROM "ArticleTag" WHERE "tagId" = ANY($1::uuid[])
         ON CONFLICT DO NOTHING`,
        [sources, target],
      );
      await client.query(`DELETE FROM "Tag" WHERE id = ANY($1::uuid[])`, [sources]);
      await this.writer.recordMany(client, affected, actor, 'merge-tags');
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
      await client.query(`DELETE FROM "Tag" WHERE id = $1`, [id]);
      await this.writer.recordMany(client, affected, actor, 'delete-tag');
      return id;
    });
  }
}

// Articles are locked before tags, the order an article update takes them in (its new links
// check the tags), so the two do not deadlock; each list is locked in id order.
async function lockArticlesTagged(client: SqlClient, tagIds: string[]): Promise<void> {
  await client.query(
    `SELECT id FROM "Article" WHERE id IN (SELECT "articleId" FROM "ArticleTag" WHERE "tagId" = ANY($1::uuid[])) ORDER BY id FOR UPDATE`,
    [tagIds],
  );
}

async function lockTags(client: SqlClient, ids: string[]): Promise<TagRow[]> {
  const { rows } = await client.query<TagRow>(
    `SELECT ${TAG_COLUMNS} FROM "Tag" WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
    [ids],
  );
  return rows;
}

/** With the tags locked no new link to them can appear, so this is the final list. */
async function articlesTagged(client: SqlClient, tagIds: string[]): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT DISTINCT "articleId"::text AS id FROM "ArticleTag" WHERE "tagId" = ANY($1::uuid[])`,
    [tagIds],
  );
  return rows.map((r) => r.id);
}
