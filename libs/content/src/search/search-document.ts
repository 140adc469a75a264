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
  /** The title's CJK bigrams with their positions, a tsvector in binary form (see encodeBigrams()). */
  titleBigrams: Uint8Array;
  /** Excerpt and body text without CJK runs. */
  bodyWords: string;
  /** Their CJK bigrams, a binary tsvector. */
  bodyBigrams: Uint8Array;
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
 * bigrams as a binary tsvector: positions count bigrams from 1 across all runs.
 */
export function splitIndexText(text: string): { words: string; bigrams: Uint8Array } {
  const normal = text.normalize('NFKC');
  let words = '';
  // Each occurrence is one number, bigram * 2^14 + position, the bigram keyed by its two UTF-16
  // units (a lone character: its unit, then 0): a native sort of these groups a bigram's
  // occurrences in position order, with no Map or array per bigram on this hot path.
  const occurrences = new Float64Array(normal.length);
  let count = 0;
  let position = 0;
  const add = (key: number) => {
    position = Math.min(position + 1, MAX_POSITION);
    occurrences[count++] = key * POSITIONS + position;
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
    if (end - i === 1) add(normal.charCodeAt(i) * 0x10000);
    else for (let k = i; k < end - 1; k++) add(normal.charCodeAt(k) * 0x10000 + normal.charCodeAt(k + 1));
    i = end;
  }
  words += normal.slice(wordsFrom);
  return { words, bigrams: encodeBigrams(occurrences.subarray(0, count).sort()) };
}

/** Positions fit in 14 bits (MAX_POSITION). */
const POSITIONS = 2 ** 14;

/**
 * Sorted occurrences as a tsvector in PostgreSQL's binary format (tsvectorrecv): the lexeme
 * count, then each lexeme as NUL-terminated UTF-8, its number of positions and the positions
 * (weight D), big-endian. The numeric order of the keys is the server's lexeme order (UTF-8
 * bytes, a prefix first: a lone character's key ends in 0), so it neither parses nor sorts
 * them; parsing the text form was the costliest part of an import's INSERT.
 */
function encodeBigrams(sorted: Float64Array): Uint8Array {
  // At most: every occurrence a new six-byte lexeme with its NUL, count and one position.
  const out = new Uint8Array(4 + sorted.length * 11);
  let lexemes = 0;
  let at = 4;
  let countAt = 0;
  let key = -1;
  let positions = 0;
  let last = 0;
  for (const occurrence of sorted) {
    const next = Math.floor(occurrence / POSITIONS);
    const position = occurrence - next * POSITIONS;
    if (next !== key) {
      if (lexemes) putUint16(out, countAt, positions);
      key = next;
      lexemes++;
      at = putUtf8(out, at, Math.floor(key / 0x10000));
      if (key % 0x10000) at = putUtf8(out, at, key % 0x10000);
      out[at++] = 0;
      countAt = at;
      at += 2;
      positions = 0;
    } else if (position === last || positions === MAX_POSITIONS_PER_LEXEME) continue;
    at = putUint16(out, at, position);
    positions++;
    last = position;
  }
  if (lexemes) putUint16(out, countAt, positions);
  out[0] = lexemes >>> 24;
  out[1] = (lexemes >>> 16) & 0xff;
  out[2] = (lexemes >>> 8) & 0xff;
  out[3] = lexemes & 0xff;
  // A copy of its own size: a thread posting a view would send the whole buffer.
  return out.slice(0, at);
}

function putUint16(out: Uint8Array, at: number, value: number): number {
  out[at] = value >> 8;
  out[at + 1] = value & 0xff;
  return at + 2;
}

/** A CJK character as UTF-8: every code point isCjk() accepts takes three bytes. */
function putUtf8(out: Uint8Array, at: number, code: number): number {
  out[at] = 0xe0 | (code >> 12);
  out[at + 1] = 0x80 | ((code >> 6) & 0x3f);
  out[at + 2] = 0x80 | (code & 0x3f);
  return at + 3;
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
