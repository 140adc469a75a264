export { contentHash } from './content-hash.js';
export { exportFileName } from './export/export-file-name.js';
export { serializePost } from './export/serialize-post.js';
export { FRONTMATTER_LIMITS } from './limits.js';
export { MAX_REDIRECT_PATH_LENGTH, redirectKey } from './mapping/redirect-key.js';
export { parsePost } from './parse-post.js';
export { renderBody } from './render/render-body.js';
export { bodyLanguage, LANGUAGE_DETECTION_WINDOWS } from './text/body-language.js';
export { withoutElements } from './text/elements.js';
export { plainTextExcerpt } from './text/excerpt.js';
export { htmlToText } from './text/html-text.js';
export { slugify } from './text/slugify.js';
export type {
  BodyFormat,
  ExportableArticle,
  Located,
  NormalisedPost,
  ParseFailure,
  ParseOptions,
  ParseResult,
  TagKind,
} from './types.js';
