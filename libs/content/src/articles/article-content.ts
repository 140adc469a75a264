import { bodyLanguage, plainTextExcerpt } from '@pressroom/frontmatter';
import type { Article as ArticleRow, BodyFormat, Prisma } from '@pressroom/database';
import type { CreateArticleInput } from './dto/create-article.input.js';
import type { UpdateArticleInput } from './dto/update-article.input.js';

/** The fields of a new article that come from the editor's input (slug and links aside); `html` is its body rendered. */
export function createdContent(input: CreateArticleInput, html: string) {
  const title = input.title.trim();
  return {
    title,
    body: input.body,
    bodyFormat: input.bodyFormat,
    html,
    excerpt: input.excerpt ?? plainTextExcerpt(html),
    language: input.language ?? bodyLanguage(title, { body: input.body, html, format: input.bodyFormat }),
    sourceUrl: input.sourceUrl ?? null,
    frontMatter: (input.frontMatter ?? {}) as Prisma.JsonObject,
  };
}

/** The body and format an update leaves, when they differ from the current ones (to render); else null. */
export function changedBody(
  current: ArticleRow,
  input: UpdateArticleInput,
): { body: string; bodyFormat: BodyFormat } | null {
  const body = input.body ?? current.body;
  const bodyFormat = input.bodyFormat ?? current.bodyFormat;
  return body === current.body && bodyFormat === current.bodyFormat ? null : { body, bodyFormat };
}

/**
 * The content fields after an update; `html` is the changed body rendered (see changedBody), or
 * null to keep the current html. An excerpt that was derived from the old body follows the new
 * one, while one an editor wrote stays.
 */
export function updatedContent(current: ArticleRow, input: UpdateArticleInput, rendered: string | null) {
  const title = input.title?.trim() ?? current.title;
  const body = input.body ?? current.body;
  const bodyFormat = input.bodyFormat ?? current.bodyFormat;
  const html = rendered ?? current.html;
  return {
    title,
    body,
    bodyFormat,
    html,
    excerpt: nextExcerpt(current, input.excerpt, html),
    language:
      input.language === undefined
        ? current.language
        : (input.language ?? bodyLanguage(title, { body, html, format: bodyFormat })),
    sourceUrl: input.sourceUrl === undefined ? current.sourceUrl : input.sourceUrl,
    frontMatter: (input.frontMatter ?? current.frontMatter) as Prisma.JsonValue,
  };
}

function nextExcerpt(current: ArticleRow, given: string | null | undefined, html: string): string | null {
  if (given === null) return plainTextExcerpt(html);
  if (given !== undefined) return given;
  if (html === current.html) return current.excerpt;
  const wasDerived = current.excerpt === null || current.excerpt === plainTextExcerpt(current.html);
  return wasDerived ? plainTextExcerpt(html) : current.excerpt;
}
