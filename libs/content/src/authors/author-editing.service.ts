import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@pressroom/common';
import { Prisma, PrismaService, type Author as AuthorRow } from '@pressroom/database';
import { freeSlug, retryOnTakenSlug, slugTaken } from '../slugs.js';
import type { CreateAuthorInput } from './dto/create-author.input.js';
import type { UpdateAuthorInput } from './dto/update-author.input.js';

/** createAuthor, updateAuthor and deleteAuthor. */
@Injectable()
export class AuthorEditingService {
  constructor(private readonly prisma: PrismaService) {}

  create(input: CreateAuthorInput): Promise<AuthorRow> {
    return retryOnTakenSlug(!input.slug, async () => {
      if (input.slug) await this.assertSlugFree(input.slug);
      const slug = input.slug ?? (await this.freeSlug(input.name));
      return this.prisma.author.create({ data: { ...input, name: input.name.trim(), slug } });
    });
  }

  async update(id: string, input: UpdateAuthorInput): Promise<AuthorRow> {
    const current = await this.prisma.author.findUnique({ where: { id } });
    if (!current) throw new NotFoundError('Author', { id });
    if (input.slug !== undefined && input.slug !== current.slug) await this.assertSlugFree(input.slug);
    return this.prisma.author.update({ where: { id }, data: { ...input, name: input.name?.trim() } });
  }

  /**
   * Deletes an author no article credits. One still credited is a CONFLICT that says how many
   * articles to change first: deleting would silently rewrite their bylines.
   */
  async remove(id: string): Promise<string> {
    const author = await this.prisma.author.findUnique({
      where: { id },
      include: { _count: { select: { articles: true } } },
    });
    if (!author) throw new NotFoundError('Author', { id });
    if (author._count.articles > 0) throw stillCredited(author.name, author._count.articles);
    try {
      await this.prisma.author.delete({ where: { id } });
    } catch (error) {
      // An article credited the author between the count and the delete (ArticleAuthor restricts it).
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2003')
        throw stillCredited(author.name, 1);
      throw error;
    }
    return id;
  }

  private async assertSlugFree(slug: string): Promise<void> {
    const holder = await this.prisma.author.findUnique({ where: { slug }, select: { id: true } });
    if (holder) throw slugTaken(slug, 'input.slug', 'author');
  }

  private freeSlug(name: string): Promise<string> {
    return freeSlug(name, 'author', (slug) => this.prisma.author.findMany({ where: { slug }, select: { slug: true } }));
  }
}

function stillCredited(name: string, articleCount: number): ConflictError {
  return new ConflictError(
    `Author "${name}" is still credited on ${articleCount} article(s); remove them from those bylines or delete those articles first`,
    { field: 'id', reason: 'AUTHOR_HAS_ARTICLES', articleCount },
  );
}
