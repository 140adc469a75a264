import type { INestApplication } from '@nestjs/common';
import { ApiTokensService } from '@pressroom/auth';
import { searchDocument } from '@pressroom/content';
import {
  PrismaService,
  SqlPool,
  type Article,
  type Author,
  type Prisma,
  type Tag,
  type TagKind,
} from '@pressroom/database';

let sequence = 0;
const next = () => ++sequence;

export async function createAuthor(
  app: INestApplication,
  data: Partial<Prisma.AuthorCreateInput> = {},
): Promise<Author> {
  const n = next();
  return app.get(PrismaService).author.create({ data: { slug: `author-${n}`, name: `Author ${n}`, ...data } });
}

export async function createTag(
  app: INestApplication,
  data: Partial<Prisma.TagCreateInput> & { kind?: TagKind } = {},
): Promise<Tag> {
  const n = next();
  return app.get(PrismaService).tag.create({ data: { slug: `tag-${n}`, name: `Tag ${n}`, ...data } });
}

export interface ArticleFactoryInput extends Partial<Omit<Prisma.ArticleCreateInput, 'authors' | 'tags'>> {
  authors?: Author[];
  tags?: Tag[];
}

/** A PUBLISHED article published a minute ago unless told otherwise, indexed for search as every writer does. */
export async function createArticle(app: INestApplication, input: ArticleFactoryInput = {}): Promise<Article> {
  const n = next();
  const { authors = [], tags = [], ...data } = input;
  const article = await app.get(PrismaService).article.create({
    data: {
      slug: `article-${n}`,
      title: `Article ${n}`,
      body: `Body of article ${n}`,
      html: `<p>Body of article ${n}</p>`,
      status: 'PUBLISHED',
      publishedAt: new Date(Date.now() - 60_000),
      ...data,
      authors: { create: authors.map((a, position) => ({ authorId: a.id, position })) },
      tags: { create: tags.map((t) => ({ tagId: t.id })) },
    },
  });
  await indexForSearch(app, article);
  return article;
}

/** Sets the article's search vector from searchDocument(), as the import and the editor's writes do. */
export async function indexForSearch(
  app: INestApplication,
  article: Pick<Article, 'id' | 'title' | 'excerpt' | 'html'>,
) {
  const doc = searchDocument(article);
  await app
    .get(SqlPool)
    .query(
      `UPDATE "Article" SET "searchVector" = pressroom_search_vector($1, $2::tsvector, $3, $4::tsvector) WHERE id = $5::uuid`,
      [doc.titleWords, Buffer.from(doc.titleBigrams), doc.bodyWords, Buffer.from(doc.bodyBigrams), article.id],
    );
}

/** A token of the given role; returns its secret for `Authorization: Bearer`. */
export async function createToken(
  app: INestApplication,
  role: 'ADMIN' | 'EDITOR',
  name = `${role.toLowerCase()}-${next()}`,
): Promise<string> {
  const { secret } = await app.get(ApiTokensService).create(name, role);
  return secret;
}
