import { parsed, yamlFile } from './testing/parse.js';

describe('parsePost mapping', () => {
  describe('tags and categories', () => {
    const tags = (...lines: string[]) => parsed(yamlFile(lines)).tags.map((t) => `${t.kind}:${t.name}:${t.slug}`);

    it('reads a single string as one tag', () => {
      expect(tags('tags: security')).toEqual(['TAG:security:security']);
    });

    it('splits a plural string on commas if any, else on whitespace', () => {
      expect(tags('tags: ruby security')).toEqual(['TAG:ruby:ruby', 'TAG:security:security']);
      expect(tags('tags: Ruby on Rails, Security')).toEqual([
        'TAG:Ruby on Rails:ruby-on-rails',
        'TAG:Security:security',
      ]);
      expect(tags('categories: news  releases')).toEqual(['CATEGORY:news:news', 'CATEGORY:releases:releases']);
    });

    it('keeps a singular key as one name per comma part', () => {
      expect(tags('category: Ruby on Rails')).toEqual(['CATEGORY:Ruby on Rails:ruby-on-rails']);
      expect(tags('tag: a b, c')).toEqual(['TAG:a b:a-b', 'TAG:c:c']);
    });

    it('reads lists, puts TAGs before CATEGORYs and dedupes per kind by slug', () => {
      expect(tags('categories: [联合早报]', 'tags: [ 联合早报, Ruby, ruby ]', 'tag: RUBY')).toEqual([
        'TAG:联合早报:联合早报',
        'TAG:Ruby:ruby',
        'CATEGORY:联合早报:联合早报',
      ]);
    });

    it('treats empty and null values as no tags', () => {
      expect(tags('tags:', 'categories: []', 'tag: ""')).toEqual([]);
      expect(tags('tags: [~, "", "!!!"]')).toEqual([]);
    });
  });

  describe('duplicate keys', () => {
    it('keeps the last value and warns with the key and both lines', () => {
      const post = parsed(yamlFile(['layout: news_post', 'title: "English"', 'title: "Français"', 'lang: fr']));
      expect(post.title).toBe('Français');
      expect(post.frontMatter['title']).toBe('Français');
      expect(post.warnings).toEqual([
        {
          path: 'posts/post.md',
          line: 4,
          message: 'key "title" is given twice (lines 3 and 4); the last value is kept',
        },
      ]);
    });

    it('warns about nested duplicates too', () => {
      const post = parsed(yamlFile(['menu:', '  docs:', '    weight: 1', '    weight: 2']));
      expect(post.frontMatter['menu']).toEqual({ docs: { weight: 2 } });
      expect(post.warnings[0]?.message).toMatch(/"weight" is given twice/);
    });
  });

  describe('status', () => {
    const status = (lines: string[], path = 'posts/x.md', defaultStatus?: 'DRAFT' | 'PUBLISHED') =>
      parsed(yamlFile(lines), path, defaultStatus ? { defaultStatus } : {}).status;

    it('makes drafts of published: false, draft: true and the _drafts folder', () => {
      expect(status(['published: false'])).toBe('DRAFT');
      expect(status(['draft: true'])).toBe('DRAFT');
      expect(status(['published: "false"'])).toBe('DRAFT');
      expect(status(['title: x'], '_drafts/x.md')).toBe('DRAFT');
      expect(status(['title: x'], 'blog/_drafts/x.md')).toBe('DRAFT');
    });

    it('uses the default status otherwise', () => {
      expect(status(['title: x'])).toBe('PUBLISHED');
      expect(status(['title: x'], 'posts/x.md', 'DRAFT')).toBe('DRAFT');
    });

    it('lets an explicit published: true or draft: false win', () => {
      expect(status(['draft: false'], 'posts/x.md', 'DRAFT')).toBe('PUBLISHED');
      expect(status(['published: true'], '_drafts/x.md')).toBe('PUBLISHED');
    });
  });

  describe('slug', () => {
    const slug = (lines: string[], path: string) => parsed(yamlFile(lines), path).slug;

    it('prefers the header slug, then the permalink', () => {
      expect(slug(["slug: 'The Service Mesh in 2022'", 'permalink: /x/y/'], 'blog/a.md')).toBe(
        'the-service-mesh-in-2022',
      );
      expect(slug(['permalink: /de/404.html'], 'de/404.md')).toBe('404');
      expect(slug(['permalink: /blog/:title/'], 'posts/2021-01-01-hello.md')).toBe('blog');
    });

    it('uses the file name without date prefix and extension', () => {
      expect(slug(['title: x'], '_posts/2021-01-09-印尼失联航班疑坠海 .md')).toBe('印尼失联航班疑坠海');
      expect(slug(['title: x'], 'en/news/_posts/2013-06-27-ruby-1-8-7-p374-is-released.md')).toBe(
        'ruby-1-8-7-p374-is-released',
      );
    });

    it('names index pages and Hugo bundles after their folder', () => {
      expect(slug(['title: x'], 'blog/2023/my-bundle/index.md')).toBe('my-bundle');
      expect(slug(['title: x'], 'content/2-edge/tasks/_index.md')).toBe('tasks');
    });

    it('falls back to the source URL, then the title', () => {
      expect(slug(['from: https://example.com/news/story-123.html'], '???.md')).toBe('story-123');
      expect(slug(['title: 标题 Title'], '???.md')).toBe('标题-title');
      expect(slug([], '???.md')).toMatch(/^post-[0-9a-f]{10}$/);
    });
  });

  describe('title', () => {
    it('trims the header title but keeps it as given in frontMatter', () => {
      const post = parsed(yamlFile(['title: "印尼失联航班疑坠海 "']));
      expect(post.title).toBe('印尼失联航班疑坠海');
      expect(post.frontMatter['title']).toBe('印尼失联航班疑坠海 ');
    });

    it('falls back to the first heading, then the file name', () => {
      expect(parsed(yamlFile(['layout: page'], 'Intro\n\nOverview *here*\n---------\n')).title).toBe('Overview here');
      expect(parsed(yamlFile(['layout: page'], 'no heading')).title).toBe('post');
      expect(parsed(yamlFile(['layout: page'], 'no heading'), '_posts/2021-01-01-x-y.md').title).toBe('x y');
    });

    it('reads a header-less HTML page by its heading or <title>, with a warning', () => {
      const page =
        '<!doctype html>\n<html lang="en"><head><title>Check &amp; Redirect</title></head><body>Go <a href="../x/">on</a></body></html>\n';
      const post = parsed(page, 'content/2-edge/checks/index.html');
      expect(post).toMatchObject({
        title: 'Check & Redirect',
        slug: 'checks',
        bodyFormat: 'HTML',
        language: 'en',
        frontMatter: {},
      });
      expect(post.html).toBe('Go <a href="../x/">on</a>');
      expect(post.warnings).toEqual([
        {
          path: 'content/2-edge/checks/index.html',
          line: 1,
          message: expect.stringMatching(/no front matter/),
        },
      ]);
      expect(parsed('<h1>Heading</h1><p>text</p>', 'x.htm').title).toBe('Heading');
    });
  });

  describe('authors', () => {
    const authors = (...lines: string[]) => parsed(yamlFile(lines)).authors;

    it('reads a name, a list, and objects with a name, in order, deduped by slug', () => {
      expect(authors('author: 联合早报')).toEqual([{ name: '联合早报', slug: '联合早报' }]);
      expect(authors('author: Ada', 'authors: [Bob, {name: Cy, url: "https://c.example"}, ada]')).toEqual([
        { name: 'Ada', slug: 'ada' },
        { name: 'Bob', slug: 'bob' },
        { name: 'Cy', slug: 'cy' },
      ]);
    });

    it('skips empty entries', () => {
      expect(authors('author:', 'authors: ["", ~]')).toEqual([]);
    });
  });

  describe('source URL and identity', () => {
    it('takes the first key holding an http(s) URL', () => {
      const post = parsed(yamlFile(['source: the newspaper', 'canonical_url: https://a.example/x']));
      expect(post.sourceUrl).toBe('https://a.example/x');
      expect(post.identity).toBe('https://a.example/x');
      expect(post.warnings.map((w) => [w.line, w.message])).toEqual([
        [2, 'source: not an http(s) URL, so not used as the source URL'],
      ]);
      expect(post.frontMatter['source']).toBe('the newspaper');
    });

    it('uses an explicit id or uuid, else the path', () => {
      expect(parsed(yamlFile(['id: 42', 'from: https://a.example/x'])).identity).toBe('42');
      expect(parsed(yamlFile(['uuid: 4f0c0b9a-1d2e-4c1b-9a37-0a1b2c3d4e5f'])).identity).toBe(
        '4f0c0b9a-1d2e-4c1b-9a37-0a1b2c3d4e5f',
      );
      expect(parsed(yamlFile(['title: x']), 'a/b.md').identity).toBe('a/b.md');
    });
  });

  describe('redirects', () => {
    it('collects permalink, redirect_from and Hugo aliases as absolute paths', () => {
      const post = parsed(
        yamlFile([
          'permalink: /de/404.html',
          'redirect_from: old/page',
          'aliases: ["/heroes/", "../docs/", "./next-steps/"]',
        ]),
        'linkerd.io/content/2-edge/overview/_index.md',
      );
      expect(post.redirects).toEqual(['/de/404.html', '/old/page', '/heroes/', '/docs/', '/2-edge/next-steps/']);
    });

    it('resolves relative aliases of a plain page against its section', () => {
      const post = parsed(
        yamlFile(['aliases: ["../upgrading/", "https://old.example/a/b"]']),
        'content/2.11/tasks/upgrade.md',
      );
      expect(post.redirects).toEqual(['/2.11/upgrading/']);
      expect(post.warnings[0]?.message).toMatch(/not a path on this site/);
    });

    it('ignores command aliases of PowerShell docs', () => {
      expect(parsed(yamlFile(['aliases:', '  - foreach', '  - gci'])).redirects).toEqual([]);
    });
  });

  describe('language', () => {
    it('reads lang, language and Locale, lower-cased', () => {
      expect(parsed(yamlFile(['lang: fr'])).language).toBe('fr');
      expect(parsed(yamlFile(['Locale: en-US'])).language).toBe('en-us');
      expect(parsed(yamlFile(['language: zh_CN'])).language).toBe('zh_cn');
    });

    it('detects the language when the header has none, and warns on nonsense', () => {
      const post = parsed(
        yamlFile(
          ['lang: "??"'],
          '中国国务委员兼外长王毅昨天与美国国务卿布林肯通电话时说，阿富汗国内形势已发生根本性变化。\n',
        ),
      );
      expect(post.language).toBe('zh');
      expect(post.warnings[0]?.message).toMatch(/not a language tag/);
    });
  });

  describe('excerpt', () => {
    it('prefers excerpt, description, summary as written', () => {
      expect(parsed(yamlFile(['summary: S', 'description: " D "'])).excerpt).toBe('D');
    });

    it('else takes the first paragraph as plain text', () => {
      expect(
        parsed(yamlFile(['title: x'], '# H\n\n{{< fig src="a.png" >}}\n\nFirst **bold** para.\n\nSecond.')).excerpt,
      ).toBe('First bold para.');
    });
  });
});
