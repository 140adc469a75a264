import { isCjk } from './cjk.js';

/** Characters of plain text indexed per article, as in pressroom_search_plain_text(). */
export const MAX_INDEXED_CHARACTERS = 100_000;
/** tsvector input's limits: positions stop at 16383, a lexeme keeps its first 256. */
const MAX_POSITION = 16_383;
const MAX_POSITIONS_PER_LEXEME = 256;

export interface SearchSource {
  title: string;
  excerpt?: string | null;
  /** The rendered, sanitised HTML of the body. */
  html: string;
}

/** The arguments of pressroom_search_vector(titleWords, titleBigrams, bodyWords, bodyBigrams). */
export interface SearchDocument {
  /** The title without its CJK runs, for PostgreSQL's English parser. */
  titleWords: string;
  /** The title's CJK bigrams, a tsvector literal with positions. */
  titleBigrams: string;
  /** Excerpt and body text without CJK runs. */
  bodyWords: string;
  /** Their CJK bigrams, a tsvector literal. */
  bodyBigrams: string;
}

/**
 * What the search index stores for one article, computed in JavaScript: CJK runs become
 * overlapping bigrams with their positions, ready for the database (parsing them with
 * to_tsvector would cost most of an import's database time); other text is left for
 * PostgreSQL's English parser. Bulk writers set `"searchVector" = pressroom_search_vector(...)`;
 * anything that does not set the column gets the same vector from the database trigger.
 */
export function searchDocument(source: SearchSource): SearchDocument {
  const title = splitIndexText(source.title);
  const body = splitIndexText(`${source.excerpt ?? ''} ${plainText(source.html)}`);
  return { titleWords: title.words, titleBigrams: title.bigrams, bodyWords: body.words, bodyBigrams: body.bigrams };
}

/**
 * NFKC-normalised text -> the text with each CJK run replaced by a space, and the runs'
 * bigrams as a tsvector literal: positions count bigrams from 1 across all runs.
 */
export function splitIndexText(text: string): { words: string; bigrams: string } {
  const normal = text.normalize('NFKC');
  let words = '';
  // Keyed by the bigram's two UTF-16 units (a lone character: its unit alone): number keys
  // spare a string per bigram on a hot path.
  const positions = new Map<number, number[]>();
  let position = 0;
  const add = (key: number) => {
    position = Math.min(position + 1, MAX_POSITION);
    const seen = positions.get(key);
    if (!seen) positions.set(key, [position]);
    else if (seen.length < MAX_POSITIONS_PER_LEXEME && seen[seen.length - 1] !== position) seen.push(position);
  };
  let wordsFrom = 0;
  for (let i = 0; i < normal.length; ) {
    if (!isCjk(normal.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < normal.length && isCjk(normal.charCodeAt(end))) end++;
    words += `${normal.slice(wordsFrom, i)} `;
    wordsFrom = end;
    if (end - i === 1) add(normal.charCodeAt(i));
    else for (let k = i; k < end - 1; k++) add(normal.charCodeAt(k) * 0x10000 + normal.charCodeAt(k + 1));
    i = end;
  }
  words += normal.slice(wordsFrom);
  const literal: string[] = [];
  // CJK characters need no quoting inside a tsvector's quotes.
  for (const [key, at] of positions) {
    const gram = key > 0xffff ? String.fromCharCode(Math.floor(key / 0x10000), key % 0x10000) : String.fromCharCode(key);
    literal.push(`'${gram}':${at.join(',')}`);
  }
  return { words, bigrams: literal.join(' ') };
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
