import { bigrams, splitCjk } from './cjk.js';

/** Characters of plain text indexed per article, as in pressroom_search_plain_text(). */
export const MAX_INDEXED_CHARACTERS = 100_000;

export interface SearchSource {
  title: string;
  excerpt?: string | null;
  /** The rendered, sanitised HTML of the body. */
  html: string;
}

/** Segmented text for pressroom_search_vector(searchTitle, searchBody). */
export interface SearchDocument {
  searchTitle: string;
  searchBody: string;
}

/**
 * What the search index stores for one article, computed in JavaScript: CJK runs become
 * overlapping bigrams, other text is left for PostgreSQL's English parser. Bulk writers write
 * `"searchVector" = pressroom_search_vector($searchTitle, $searchBody)`; anything that does not
 * set the column gets the same vector from the database trigger, only more slowly.
 */
export function searchDocument(source: SearchSource): SearchDocument {
  return {
    searchTitle: segment(source.title),
    searchBody: segment(`${source.excerpt ?? ''} ${plainText(source.html)}`),
  };
}

/** Text with each CJK run replaced by its bigrams, spaced off from the rest. */
export function segment(text: string): string {
  let out = '';
  for (const part of splitCjk(text.normalize('NFKC'))) {
    out += part.cjk ? ` ${bigrams(part.text).join(' ')} ` : part.text;
  }
  return out;
}

/** HTML -> indexable text: tags and entities become spaces; capped like the SQL version. */
export function plainText(html: string): string {
  const text = html.replace(/<[^>]*>/g, ' ').replace(/&#?[a-zA-Z0-9]+;/g, ' ');
  return capCodePoints(text, MAX_INDEXED_CHARACTERS);
}

// PostgreSQL's left() counts code points, JavaScript's length UTF-16 units.
function capCodePoints(text: string, max: number): string {
  if (text.length <= max) return text;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xdc00 || code > 0xdfff) count++; // a low surrogate belongs to the previous point
    if (count > max) return text.slice(0, i);
  }
  return text;
}
