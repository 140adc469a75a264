import type { Warn } from '../context.js';
import { ParseError } from '../parse-error.js';
import { lineOfIndex } from './lines.js';

// git's heuristic: a NUL in the first 8000 bytes means binary.
const SNIFF_BYTES = 8000;
const MAX_CONTROL_RATIO = 0.1;

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf16le = new TextDecoder('utf-16le', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });

/**
 * Bytes of one file -> its text without BOM, or a located error. Stray NULs past the sniffed
 * prefix are removed (with a warning) so they never reach a column or a rendered page.
 */
export function decodeFile(bytes: Uint8Array, maxBytes: number, warn: Warn): string {
  if (bytes.length > maxBytes) {
    throw new ParseError('FILE_TOO_LARGE', null, `file is ${bytes.length} bytes, more than the ${maxBytes} allowed`);
  }
  if (bytes.length === 0) throw new ParseError('EMPTY_FILE', null, 'file is empty');
  let text = utf16Bom(bytes) ? decodeUtf16(bytes) : decodeUtf8(bytes);
  if (!/\S/.test(text)) throw new ParseError('EMPTY_FILE', null, 'file holds only whitespace');

  const nul = text.indexOf('\u0000');
  if (nul !== -1) {
    warn(lineOfIndex(text, nul), 'NUL characters removed');
    text = text.replaceAll('\u0000', '');
  }
  return text;
}

function utf16Bom(bytes: Uint8Array): 'le' | 'be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'be';
  return null;
}

function decodeUtf8(bytes: Uint8Array): string {
  rejectBinary(bytes);
  try {
    return utf8.decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    throw new ParseError(
      'INVALID_ENCODING',
      lineAt(bytes, offset),
      `file is not valid UTF-8 (bad byte 0x${hex(bytes[offset])} at offset ${offset})`,
    );
  }
}

/** UTF-16 with its byte-order mark (Windows editors write it; Jekyll's own test site has one). */
function decodeUtf16(bytes: Uint8Array): string {
  const order = utf16Bom(bytes)!;
  const name = `UTF-16${order.toUpperCase()}`;
  if (bytes.length % 2 !== 0) {
    throw new ParseError('INVALID_ENCODING', null, `file is ${name} but has an odd number of bytes (${bytes.length})`);
  }
  let text: string;
  try {
    // The decoders drop the BOM themselves.
    text = (order === 'le' ? utf16le : utf16be).decode(bytes);
  } catch {
    const offset = firstLoneSurrogate(bytes, order);
    throw new ParseError(
      'INVALID_ENCODING',
      lineAt16(bytes, order, offset),
      `file is not valid ${name} (unpaired surrogate at offset ${offset})`,
    );
  }
  return text;
}

/** Byte offset of the first code unit that is half of a surrogate pair without its other half. */
function firstLoneSurrogate(bytes: Uint8Array, order: 'le' | 'be'): number {
  const unit = (i: number) => (order === 'le' ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!);
  for (let i = 2; i < bytes.length; i += 2) {
    const u = unit(i);
    if (u >= 0xdc00 && u <= 0xdfff) return i;
    if (u >= 0xd800 && u <= 0xdbff) {
      const next = i + 2 < bytes.length ? unit(i + 2) : 0;
      if (next < 0xdc00 || next > 0xdfff) return i;
      i += 2;
    }
  }
  return bytes.length - 2;
}

function lineAt16(bytes: Uint8Array, order: 'le' | 'be', offset: number): number {
  let line = 1;
  const lf = order === 'le' ? [0x0a, 0x00] : [0x00, 0x0a];
  for (let i = 2; i < offset; i += 2) if (bytes[i] === lf[0] && bytes[i + 1] === lf[1]) line++;
  return line;
}

function rejectBinary(bytes: Uint8Array): void {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0) {
      throw new ParseError('BINARY_CONTENT', lineAt(bytes, i), 'file looks binary (NUL byte)');
    }
    // Tab, LF, VT, FF, CR and ESC occur in real text files; other C0 controls do not.
    if (b < 0x20 && (b < 0x09 || b > 0x0d) && b !== 0x1b) controls++;
  }
  if (end >= 32 && controls / end > MAX_CONTROL_RATIO) {
    throw new ParseError('BINARY_CONTENT', null, 'file looks binary (control characters)');
  }
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0 || i + need > n - 1) return i;
    for (let k = 1; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    const c = bytes[i + 1]!;
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    if ((b === 0xe0 && c < 0xa0) || (b === 0xed && c > 0x9f)) return i;
    if ((b === 0xf0 && c < 0x90) || (b === 0xf4 && c > 0x8f)) return i;
    i += need + 1;
  }
  return n - 1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function hex(b: number | undefined): string {
  return (b ?? 0).toString(16).padStart(2, '0');
}
