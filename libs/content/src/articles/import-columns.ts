import { searchDocument } from '../search/search-document.js';

/**
 * An imported post's large column values, in the form the bulk INSERT sends them: UTF-8 text and
 * binary tsvectors (see binaryArray() in @pressroom/database). The importer's parse threads make
 * them, so the thread that talks to the database never holds a body as a string: decoding,
 * re-encoding and collecting those strings was a third of that thread's work.
 */
export interface ImportColumns {
  body: Uint8Array;
  html: Uint8Array;
  /** The header's keys as JSON, in the author's order. */
  frontMatter: Uint8Array;
  /** searchDocument()'s four parts. */
  titleWords: Uint8Array;
  titleBigrams: Uint8Array;
  bodyWords: Uint8Array;
  bodyBigrams: Uint8Array;
}

export interface ImportColumnsSource {
  title: string;
  excerpt: string | null;
  body: string;
  html: string;
  frontMatter: Record<string, unknown>;
}

// TextEncoder gives each value a buffer of its own: a pooled Buffer.from() view would make a
// thread's postMessage copy the whole 8 KB pool with it.
const utf8 = new TextEncoder();

export function importColumns(post: ImportColumnsSource): ImportColumns {
  const search = searchDocument({ title: post.title, excerpt: post.excerpt, html: post.html });
  return {
    body: utf8.encode(post.body),
    html: utf8.encode(post.html),
    frontMatter: utf8.encode(JSON.stringify(post.frontMatter)),
    titleWords: utf8.encode(search.titleWords),
    titleBigrams: search.titleBigrams,
    bodyWords: utf8.encode(search.bodyWords),
    bodyBigrams: search.bodyBigrams,
  };
}
