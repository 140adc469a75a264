import { htmlToText } from '@pressroom/frontmatter';
import { isCjk } from './cjk.js';

/** Characters of plain text indexed per article. */
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
 * PostgreSQL's English parser. Every writer (the import, the editor's writes) sets
 * `"searchVector" = pressroom_search_vector(...)` from this: the database has no copy of it.
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
  // Each occurrence's bigram as one number, its two UTF-16 units (a lone character: its unit,
  // then 0); the occurrence's index gives its position.
  const occurrences = new Uint32Array(normal.length);
  let count = 0;
  let wordsFrom = 0;
  for (let i = 0; i < normal.length;) {
    if (!isCjk(normal.charCodeAt(i))) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < normal.length && isCjk(normal.charCodeAt(end))) end++;
    words += `${normal.slice(wordsFrom, i)} `;
    wordsFrom = end;
    if (end - i === 1) occurrences[count++] = normal.charCodeAt(i) * 0x10000;
    else
      for (let k = i; k < end - 1; k++)
        occurrences[count++] = normal.charCodeAt(k) * 0x10000 + normal.charCodeAt(k + 1);
    i = end;
  }
  words += normal.slice(wordsFrom);
  return { words, bigrams: encodeBigrams(occurrences.subarray(0, count)) };
}

/**
 * Occurrences as a tsvector in PostgreSQL's binary format (tsvectorrecv): the lexeme count, then
 * each lexeme as NUL-terminated UTF-8, its number of positions and the positions (weight D),
 * big-endian. Lexemes go in the server's order (UTF-8 bytes, a prefix first), so it neither
 * parses nor sorts them: parsing the text form was the costliest part of an import's INSERT.
 * Typed arrays throughout (a hash table of the distinct bigrams, a counting sort of their
 * positions): this runs for every imported post.
 */
function encodeBigrams(occurrences: Uint32Array): Uint8Array {
  const table = new BigramTable(occurrences.length);
  const idOf = new Int32Array(occurrences.length);
  for (let i = 0; i < occurrences.length; i++) idOf[i] = table.idOf(occurrences[i]!);
  // The numeric order of the keys is the server's lexeme order: for these BMP characters UTF-16
  // order is UTF-8 order, and a lone character's key (ending in 0) comes before its bigrams.
  const sorted = table.keys().sort();
  const rank = new Int32Array(sorted.length);
  for (let r = 0; r < sorted.length; r++) rank[table.idOf(sorted[r]!)] = r;
  // Each bigram's positions, in position order, from one pass over the occurrences.
  const start = new Int32Array(sorted.length + 1);
  for (let i = 0; i < occurrences.length; i++) start[rank[idOf[i]!]! + 1]++;
  for (let r = 0; r < sorted.length; r++) start[r + 1] += start[r]!;
  const next = start.slice(0, sorted.length);
  const positions = new Uint16Array(occurrences.length);
  for (let i = 0; i < occurrences.length; i++) positions[next[rank[idOf[i]!]!]!++] = Math.min(i + 1, MAX_POSITION);

  const out = new Uint8Array(4 + sorted.length * 9 + occurrences.length * 2);
  let at = putUint16(out, putUint16(out, 0, sorted.length >>> 16), sorted.length & 0xffff);
  for (let r = 0; r < sorted.length; r++) {
    const key = sorted[r]!;
    at = putUtf8(out, at, key >>> 16);
    if (key & 0xffff) at = putUtf8(out, at, key & 0xffff);
    out[at++] = 0;
    const countAt = at;
    at += 2;
    let kept = 0;
    // Past the last position every occurrence counts as 16383: one of them is kept.
    for (let k = start[r]!, last = 0; k < start[r + 1]! && kept < MAX_POSITIONS_PER_LEXEME; k++) {
      if (positions[k] === last) continue;
      last = positions[k]!;
      at = putUint16(out, at, last);
      kept++;
    }
    putUint16(out, countAt, kept);
  }
  // A copy of its own size: a thread posting a view would send the whole buffer.
  return out.slice(0, at);
}

/** Distinct bigram keys numbered 0, 1, ... in order of first sight (open addressing). */
class BigramTable {
  private readonly slotKeys: Uint32Array;
  /** id + 1 of the key in each slot; 0 for an empty slot. */
  private readonly slotIds: Int32Array;
  private readonly firstSeen: Uint32Array;
  private size = 0;

  constructor(capacity: number) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.slotKeys = new Uint32Array(slots);
    this.slotIds = new Int32Array(slots);
    this.firstSeen = new Uint32Array(capacity);
  }

  idOf(key: number): number {
    const mask = this.slotKeys.length - 1;
    for (let slot = Math.imul(key ^ (key >>> 15), 0x2c1b3c6d) & mask; ; slot = (slot + 1) & mask) {
      const id = this.slotIds[slot]!;
      if (id === 0) {
        this.slotKeys[slot] = key;
        this.firstSeen[this.size] = key;
        this.slotIds[slot] = ++this.size;
        return this.size - 1;
      }
      if (this.slotKeys[slot] === key) return id - 1;
    }
  }

  keys(): Uint32Array {
    return this.firstSeen.slice(0, this.size);
  }
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

/** HTML -> indexable text: the text a reader sees (htmlToText()), capped. */
export function plainText(html: string): string {
  return capCodePoints(htmlToText(html), MAX_INDEXED_CHARACTERS);
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
