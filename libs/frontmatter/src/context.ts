import type { BodyFormat } from './types.js';

export type Warn = (line: number | null, message: string) => void;

/** What the field mappers need besides the header itself. */
export interface MappingContext {
  path: string;
  timeZone: string;
  warn: Warn;
  /** File line of a top-level header key, for warnings that point at it. */
  lineOf(key: string): number | null;
}

/** The body as written and as rendered, for mappers that fall back to the content. */
export interface RenderedBody {
  body: string;
  html: string;
  format: BodyFormat;
}
