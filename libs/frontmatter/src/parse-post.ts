import { contentHash } from './content-hash.js';
import type { MappingContext, RenderedBody } from './context.js';
import { isValidTimeZone } from './dates/time-zone.js';
import { parseHeader } from './header/parse-header.js';
import { FRONTMATTER_LIMITS } from './limits.js';
import { authorsOf } from './mapping/authors.js';
import { expiresAtOf, lastModifiedAtOf, publishedAtOf } from './mapping/dates.js';
import { excerptOf } from './mapping/excerpt.js';
import { asText } from './mapping/header-values.js';
import { languageOf } from './mapping/language.js';
import { redirectsOf } from './mapping/redirects.js';
import { slugOf } from './mapping/slug.js';
import { bodyFormatOf, describePath } from './mapping/source-path.js';
import { sourceUrlOf } from './mapping/source-url.js';
import { statusOf } from './mapping/status.js';
import { tagsOf } from './mapping/tags.js';
import { titleOf } from './mapping/title.js';
import { ParseError } from './parse-error.js';
import { renderBody } from './render/render-body.js';
import { decodeFile } from './source/decode-file.js';
import { splitHeader } from './source/split-header.js';
import type { Located, NormalisedPost, ParseOptions, ParseResult } from './types.js';

/**
 * Bytes of one file and its path -> a normalised post, or the reason it cannot be one with
 * the line to look at. Never throws: one bad file must not stop an import.
 */
export function parsePost(bytes: Uint8Array, options: ParseOptions): ParseResult {
  try {
    return { ok: true, post: normalise(bytes, options) };
  } catch (e) {
    const path = options.path;
    if (e instanceof ParseError) {
      return { ok: false, error: { path, line: e.line, code: e.code, message: e.message } };
    }
    // Stack exhaustion in a library on pathological input is still the file's fault.
    if (e instanceof RangeError && /call stack/i.test(e.message)) {
      return {
        ok: false,
        error: {
          path,
          line: null,
          code: 'TOO_DEEP',
          message: 'file is nested too deeply to parse',
        },
      };
    }
    const message = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: { path, line: null, code: 'INTERNAL_ERROR', message: `parser failed: ${message}` },
    };
  }
}

function normalise(bytes: Uint8Array, options: ParseOptions): NormalisedPost {
  const { path } = options;
  const timeZone = options.timeZone ?? 'UTC';
  const defaultStatus = options.defaultStatus ?? 'PUBLISHED';
  if (!isValidTimeZone(timeZone)) throw new ParseError('INVALID_OPTION', null, `unknown time zone "${timeZone}"`);

  const warnings: Located[] = [];
  const warn = (line: number | null, message: string): void => {
    warnings.push({ path, line, message });
  };
  const text = decodeFile(bytes, options.maxBytes ?? FRONTMATTER_LIMITS.maxBytes, warn);
  const file = splitHeader(text);
  const header = parseHeader(file, warn);
  const fm = header.data;
  const ctx: MappingContext = { path, timeZone, warn, lineOf: header.lineOf };

  const source = describePath(path);
  // Dates can fail the file, so they are read before the costly rendering.
  const lastModifiedAt = lastModifiedAtOf(fm, ctx);
  const publishedAt = publishedAtOf(fm, source, lastModifiedAt, ctx);
  const format = bodyFormatOf(source);
  const html = renderBody(file.body, format);
  const rendered: RenderedBody = { body: file.body, html, format };
  const title = titleOf(fm, rendered, source, ctx);
  if (file.format === null) warn(1, `no front matter; title "${title}" taken from the content or file name`);
  const sourceUrl = sourceUrlOf(fm, ctx);
  const status = statusOf(fm, source, defaultStatus, expiresAtOf(fm, ctx), new Date());

  return {
    identity: asText(fm['id']) ?? asText(fm['uuid']) ?? sourceUrl ?? path,
    title,
    slug: slugOf(fm, source, sourceUrl, title),
    excerpt: excerptOf(fm, html),
    body: file.body,
    bodyFormat: format,
    html,
    status,
    publishedAt,
    lastModifiedAt,
    language: languageOf(fm, title, rendered, ctx),
    sourceUrl,
    sourcePath: path,
    authors: authorsOf(fm, ctx),
    tags: tagsOf(fm, ctx),
    redirects: redirectsOf(fm, source, ctx),
    frontMatter: fm,
    contentHash: contentHash(bytes, path, timeZone, defaultStatus),
    warnings,
  };
}
