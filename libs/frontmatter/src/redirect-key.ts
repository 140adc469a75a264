// `@pressroom/frontmatter/redirect-key`: redirectKey() without the parser's modules (markdown-it,
// sanitize-html, yaml), which the importer's main thread need not load (issue 15).
export { MAX_REDIRECT_PATH_LENGTH, redirectKey } from './mapping/redirect-key.js';
