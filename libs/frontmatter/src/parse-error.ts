/** Codes a file can fail with; the importer stores them on the failed ImportItem. */
export type ParseErrorCode =
  | 'FILE_TOO_LARGE'
  | 'EMPTY_FILE'
  | 'INVALID_ENCODING'
  | 'BINARY_CONTENT'
  | 'UNCLOSED_HEADER'
  | 'INVALID_YAML'
  | 'INVALID_TOML'
  | 'INVALID_JSON'
  | 'INVALID_DATE'
  | 'TOO_DEEP'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_ITEMS'
  | 'FIELD_TOO_LONG'
  | 'INVALID_OPTION'
  | 'INTERNAL_ERROR';

/**
 * Thrown inside the parser and turned into `{ ok: false }` by parsePost, so deep helpers
 * can stop the work without threading results through every call.
 */
export class ParseError extends Error {
  constructor(
    readonly code: ParseErrorCode,
    readonly line: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'ParseError';
  }
}
