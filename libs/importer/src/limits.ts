/** Bounds on what an import may make us read or write; hostile archives hit these. */
export const IMPORT_LIMITS = {
  /** Entries in one archive or upload. */
  maxEntries: 200_000,
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: 4 * 1024 ** 3,
  /** Uncompressed bytes of one entry (a post larger than this is not a post). */
  maxEntryBytes: 16 * 1024 ** 2,
  /** Uncompressed / compressed size, per zip entry and for a whole .tar.gz. */
  maxCompressionRatio: 200,
  /** Ratios are only judged past this many bytes: tiny files compress well legitimately. */
  ratioGraceBytes: 1024 ** 2,
} as const;

export type ImportLimits = { -readonly [K in keyof typeof IMPORT_LIMITS]: number };

/** Files the importer picks; everything else in a folder or archive is skipped. */
export const POST_EXTENSIONS = ['.md', '.markdown', '.html', '.htm', '.txt'] as const;

/** Folders never walked: build output, dependencies. Hidden folders are skipped too. */
export const SKIPPED_FOLDERS = new Set(['_site', 'node_modules']);
