/** One file of an import, wherever it comes from. */
export interface ImportEntry {
  /** Path relative to the import root, POSIX separators; part of the post's identity. */
  path: string;
  read(): Promise<Buffer>;
}

/** An entry refused before parsing (a link in an archive, a path escaping the root, ...). */
export interface RejectedEntry {
  path: string;
  message: string;
  /** Not an error, just not a post (an image in an upload): reported as skipped. */
  skipped?: boolean;
}

/** Thrown when a whole source is refused (an archive bomb, too many entries): nothing is imported. */
export class SourceRejectedError extends Error {
  constructor(message: string, readonly code: string) {
    super(message);
  }
}
