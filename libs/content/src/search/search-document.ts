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
  const occurrences = occurrenceBuffer(normal.length);
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
 * This runs for every imported post (a tenth of a parse thread's time), so it works in typed
 * arrays reused from one call to the next: a hash table numbers the distinct bigrams, a radix
 * sort orders them, a counting sort groups their positions.
 */
function encodeBigrams(occurrences: Uint32Array): Uint8Array {
  const n = occurrences.length;
  const s = scratchFor(n);
  const distinct = numberDistinct(occurrences, s);
  // The numeric order of the keys is the server's lexeme order: for these BMP characters UTF-16
  // order is UTF-8 order, and a lone character's key (ending in 0) comes before its bigrams.
  radixSort(s.keys, s.ids, s.keysSwap, s.idsSwap, distinct);
  const sorted = s.keys;
  const rank = s.rank;
  for (let r = 0; r < distinct; r++) rank[s.ids[r]!] = r;
  // Each bigram's positions, in position order, from one pass over the occurrences.
  const start = s.start.fill(0, 0, distinct + 1);
  for (let i = 0; i < n; i++) start[rank[s.idOf[i]!]! + 1]++;
  for (let r = 0; r < distinct; r++) start[r + 1] += start[r]!;
  const next = s.next;
  next.set(start.subarray(0, distinct));
  const positions = s.positions;
  for (let i = 0; i < n; i++) positions[next[rank[s.idOf[i]!]!]!++] = Math.min(i + 1, MAX_POSITION);

  const out = s.out;
  let at = putUint16(out, putUint16(out, 0, distinct >>> 16), distinct & 0xffff);
  for (let r = 0; r < distinct; r++) {
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
  // A copy of its own size: the scratch buffer is the next call's.
  return out.slice(0, at);
}

/** Working arrays for up to `capacity` occurrences; grown, never shrunk, and only ever used by one call at a time. */
class Scratch {
  /** Open-addressing table: the key in each slot, and its id + 1 (0: empty). */
  readonly slotKeys: Uint32Array;
  readonly slotIds: Int32Array;
  /** Distinct keys and their ids, in order of first sight, then sorted (with their swap space). */
  readonly keys: Uint32Array;
  readonly ids: Int32Array;
  readonly keysSwap: Uint32Array;
  readonly idsSwap: Int32Array;
  /** The id of each occurrence's key. */
  readonly idOf: Int32Array;
  readonly rank: Int32Array;
  readonly start: Int32Array;
  readonly next: Int32Array;
  readonly positions: Uint16Array;
  readonly out: Uint8Array;

  constructor(readonly capacity: number) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.slotKeys = new Uint32Array(slots);
    this.slotIds = new Int32Array(slots);
    this.keys = new Uint32Array(capacity);
    this.ids = new Int32Array(capacity);
    this.keysSwap = new Uint32Array(capacity);
    this.idsSwap = new Int32Array(capacity);
    this.idOf = new Int32Array(capacity);
    this.rank = new Int32Array(capacity);
    this.start = new Int32Array(capacity + 1);
    this.next = new Int32Array(capacity);
    this.positions = new Uint16Array(capacity);
    this.out = new Uint8Array(4 + capacity * 11);
  }
}

let scratch = new Scratch(4096);
let occurrencesScratch = new Uint32Array(16384);

/** Room for a text's occurrences, reused by the next call (encodeBigrams() copies what it keeps). */
function occurrenceBuffer(length: number): Uint32Array {
  if (length > occurrencesScratch.length)
    occurrencesScratch = new Uint32Array(Math.max(length, occurrencesScratch.length * 2));
  return occurrencesScratch;
}

function scratchFor(occurrences: number): Scratch {
  if (occurrences > scratch.capacity) scratch = new Scratch(Math.max(occurrences, scratch.capacity * 2));
  return scratch;
}

/**
 * Numbers the distinct keys 0, 1, ... in order of first sight, into s.keys and s.ids (id = its
 * index there, for now) and each occurrence's into s.idOf; returns how many there are.
 */
function numberDistinct(occurrences: Uint32Array, s: Scratch): number {
  let slots = 16;
  while (slots < occurrences.length * 2) slots *= 2;
  const mask = slots - 1;
  const shift = 32 - Math.log2(slots);
  const { slotKeys, slotIds, keys, ids, idOf } = s;
  slotIds.fill(0, 0, slots);
  let size = 0;
  for (let i = 0; i < occurrences.length; i++) {
    const key = occurrences[i]!;
    // Fibonacci hashing: the product's high bits depend on every bit of both characters.
    for (let slot = Math.imul(key, 0x9e3779b1) >>> shift; ; slot = (slot + 1) & mask) {
      const id = slotIds[slot]!;
      if (id === 0) {
        slotKeys[slot] = key;
        slotIds[slot] = size + 1;
        keys[size] = key;
        ids[size] = size;
        idOf[i] = size++;
        break;
      }
      if (slotKeys[slot] === key) {
        idOf[i] = id - 1;
        break;
      }
    }
  }
  return size;
}

/** Sorts the first `length` keys ascending, carrying their ids: four stable passes of one byte each. */
function radixSort(
  keys: Uint32Array,
  ids: Int32Array,
  keysSwap: Uint32Array,
  idsSwap: Int32Array,
  length: number,
): void {
  const counts = new Int32Array(256);
  let [fromKeys, fromIds, toKeys, toIds] = [keys, ids, keysSwap, idsSwap];
  for (let shift = 0; shift < 32; shift += 8) {
    counts.fill(0);
    for (let i = 0; i < length; i++) counts[(fromKeys[i]! >>> shift) & 0xff]++;
    for (let b = 0, total = 0; b < 256; b++) {
      const count = counts[b]!;
      counts[b] = total;
      total += count;
    }
    for (let i = 0; i < length; i++) {
      const slot = counts[(fromKeys[i]! >>> shift) & 0xff]++;
      toKeys[slot] = fromKeys[i]!;
      toIds[slot] = fromIds[i]!;
    }
    [fromKeys, fromIds, toKeys, toIds] = [toKeys, toIds, fromKeys, fromIds];
  }
  // Four passes: the sorted keys are back in `keys` and `ids`.
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
