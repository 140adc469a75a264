import { Injectable } from '@nestjs/common';
import { ConflictError, NotFoundError } from '@pressroom/common';
import { PrismaService, type Tag as TagRow, type TagKind } from '@pressroom/database';
import { freeSlug, retryOnTakenSlug } from '../slugs.js';
import type { CreateTagInput } from './dto/create-tag.input.js';
import type { UpdateTagInput } from './dto/update-tag.input.js';

/**
 * createTag and updateTag. Deleting and merging tags rewrite articles, so they live with the
 * articles (articles/article-tagging.service.ts).
 */
@Injectable()
export class TagEditingService {
  constructor(private readonly prisma: PrismaService) {}

  create(input: CreateTagInput): Promise<TagRow> {
    return retryOnTakenSlug(!input.slug, async () => {
      await this.assertNameFree(input.kind, input.name.trim());
      if (input.slug) await this.assertSlugFree(input.kind, input.slug);
      const slug = input.slug ?? (await this.freeSlug(input.kind, input.name));
      return this.prisma.tag.create({ data: { ...input, name: input.name.trim(), slug } });
    });
  }

  async update(id: string, input: UpdateTagInput): Promise<TagRow> {
    const current = await this.prisma.tag.findUnique({ where: { id } });
    if (!current) throw new NotFoundError('Tag', { id });
    const kind = input.kind ?? current.kind;
    const slug = input.slug ?? current.slug;
    if (kind !== current.kind || slug !== current.slug) await this.assertSlugFree(kind, slug);
    return this.prisma.tag.update({ where: { id }, data: { ...input, name: input.name?.trim() } });
  }

  private async assertSlugFree(kind: TagKind, slug: string): Promise<void> {
    const holder = await this.prisma.tag.findUnique({ where: { kind_slug: { kind, slug } }, select: { id: true } });
    if (holder)
      throw new ConflictError(`A ${kind} with the slug "${slug}" already exists`, { field: 'input.slug', slug, kind });
  }

  // Two tags of one kind and one name are a typo waiting to split articles: refuse, naming the first.
  private async assertNameFree(kind: TagKind, name: string): Promise<void> {
    const holder = await this.prisma.tag.findFirst({
      where: { kind, name: { equals: name, mode: 'insensitive' } },
      select: { id: true, slug: true, name: true },
    });
    if (holder)
      throw new ConflictError(`A ${kind} named "${holder.name}" already exists (slug "${holder.slug}")`, {
        field: 'input.name',
        kind,
        existing: holder,
      });
  }

  private freeSlug(kind: TagKind, name: string): Promise<string> {
    return freeSlug(name, 'tag', (slug) => this.prisma.tag.findMany({ where: { kind, slug }, select: { slug: true } }));
  }
}
