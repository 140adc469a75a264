import type { MappingContext, RenderedBody } from '../context.js';
import { elements } from '../text/elements.js';
import { htmlToText } from '../text/html-text.js';
import { isGiven, type FrontMatter } from './header-values.js';
import type { SourcePath } from './source-path.js';

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/** Header `title`, else the first heading, else an HTML page's <title>, else the file name. */
export function titleOf(fm: FrontMatter, rendered: RenderedBody, source: SourcePath, ctx: MappingContext): string {
  const value = fm['title'];
  if (typeof value === 'string' || typeof value === 'number') {
    const title = String(value).trim();
    if (title) return title;
  } else if (isGiven(value)) {
    ctx.warn(ctx.lineOf('title'), 'title: not text, so the title comes from the body or file name');
  }
  for (const { inner } of elements(rendered.html, HEADINGS)) {
    const heading = htmlToText(inner);
    if (heading) return heading;
  }
  if (rendered.format === 'HTML') {
    // The source, not the sanitised HTML: a hostile page's unclosed tags reach this scan.
    const [element] = elements(rendered.body, ['title']);
    const title = element ? htmlToText(element.inner) : '';
    if (title) return title;
  }
  const fromName = source.name.replace(/[-_\s]+/g, ' ').trim();
  return fromName || 'Untitled';
}
