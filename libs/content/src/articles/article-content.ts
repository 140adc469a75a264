import { bodyLanguage } from '@pressroom/frontmatter';
import type { Article as ArticleRow, BodyFormat, Prisma } from '@pressroom/database';
import type { CreateArticleInput } from './dto/create-article.input.js';
import type { UpdateArticleInput } from './dto/update-article.input.js';

/** The excerpt derived from rendered html (plainTextExcerpt(), on BodyRenderer's thread when large). */
export type ExcerptOf = (html: string) => Promise<string | null>;

/**
 * The fields of a new article that come from the editor's input (slug and links aside); `html`
 * is its body rendered, `derivedExcerpt` the excerpt derived from it.
 */
export function createdContent(input: CreateArticleInput, html: string, derivedExcerpt: string | null) {
  const title = input.title.trim();
  return {
    title,
    body: input.body,
    bodyFormat: input.bodyFormat,
    html,
    excerpt: input.excerpt ?? derivedExcerpt,
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
export async function updatedContent(
  current: ArticleRow,
  input: UpdateArticleInput,
  rendered: string | null,
  excerptOf: ExcerptOf,
) {
  const title = input.title?.trim() ?? current.title;
  const body = input.body ?? current.body;
  const bodyFormat = input.bodyFormat ?? current.bodyFormat;
  const html = rendered ?? current.html;
  return {
    title,
    body,
    bodyFormat,
    html,
    excerpt: await nextExcerpt(current, input.excerpt, html, excerptOf),
    language:
      input.language === undefined
        ? current.language
        : (input.language ?? bodyLanguage(title, { body, html, format: bodyFormat })),
    sourceUrl: input.sourceUrl === undefined ? current.sourceUrl : input.sourceUrl,
    frontMatter: (input.frontMatter ?? current.frontMatter) as Prisma.JsonValue,
  };
}

async function nextExcerpt(
  current: ArticleRow,
  given: string | null | undefined,
  html: string,
  excerptOf: ExcerptOf,
): Promise<string | null> {
  if (given === null) return excerptOf(html);
  if (given !== undefined) return given;
  if (html === current.html) return current.excerpt;
  const wasDerived = current.excerpt === null || current.excerpt === (await excerptOf(current.html));
  return wasDerived ? excerptOf(html) : current.excerpt;
}
