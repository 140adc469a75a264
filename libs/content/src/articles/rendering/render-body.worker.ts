import { plainTextExcerpt, renderBody } from '@pressroom/frontmatter';
import type { BodyFormat } from '@pressroom/database';
import { searchDocument, type SearchDocument, type SearchSource } from '../../search/search-document.js';

export interface RenderTask {
  body: string;
  bodyFormat: BodyFormat;
}

/** Runs on a BodyRenderer thread: the import's renderer and sanitiser, off the API's event loop. */
export default function renderTask({ body, bodyFormat }: RenderTask): string {
  return renderBody(body, bodyFormat);
}

/** The excerpt derived from a rendered body, as the import derives it. */
export function excerptTask({ html }: { html: string }): string | null {
  return plainTextExcerpt(html);
}

/** What the search index stores for an article (each pass reads the whole body). */
export function searchDocumentTask(source: SearchSource): SearchDocument {
  return searchDocument(source);
}
