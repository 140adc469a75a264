import { renderBody } from '@pressroom/frontmatter';
import type { BodyFormat } from '@pressroom/database';

export interface RenderTask {
  body: string;
  bodyFormat: BodyFormat;
}

/** Runs on a BodyRenderer thread: the import's renderer and sanitiser, off the API's event loop. */
export default function renderTask({ body, bodyFormat }: RenderTask): string {
  return renderBody(body, bodyFormat);
}
