/**
 * One file of an import. Every source ends up as files on disk (archives and uploads are
 * staged first), so the parse threads read them: the thread that talks to the database never
 * touches a post's bytes.
 */
export interface ImportEntry {
  /**
   * Path relative to the site's root (see SiteRoots), POSIX separators; part of the post's
   * identity, so the same whichever folder or archive layout the import starts from.
   */
  path: string;
  /** Path relative to the import root, when it differs: the identity imports used to give. */
  legacyPath?: string;
  /** Absolute path of the file to read. */
  file: string;
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
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}
