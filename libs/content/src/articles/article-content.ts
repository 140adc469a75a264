import { detectLanguage, plainTextExcerpt, renderBody } from '@pressroom/frontmatter';
import type { Article as ArticleRow, BodyFormat, Prisma } from '@pressroom/database';
import type { CreateArticleInput } from './dto/create-article.input.js';
import type { UpdateArticleInput } from './dto/update-article.input.js';

// Detection reads the start of the text only; more costs time without changing the answer.
const DETECT_CHARS = 4000;

/** The fields of a new article that come from the editor's input (slug and links aside). */
export function createdContent(input: CreateArticleInput) {
  const title = input.title.trim();
  const html = renderBody(input.body, input.bodyFormat);
  return {
    title,
    body: input.body,
    bodyFormat: input.bodyFormat,
    html,
    excerpt: input.excerpt ?? plainTextExcerpt(html),
    language: input.language ?? detectedLanguage(title, html),
    sourceUrl: input.sourceUrl ?? null,
    frontMatter: (input.frontMatter ?? {}) as Prisma.JsonObject,
  };
}

/**
 * The content fields after an update. The html is re-rendered by the import's renderer when the
 * body or its format changes; an excerpt that was derived from the old body follows the new
 * one, while one an editor wrote stays.
 */
export function updatedContent(current: ArticleRow, input: UpdateArticleInput) {
  const title = input.title?.trim() ?? current.title;
  const body = input.body ?? current.body;
  const bodyFormat = input.bodyFormat ?? current.bodyFormat;
  const html = body === current.body && bodyFormat === current.bodyFormat ? current.html : renderBody(body, bodyFormat);
  return {
    title,
    body,
    bodyFormat,
    html,
    excerpt: nextExcerpt(current, input.excerpt, html),
    language: input.language === undefined ? current.language : (input.language ?? detectedLanguage(title, html)),
    sourceUrl: input.sourceUrl === undefined ? current.sourceUrl : input.sourceUrl,
    frontMatter: (input.frontMatter ?? current.frontMatter) as Prisma.JsonValue,
  };
}

/** Re-rendered html for a body restored from a revision. */
export function renderedHtml(body: string, bodyFormat: BodyFormat): string {
  return renderBody(body, bodyFormat);
}

function nextExcerpt(current: ArticleRow, given: string | null | undefined, html: string): string | null {
  if (given === null) return plainTextExcerpt(html);
  if (given !== undefined) return given;
  if (html === current.html) return current.excerpt;
  const wasDerived = current.excerpt === null || current.excerpt === plainTextExcerpt(current.html);
  return wasDerived ? plainTextExcerpt(html) : current.excerpt;
}

function detectedLanguage(title: string, html: string): string | null {
  return detectLanguage(`${title}\n${plainTextExcerpt(html, DETECT_CHARS) ?? ''}`);
}
