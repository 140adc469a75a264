import type { MappingContext, RenderedBody } from '../context.js';
import { htmlToText } from '../text/html-text.js';
import { isGiven, type FrontMatter } from './header-values.js';
import type { SourcePath } from './source-path.js';

const HEADING = /<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/gi;
const DOCUMENT_TITLE = /<title\b[^>]*>([\s\S]*?)<\/title>/i;

/** Header `title`, else the first heading, else an HTML page's <title>, else the file name. */
export function titleOf(fm: FrontMatter, rendered: RenderedBody, source: SourcePath, ctx: MappingContext): string {
  const value = fm['title'];
  if (typeof value === 'string' || typeof value === 'number') {
    const title = String(value).trim();
    if (title) return title;
  } else if (isGiven(value)) {
    ctx.warn(ctx.lineOf('title'), 'title: not text, so the title comes from the body or file name');
  }
  for (const match of rendered.html.matchAll(HEADING)) {
    const heading = htmlToText(match[2]!);
    if (heading) return heading;
  }
  if (rendered.format === 'HTML') {
    const match = DOCUMENT_TITLE.exec(rendered.body);
    const title = match ? htmlToText(match[1]!) : '';
    if (title) return title;
  }
  const fromName = source.name.replace(/[-_\s]+/g, ' ').trim();
  return fromName || 'Untitled';
}
