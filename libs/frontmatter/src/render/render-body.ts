import MarkdownIt from 'markdown-it';
import type { BodyFormat } from '../types.js';
import { sanitize } from './sanitize.js';

// One instance for the process: building the rule chains costs more than rendering a post.
// Raw HTML passes through (as in Jekyll and Hugo); the sanitiser is what makes it safe.
const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

/**
 * Body source -> safe HTML. Liquid and Hugo shortcodes are not template languages here:
 * they stay as text.
 */
export function renderBody(body: string, format: BodyFormat): string {
  return sanitize(format === 'HTML' ? body : markdown.render(body));
}
