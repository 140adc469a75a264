import type { ParseError } from '../parse-error.js';
import { decodeFile } from './decode-file.js';

const POST = '---\ntitle: Grüße 👋\n---\nBody\n';
const noWarn = () => undefined;

function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  return Uint8Array.from(le, (_, i) => le[i ^ 1]!);
}

function decodeError(bytes: Uint8Array): ParseError {
  try {
    decodeFile(bytes, 1 << 20, noWarn);
  } catch (error) {
    return error as ParseError;
  }
  throw new Error('expected the file to fail');
}

describe('decodeFile', () => {
  it.each([
    ['UTF-16LE', Buffer.from(`\ufeff${POST}`, 'utf16le')],
    ['UTF-16BE', utf16be(`\ufeff${POST}`)],
    ['UTF-8 with a BOM', Buffer.from(`\ufeff${POST}`, 'utf8')],
    ['UTF-8', Buffer.from(POST, 'utf8')],
  ])('decodes %s, without its byte-order mark', (_, bytes) => {
    expect(decodeFile(new Uint8Array(bytes), 1 << 20, noWarn)).toBe(POST);
  });

  it('refuses UTF-16 of an odd length, saying so', () => {
    const bytes = new Uint8Array([...Buffer.from(`\ufeff${POST}`, 'utf16le'), 0x41]);
    expect(decodeError(bytes)).toMatchObject({ code: 'INVALID_ENCODING' });
    expect(decodeError(bytes).message).toMatch(/UTF-16LE .*odd number of bytes/);
  });

  it('refuses UTF-16 with an unpaired surrogate, on its line', () => {
    const bytes = new Uint8Array([...Buffer.from('\ufeff---\ntitle: x\n', 'utf16le'), 0x00, 0xd8, 0x41, 0x00]);
    expect(decodeError(bytes)).toMatchObject({ code: 'INVALID_ENCODING', line: 3 });
    expect(decodeError(bytes).message).toMatch(/not valid UTF-16LE \(unpaired surrogate at offset 28\)/);
  });
});
