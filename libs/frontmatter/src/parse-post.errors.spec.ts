import { FRONTMATTER_LIMITS } from './limits.js';
import { parsePost } from './parse-post.js';
import { bytes } from './testing/corpus.js';
import type { ParseOptions, ParseResult } from './types.js';

function failure(input: string | Uint8Array, options: Partial<ParseOptions> = {}) {
  const result: ParseResult = parsePost(typeof input === 'string' ? bytes(input) : input, {
    path: 'posts/bad.md',
    ...options,
  });
  if (result.ok) throw new Error('expected the file to fail');
  return result.error;
}

const billionLaughs = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
].join('\n');

describe('parsePost failures', () => {
  it('names the file and never throws', () => {
    const error = failure('');
    expect(error).toEqual({
      path: 'posts/bad.md',
      line: null,
      code: 'EMPTY_FILE',
      message: 'file is empty',
    });
  });

  it('fails an empty or blank file with EMPTY_FILE', () => {
    expect(failure(new Uint8Array(0)).code).toBe('EMPTY_FILE');
    expect(failure('\ufeff \r\n\t\n').code).toBe('EMPTY_FILE');
  });

  it('fails a file over the size limit with FILE_TOO_LARGE', () => {
    expect(failure('---\ntitle: x\n---\n', { maxBytes: 10 }).code).toBe('FILE_TOO_LARGE');
    const huge = new Uint8Array(FRONTMATTER_LIMITS.maxBytes + 1).fill(0x61);
    expect(failure(huge)).toMatchObject({ code: 'FILE_TOO_LARGE', line: null });
  });

  it('fails invalid UTF-8 with INVALID_ENCODING on the line of the bad byte', () => {
    const input = Uint8Array.from([...bytes('---\ntitle: ok\nauthor: '), 0xc3, 0x28, ...bytes('\n---\n')]);
    expect(failure(input)).toMatchObject({ code: 'INVALID_ENCODING', line: 3 });
    expect(failure(Uint8Array.from([0xed, 0xa0, 0x80]))).toMatchObject({
      code: 'INVALID_ENCODING',
      line: 1,
    });
  });

  it('fails UTF-16 text of an odd length with INVALID_ENCODING', () => {
    const utf16 = Uint8Array.from([0xff, 0xfe, 0x2d, 0x00, 0x2d, 0x00, 0x2d]);
    expect(failure(utf16).code).toBe('INVALID_ENCODING');
  });

  it('fails binary content with BINARY_CONTENT', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    expect(failure(png)).toMatchObject({ code: 'BINARY_CONTENT', line: 3 });
    const controls = Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x61));
    expect(failure(controls).code).toBe('BINARY_CONTENT');
  });

  it('fails a header that is never closed with UNCLOSED_HEADER on line 1', () => {
    expect(failure('---\ntitle: x\n\nbody text\n')).toMatchObject({
      code: 'UNCLOSED_HEADER',
      line: 1,
    });
    expect(failure('+++\ntitle = "x"\n').code).toBe('UNCLOSED_HEADER');
    expect(failure('{\n  "title": "x"\n').code).toBe('UNCLOSED_HEADER');
    expect(failure('---').code).toBe('UNCLOSED_HEADER');
  });

  it('fails invalid YAML with INVALID_YAML on the file line', () => {
    const error = failure('---\ntitle: ok\nlayout: post\naliases:\n  - %\n---\nbody\n');
    expect(error).toMatchObject({ code: 'INVALID_YAML', line: 5 });
    expect(error.message).toMatch(/directive indicator/);
    expect(error.message).not.toMatch(/\n/);
    expect(failure('\ufeff---\r\ntitle: [a, b\r\n---\r\n')).toMatchObject({ code: 'INVALID_YAML' });
  });

  it('fails a YAML header that is not a mapping with INVALID_YAML', () => {
    expect(failure('---\n- a\n- b\n---\nbody\n')).toMatchObject({ code: 'INVALID_YAML', line: 2 });
  });

  it('fails invalid TOML with INVALID_TOML on the file line', () => {
    expect(failure('+++\ntitle = "x"\ndate =\n+++\n')).toMatchObject({
      code: 'INVALID_TOML',
      line: 3,
    });
    expect(failure('+++\ntitle = "x"\ntitle = "y"\n+++\n')).toMatchObject({
      code: 'INVALID_TOML',
      line: 3,
    });
  });

  it('fails invalid JSON with INVALID_JSON on the file line', () => {
    expect(failure('{\n  "title": "x",\n  "tags": [1,,2]\n}\nbody\n')).toMatchObject({
      code: 'INVALID_JSON',
      line: 3,
    });
    expect(failure('{\n  "title": "x"\n  "draft": true\n}\n')).toMatchObject({
      code: 'INVALID_JSON',
      line: 3,
    });
  });

  it('fails impossible or unreadable dates with INVALID_DATE on the date line', () => {
    expect(failure('---\ntitle: x\ndate: 2021-02-30\n---\n')).toMatchObject({
      code: 'INVALID_DATE',
      line: 3,
    });
    expect(failure('---\ntitle: x\ndate: 2021-01-09 25:00:00 +0000\n---\n').code).toBe('INVALID_DATE');
    expect(failure('---\ntitle: x\n\ndate: next tuesday\n---\n')).toMatchObject({
      code: 'INVALID_DATE',
      line: 4,
    });
    expect(failure('---\ndate: 20210109\n---\n').code).toBe('INVALID_DATE');
    expect(failure('+++\ntitle = "x"\ndate = 2021-02-30\n+++\n')).toMatchObject({
      code: 'INVALID_DATE',
      line: 3,
    });
    expect(failure('{\n  "date": "2021-13-01"\n}\n')).toMatchObject({
      code: 'INVALID_DATE',
      line: 2,
    });
  });

  it('fails nesting past the limit with TOO_DEEP, whatever the syntax', () => {
    const flow = `---\ntitle: x\nnested: ${'['.repeat(200)}${']'.repeat(200)}\n---\n`;
    expect(failure(flow)).toMatchObject({ code: 'TOO_DEEP', line: 3 });
    const block = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    expect(failure(`---\n${block} end\n---\n`).code).toBe('TOO_DEEP');
    expect(failure(`+++\nx = ${'['.repeat(200)}${']'.repeat(200)}\n+++\n`).code).toBe('TOO_DEEP');
    expect(failure(`{"x": ${'{"y": '.repeat(200)}1${'}'.repeat(200)}}\n`).code).toBe('TOO_DEEP');
  });

  it('survives 100k nested brackets without crashing the process', () => {
    const bomb = `---\nx: ${'['.repeat(100_000)}\n---\n`;
    expect(failure(bomb).code).toBe('TOO_DEEP');
  });

  it('fails an alias bomb with TOO_MANY_ALIASES', () => {
    expect(failure(`---\n${billionLaughs}\n---\n`)).toMatchObject({
      code: 'TOO_MANY_ALIASES',
      line: 3,
    });
  });

  it('fails a field past maxFieldChars with FIELD_TOO_LONG on its line', () => {
    const long = 'x'.repeat(FRONTMATTER_LIMITS.maxFieldChars + 1);
    expect(failure(`---\ntitle: ok\nsummary: ${long}\n---\n`)).toMatchObject({
      code: 'FIELD_TOO_LONG',
      line: 3,
    });
    expect(failure(`+++\ntitle = "ok"\n[extra]\nnote = "${long}"\n+++\n`).code).toBe('FIELD_TOO_LONG');
  });

  it('fails a list past maxListItems with TOO_MANY_ITEMS', () => {
    const tags = Array.from({ length: FRONTMATTER_LIMITS.maxListItems + 1 }, () => 'a').join(',');
    expect(failure(`---\ntitle: x\ntags: [${tags}]\n---\n`)).toMatchObject({
      code: 'TOO_MANY_ITEMS',
      line: 3,
    });
  });

  it('fails an unknown time zone option with INVALID_OPTION', () => {
    expect(failure('---\ntitle: x\n---\n', { timeZone: 'Mars/Olympus_Mons' }).code).toBe('INVALID_OPTION');
  });

  it('never throws on arbitrary bytes', () => {
    let seed = 42;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = [
      '---\n',
      '+++\n',
      '{"',
      'title: ',
      '[',
      '{',
      '&a ',
      '*a',
      '"',
      "'",
      '\n',
      '- ',
      'date: 2021-',
      '\r\n',
      '\u00e9',
      '%',
    ];
    for (let i = 0; i < 500; i++) {
      const text = Array.from(
        { length: 1 + Math.floor(random() * 40) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join('');
      const result = parsePost(bytes(text), { path: `fuzz/${i}.md` });
      expect(typeof result.ok).toBe('boolean');
      if (!result.ok) expect(result.error.code).not.toBe('INTERNAL_ERROR');
    }
  });
});
