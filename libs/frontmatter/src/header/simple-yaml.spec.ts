import { splitHeader } from '../source/split-header.js';
import { CORPUS_DIR, describeWithFixture, hasCorpus, listCorpusFolder, readCorpusFile } from '../testing/corpus.js';
import type { ParsedHeader } from './parsed-header.js';
import { readSimpleYaml } from './simple-yaml.js';
import { parseYamlDocument, parseYamlHeader } from './yaml-header.js';

type Reading =
  { data: Record<string, unknown>; lines: Record<string, number | null>; warnings: string[] } | { error: string };

/** A reading of the header: data, each key's line and the warnings, or the error. */
function read(
  parse: (header: string, line: number, warn: (line: number | null, m: string) => void) => ParsedHeader,
  header: string,
): Reading {
  const warnings: string[] = [];
  try {
    const parsed = parse(header, 2, (line, message) => warnings.push(`${line}: ${message}`));
    const lines = Object.fromEntries(Object.keys(parsed.data).map((key) => [key, parsed.lineOf(key)]));
    return { data: parsed.data, lines, warnings };
  } catch (error) {
    return { error: String(error) };
  }
}

/** The short path's reading, which must be the full parser's whenever it gives one. */
function expectSameAsFullParser(header: string): boolean {
  expect(read(parseYamlHeader, header)).toEqual(read(parseYamlDocument, header));
  return readSimpleYaml(header) !== null;
}

describe('readSimpleYaml', () => {
  it('reads the usual post header: strings, quoted titles, dates, flow and block lists, booleans', () => {
    const header = [
      'layout: post',
      'title: "王毅与布林肯通话：各方有必要同塔利班进行接触"',
      "subtitle: 'It''s'",
      'date: 2021-08-30 09:33:13 +0800',
      'iso: 2024-12-01T06:29:01.655Z',
      'author: 联合早报',
      'from: https://www.zaobao.com.sg/realtime/china/story20210830-1187270',
      'tags: [ health, 体育, council ]',
      'categories:',
      '  - 新闻',
      '  - world news',
      'published: false',
      'comments: True',
      'image: ~',
      'empty:',
      '# a comment line',
      'note: "a # inside quotes, and: a colon"',
      'url: http://example.org/a#b',
      '',
    ].join('\n');
    const simple = readSimpleYaml(header.replace("subtitle: 'It''s'\n", ''));
    expect(simple?.data).toEqual({
      layout: 'post',
      title: '王毅与布林肯通话：各方有必要同塔利班进行接触',
      date: '2021-08-30 09:33:13 +0800',
      iso: '2024-12-01T06:29:01.655Z',
      author: '联合早报',
      from: 'https://www.zaobao.com.sg/realtime/china/story20210830-1187270',
      tags: ['health', '体育', 'council'],
      categories: ['新闻', 'world news'],
      published: false,
      comments: true,
      image: null,
      empty: null,
      note: 'a # inside quotes, and: a colon',
      url: 'http://example.org/a#b',
    });
    expect(simple?.lines.get('categories')).toBe(8);
    expect(expectSameAsFullParser(header)).toBe(false); // '' inside single quotes: full parser
    expect(expectSameAsFullParser(header.replace("subtitle: 'It''s'\n", ''))).toBe(true);
  });

  it.each([
    ['a number', 'weight: 10\n'],
    ['a float', 'ratio: 1.5\n'],
    ['a hex number', 'x: 0x1F\n'],
    ['an escape', 'title: "a\\tb"\n'],
    ['a repeated key', 'title: a\ntitle: b\n'],
    ['a comment after a value', 'title: a # note\n'],
    ['a nested map', 'params:\n  x: 1\n'],
    ['a multi-line plain value', 'title: a\n  continued\n'],
    ['a block scalar', 'summary: |\n  text\n'],
    ['an anchor and alias', 'a: &x y\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a flow map', 'a: {b: c}\n'],
    ['a flow list holding a number', 'a: [x, 1]\n'],
    ['a quoted flow item with a comma', 'a: ["x, y", z]\n'],
    ['CRLF line ends', 'title: a\r\nlayout: b\r\n'],
    ['a key that is a boolean', 'true: a\n'],
    ['a __proto__ key', '__proto__: a\n'],
    ['a block list with uneven indents', 'tags:\n  - a\n    - b\n'],
    ['a list item holding a map', 'tags:\n  - a: b\n'],
    ['a document marker', 'a: b\n---\nc: d\n'],
    ['a tab', 'title:\ta\n'],
    ['a control character', 'title: "a\u0001b"\n'],
    ['two spaces inside a plain value', 'title: a  b\n'],
    ['a value ending in a colon', 'title: a:\n'],
  ])('leaves %s to the full parser', (_name, header) => {
    expect(readSimpleYaml(header)).toBeNull();
    expectSameAsFullParser(header);
  });
});

describeWithFixture(hasCorpus, CORPUS_DIR, 'readSimpleYaml over the real corpus', () => {
  it('reads every header it accepts exactly as the full YAML parser does', () => {
    let yaml = 0;
    let simple = 0;
    for (const folder of ['news-zh', 'hugo', 'docs-en', 'ruby-lang']) {
      for (const path of listCorpusFolder(folder)) {
        let split;
        try {
          split = splitHeader(new TextDecoder().decode(readCorpusFile(`${folder}/${path}`)));
        } catch {
          continue; // files without a closed header fail before this point
        }
        if (split.format !== 'yaml') continue;
        yaml++;
        if (expectSameAsFullParser(split.header)) simple++;
      }
    }
    // The short path is worth having only if it takes the common case.
    expect(yaml).toBeGreaterThan(100);
    expect(simple / yaml).toBeGreaterThan(0.3);
  });
});
