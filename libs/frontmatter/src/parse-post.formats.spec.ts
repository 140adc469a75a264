import { parsePost } from './parse-post.js';
import { bytes } from './testing/corpus.js';
import { parsed, yamlFile } from './testing/parse.js';

describe('parsePost header formats and bodies', () => {
  describe('YAML', () => {
    it('reads a BOM and CRLF file and keeps the body byte for byte', () => {
      const post = parsed(
        '\ufeff---\r\ntitle: Get-Acl\r\nms.date: 01/18/2026\r\n---\r\n# Get-Acl\r\n\r\n## SYNOPSIS\r\n',
      );
      expect(post.title).toBe('Get-Acl');
      expect(post.frontMatter).toEqual({ title: 'Get-Acl', 'ms.date': '01/18/2026' });
      expect(post.body).toBe('# Get-Acl\r\n\r\n## SYNOPSIS\r\n');
      expect(post.publishedAt).toBeNull();
    });

    it('accepts ... as the closing line and trailing spaces on fences', () => {
      expect(parsed('---  \ntitle: a\n...\nbody').body).toBe('body');
      expect(parsed('---\ntitle: a\n---   \nbody').body).toBe('body');
    });

    it('stops at the first closing line, so --- rules in the body stay body', () => {
      const post = parsed('---\ntitle: a\n---\nabove\n\n---\n\nbelow\n');
      expect(post.body).toBe('above\n\n---\n\nbelow\n');
      expect(post.html).toContain('<hr />');
    });

    it('reads an empty header and a file that ends at the closing line', () => {
      expect(parsed('---\n---\nbody', 'a/hello-world.md')).toMatchObject({
        frontMatter: {},
        title: 'hello world',
        body: 'body',
      });
      expect(parsed('---\ntitle: a\n---').body).toBe('');
    });

    it('keeps timestamps, versions and unknown tags as written', () => {
      const post = parsed(
        yamlFile(['date: 2021-08-30T01:33:13.561Z', 'schema: 2.0.0', 'Help Version: 6.0', 'obj: !ruby/object:Gem x']),
      );
      expect(post.frontMatter).toEqual({
        date: '2021-08-30T01:33:13.561Z',
        schema: '2.0.0',
        'Help Version': 6,
        obj: 'x',
      });
      expect(post.warnings.some((w) => w.line === 5 && /YAML/.test(w.message))).toBe(true);
    });

    it('makes values JSON-safe without losing keys', () => {
      const post = parsed(
        yamlFile([
          '__proto__: {polluted: true}',
          'big: 12345678901234567890',
          'nan: .nan',
          'inf: -.inf',
          'base: &b {x: 1}',
          'merged: {<<: *b, y: 2}',
          'empty:',
        ]),
      );
      expect(JSON.parse(JSON.stringify(post.frontMatter))).toEqual(post.frontMatter);
      expect(Object.keys(post.frontMatter)).toEqual(['__proto__', 'big', 'nan', 'inf', 'base', 'merged', 'empty']);
      expect(post.frontMatter['big']).toBe('12345678901234567890');
      expect(post.frontMatter['nan']).toBe('NaN');
      expect(post.frontMatter['inf']).toBe('-Infinity');
      expect(post.frontMatter['merged']).toEqual({ x: 1, y: 2 });
      expect(post.frontMatter['empty']).toBeNull();
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(Object.getPrototypeOf(post.frontMatter)).toBe(Object.prototype);
    });

    it('reads quoted values continued on unindented lines as Jekyll does, with a warning', () => {
      const post = parsed(
        yamlFile([
          'layout: news_post',
          'title: "Concurso Galardón Ruby Fukuoka 2022 - Los programas participantes serán',
          'juzgados por Matz"',
          'author: x',
        ]),
      );
      expect(post.title).toBe(
        'Concurso Galardón Ruby Fukuoka 2022 - Los programas participantes serán juzgados por Matz',
      );
      expect(post.warnings).toEqual([{ path: 'posts/post.md', line: 4, message: expect.stringMatching(/unindented/) }]);
    });
  });

  describe('TOML', () => {
    const toml = [
      '+++',
      'title = "Overview "',
      'date = 2021-01-19T00:00:00Z',
      'lastmod = 2021-02-01T10:00:00+01:00',
      'big = 12345678901234567890',
      'aliases = [',
      '  "/docs",',
      '  "../docs/",',
      ']',
      'weight = 1',
      '[menu.docs]',
      '  parent = "tasks"',
      '  when = 1979-05-27',
      '',
      '+++',
      '',
      'Linkerd is a _service mesh_.',
    ].join('\n');

    it('maps fields and keeps every key JSON-safe', () => {
      const post = parsed(toml, 'linkerd.io/content/2-edge/overview/_index.md');
      expect(post).toMatchObject({
        title: 'Overview',
        slug: 'overview',
        body: '\nLinkerd is a _service mesh_.',
        redirects: ['/docs', '/docs/'],
      });
      expect(post.publishedAt?.toISOString()).toBe('2021-01-19T00:00:00.000Z');
      expect(post.lastModifiedAt?.toISOString()).toBe('2021-02-01T09:00:00.000Z');
      expect(post.frontMatter).toEqual({
        title: 'Overview ',
        date: '2021-01-19T00:00:00Z',
        lastmod: '2021-02-01T10:00:00+01:00',
        big: '12345678901234567890',
        aliases: ['/docs', '../docs/'],
        weight: 1,
        menu: { docs: { parent: 'tasks', when: '1979-05-27' } },
      });
    });

    it('reads local dates and quoted dates in the configured zone', () => {
      const local = parsed('+++\ndate = 2019-07-31\n+++\n', 'a.md', { timeZone: 'Asia/Tokyo' });
      expect(local.publishedAt?.toISOString()).toBe('2019-07-30T15:00:00.000Z');
      const quoted = parsed('+++\ndate = "2019-07-31"\n+++\n');
      expect(quoted.publishedAt?.toISOString()).toBe('2019-07-31T00:00:00.000Z');
    });
  });

  describe('JSON', () => {
    it('reads a leading object as the header', () => {
      const post = parsed('{\n  "title": "J",\n  "tags": ["a", "b"],\n  "draft": true\n}\nBody *here*\n');
      expect(post).toMatchObject({
        title: 'J',
        status: 'DRAFT',
        body: 'Body *here*\n',
        frontMatter: { title: 'J', tags: ['a', 'b'], draft: true },
      });
      expect(post.tags.map((t) => t.name)).toEqual(['a', 'b']);
    });

    it('does not take Liquid at the start of a page for JSON', () => {
      const post = parsed('{% include home/hero.html %}\n', 'de/index.md');
      expect(post.frontMatter).toEqual({});
      expect(post.body).toBe('{% include home/hero.html %}\n');
    });
  });

  describe('dates', () => {
    it('falls back to the Jekyll file name date, at midnight in the configured zone', () => {
      const path = '_posts/2021-01-09-x.md';
      expect(parsed(yamlFile(['title: x']), path).publishedAt?.toISOString()).toBe('2021-01-09T00:00:00.000Z');
      expect(
        parsed(yamlFile(['title: x']), path, {
          timeZone: 'Asia/Shanghai',
        }).publishedAt?.toISOString(),
      ).toBe('2021-01-08T16:00:00.000Z');
    });

    it('prefers the header date to the file name', () => {
      const post = parsed(yamlFile(['date: 2013-11-22 5:00:00 +0000']), '_posts/2013-11-21-x.md');
      expect(post.publishedAt?.toISOString()).toBe('2013-11-22T05:00:00.000Z');
    });

    it('warns about an impossible file name date instead of failing', () => {
      const post = parsed(yamlFile(['title: x']), '_posts/2021-02-30-x.md');
      expect(post.publishedAt).toBeNull();
      expect(post.warnings[0]?.message).toMatch(/not a real date/);
    });

    it('reads lastmod and last_modified_at, and only warns when they are bad', () => {
      expect(parsed(yamlFile(['last_modified_at: 2021-01-02'])).lastModifiedAt?.toISOString()).toBe(
        '2021-01-02T00:00:00.000Z',
      );
      const bad = parsed(yamlFile(['lastmod: someday']));
      expect(bad.lastModifiedAt).toBeNull();
      expect(bad.warnings).toEqual([
        { path: 'posts/post.md', line: 2, message: 'lastmod: "someday" is not a date; ignored' },
      ]);
    });

    it("follows Hugo's date fallbacks: publishDate, pubdate, published, then lastmod (issue 12)", () => {
      const at = (lines: string[]) => parsed(yamlFile(lines)).publishedAt?.toISOString() ?? null;
      expect(at(['publishDate: 2021-03-04T05:06:07Z', 'lastmod: 2022-01-01'])).toBe('2021-03-04T05:06:07.000Z');
      expect(at(['pubdate: 2021-03-04'])).toBe('2021-03-04T00:00:00.000Z');
      expect(at(['published: 2021-03-04'])).toBe('2021-03-04T00:00:00.000Z');
      expect(at(['published: true', 'modified: 2021-03-04'])).toBe('2021-03-04T00:00:00.000Z');
      expect(at(['date: 2021-01-01', 'publishDate: 2021-02-01'])).toBe('2021-02-01T00:00:00.000Z');
      expect(at(['date: 2021-01-01', 'publishDate: 2020-02-01'])).toBe('2021-01-01T00:00:00.000Z');
      expect(parsed(yamlFile(['published: true'])).warnings).toEqual([]);
    });

    it('archives a published page whose Hugo expiryDate has passed (issue 12)', () => {
      expect(parsed(yamlFile(['date: 2020-01-01', 'expiryDate: 2021-01-01'])).status).toBe('ARCHIVED');
      expect(parsed(yamlFile(['date: 2020-01-01', 'expiryDate: 2999-01-01'])).status).toBe('PUBLISHED');
      expect(parsed(yamlFile(['draft: true', 'expiryDate: 2021-01-01'])).status).toBe('DRAFT');
    });

    it('treats an empty date as none', () => {
      expect(parsed(yamlFile(['date:'])).publishedAt).toBeNull();
    });
  });

  describe('bodies', () => {
    it('renders .html and .htm bodies as HTML and the rest as Markdown', () => {
      expect(parsed(yamlFile(['title: x'], '*a*'), 'p.html')).toMatchObject({
        bodyFormat: 'HTML',
        html: '*a*',
      });
      expect(parsed(yamlFile(['title: x'], '*a*'), 'p.HTM').bodyFormat).toBe('HTML');
      expect(parsed(yamlFile(['title: x'], '*a*'), 'p.txt')).toMatchObject({
        bodyFormat: 'MARKDOWN',
        html: '<p><em>a</em></p>',
      });
    });

    it('removes NUL characters past the binary sniffing window, with a warning', () => {
      const text = `---\ndescription: ${'x'.repeat(9000)}\ntitle: "a\u0000b"\n---\nbody\u0000y\n`;
      const result = parsePost(bytes(text), { path: 'n.md' });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(JSON.stringify(result.post)).not.toMatch(/\\u0000/);
      expect(result.post.title).toBe('ab');
      expect(result.post.warnings.map((w) => w.message)).toEqual(['NUL characters removed']);
    });

    it('removes NUL characters that header escapes produce', () => {
      const yaml = parsed('---\ntitle: "a\\0b"\n"k\\0": x\n---\n');
      expect(yaml.title).toBe('ab');
      expect(yaml.frontMatter).toEqual({ title: 'ab', k: 'x' });
      expect(yaml.warnings.map((w) => w.line)).toEqual([2, 3]);
      expect(parsed('{"title": "a\\u0000b"}\n').title).toBe('ab');
      expect(parsed('+++\ntitle = "a\\u0000b"\n+++\n').title).toBe('ab');
    });
  });
});
