import { parsePost } from './parse-post.js';
import { CORPUS_DIR, describeWithFixture, hasCorpus, listCorpusFolder, readCorpusFile } from './testing/corpus.js';
import type { NormalisedPost, ParseResult } from './types.js';

// Each folder is imported as its own root, so paths are those inside the source repository.
const FOLDERS = ['news-zh', 'hugo', 'docs-en', 'ruby-lang'] as const;

// Files no Jekyll/Hugo-compatible reader accepts either; anything else failing is a regression.
const EXPECTED_FAILURES: Record<string, string> = {
  // `- %` under `aliases:`: a plain scalar cannot start with the directive indicator.
  'docs-en/reference/5.1/Microsoft.PowerShell.Core/ForEach-Object.md': 'INVALID_YAML',
};

const results = new Map<string, ParseResult>();

function post(file: string): NormalisedPost {
  const result = results.get(file);
  if (!result?.ok) throw new Error(`${file}: ${JSON.stringify(result && !result.ok ? result.error : 'not in corpus')}`);
  return result.post;
}

function postsIn(folder: string): [string, NormalisedPost][] {
  return [...results].flatMap(([file, r]) =>
    file.startsWith(`${folder}/`) && r.ok ? [[file, r.post] as [string, NormalisedPost]] : [],
  );
}

describeWithFixture(hasCorpus, CORPUS_DIR, 'parsePost over the real corpus', () => {
  beforeAll(() => {
    for (const folder of FOLDERS) {
      for (const path of listCorpusFolder(folder)) {
        results.set(`${folder}/${path}`, parsePost(readCorpusFile(`${folder}/${path}`), { path }));
      }
    }
  }, 120_000);

  describe('sweep', () => {
    it('parses every file, or fails it with a code, a line and a message', () => {
      expect(results.size).toBe(4528);
      for (const [file, result] of results) {
        if (result.ok) continue;
        expect({ file, ...result.error }).toEqual({
          file,
          path: file.slice(file.indexOf('/') + 1),
          code: expect.stringMatching(/^[A-Z_]+$/),
          line: expect.any(Number),
          message: expect.any(String),
        });
      }
    });

    it('fails only the files known to be broken, well under 1%', () => {
      const failed = Object.fromEntries([...results].flatMap(([file, r]) => (r.ok ? [] : [[file, r.error.code]])));
      expect(failed).toEqual(EXPECTED_FAILURES);
      expect(Object.keys(failed).length / results.size).toBeLessThan(0.01);
      for (const folder of FOLDERS) {
        const inFolder = [...results.keys()].filter((f) => f.startsWith(`${folder}/`));
        const ok = postsIn(folder).length;
        expect({ folder, failed: inFolder.length - ok }).toEqual({
          folder,
          failed: Object.keys(EXPECTED_FAILURES).filter((f) => f.startsWith(`${folder}/`)).length,
        });
      }
    });

    it('gives every post a usable slug, JSON-safe front matter and safe HTML', () => {
      for (const [file, p] of [...results].flatMap(([f, r]) => (r.ok ? [[f, r.post] as const] : []))) {
        const facts = {
          file,
          slug: /^[\p{L}\p{N}\p{M}]+(?:-[\p{L}\p{N}\p{M}]+)*$/u.test(p.slug),
          title: p.title.trim() === p.title && p.title !== '',
          json: JSON.stringify(JSON.parse(JSON.stringify(p.frontMatter))) === JSON.stringify(p.frontMatter),
          safe: !/<script|<iframe|<style|<!--|<[^>]+(?:\son[a-z]+=|=["']?\s*javascript:)/i.test(p.html),
          excerpt: p.excerpt === null || !p.excerpt.includes('\u0000'),
        };
        expect(facts).toEqual({
          file,
          slug: true,
          title: true,
          json: true,
          safe: true,
          excerpt: true,
        });
      }
    });
  });

  describe('news-zh (the seed format)', () => {
    it('maps the seven keys of every post', () => {
      const posts = postsIn('news-zh');
      expect(posts).toHaveLength(1507);
      for (const [file, p] of posts) {
        const prefix = file.slice('news-zh/_posts/'.length, 'news-zh/_posts/'.length + 10);
        expect({
          file,
          keys: Object.keys(p.frontMatter),
          day: p.publishedAt?.toISOString().slice(0, 10),
          authors: p.authors.length,
          kinds: p.tags.map((t) => t.kind),
          source: p.sourceUrl?.startsWith('http'),
          identity: p.identity === p.sourceUrl,
          status: p.status,
        }).toEqual({
          file,
          keys: ['layout', 'title', 'date', 'author', 'from', 'tags', 'categories'],
          day: prefix,
          authors: 1,
          kinds: ['TAG', 'CATEGORY'],
          source: true,
          identity: true,
          status: 'PUBLISHED',
        });
      }
    });

    it('detects Chinese, and English for the Economist copies', () => {
      for (const [, p] of postsIn('news-zh')) {
        expect(p.language).toBe(p.tags[0]?.name === '经济学人en' ? 'en' : 'zh');
      }
    });

    it('strips ads, scripts and iframes from the scraped HTML but keeps the text', () => {
      for (const [, p] of postsIn('news-zh')) {
        expect(p.html).not.toMatch(/dfp-ad|id="imu"|<iframe|<script/);
        expect(p.excerpt).not.toMatch(/[<>]/);
      }
    });

    it('trims a title with a trailing space but keeps it in frontMatter', () => {
      const p = post('news-zh/_posts/2021-01-09-印尼失联航班疑坠海 .md');
      expect(p.title).toBe('印尼失联航班疑坠海');
      expect(p.frontMatter['title']).toBe('印尼失联航班疑坠海 ');
      expect(p.slug).toBe('印尼失联航班疑坠海');
    });

    it('trusts date: over the comment when they disagree', () => {
      expect(post('news-zh/_posts/2021-01-21-上海新增三起冠病确诊病例.md').publishedAt?.toISOString()).toBe(
        '2021-01-21T09:21:21.347Z',
      );
    });

    it('gives the same identity and slug to the same article scraped twice', () => {
      const a = post('news-zh/_posts/2021-01-08-国药疫苗“附条件上市” 大陆多名专家唱衰.md');
      const b = post('news-zh/_posts/2021-01-08-国药疫苗“附条件上市”大陆多名专家唱衰.md');
      expect(a.identity).toBe(b.identity);
      expect(a.slug).toBe(b.slug);
    });
  });

  describe('hugo (TOML and YAML)', () => {
    it('reads TOML datetimes, quoted dates and local dates', () => {
      const hero = post('hugo/linkerd.io/content/blog/january-2021-linkerd-hero-nomination.md');
      expect(hero).toMatchObject({
        title: 'January 2021 Linkerd Hero Nomination',
        authors: [{ name: 'charles', slug: 'charles' }],
      });
      expect(hero.publishedAt?.toISOString()).toBe('2021-01-19T00:00:00.000Z');
      expect(
        post('hugo/linkerd.io/content/blog/icymi-july-linkerd-community-meetup.md').publishedAt?.toISOString(),
      ).toBe('2019-07-31T00:00:00.000Z');
      expect(post('hugo/linkerd.io/content/blog/service-mesh-101-intro-with-linkerd.md').publishedAt).not.toBeNull();
    });

    it('reads RFC 2822 dates, single-quoted slugs, flow lists and aliases', () => {
      const p = post('hugo/linkerd.io/content/blog/how-we-designed-retries-in-linkerd-2-2.md');
      expect(p.publishedAt?.toISOString()).toBe('2019-02-22T19:12:24.000Z');
      expect(p).toMatchObject({
        slug: 'how-we-designed-retries-in-linkerd-2-2',
        status: 'PUBLISHED',
        redirects: ['/2019/02/22/how-we-designed-retries-in-linkerd-2-2/'],
      });
      expect(p.tags).toEqual([{ name: 'News', slug: 'news', kind: 'TAG' }]);
    });

    it('warns about the repeated tags key and keeps the last value', () => {
      const p = post('hugo/linkerd.io/content/blog/announcing-the-linkerd-ambassador-program.md');
      expect(p.tags.map((t) => t.name)).toEqual(['Community']);
      expect(p.warnings).toEqual([
        expect.objectContaining({
          line: 10,
          message: expect.stringContaining('"tags" is given twice'),
        }),
      ]);
    });

    it('reads the header-less HTML page', () => {
      const p = post('hugo/linkerd.io/content/2-edge/checks/index.html');
      expect(p).toMatchObject({
        title: 'Linkerd Check Redirection',
        slug: 'checks',
        bodyFormat: 'HTML',
        frontMatter: {},
        language: 'en',
      });
      expect(p.warnings).toHaveLength(1);
    });

    it('names section pages after their folder and resolves relative aliases', () => {
      const p = post('hugo/linkerd.io/content/2-edge/overview/_index.md');
      expect(p.slug).toBe('overview');
      expect(p.redirects).toEqual(expect.arrayContaining(['/docs', '/2-edge/', '/docs/']));
    });
  });

  describe('docs-en (Microsoft Docs)', () => {
    it('parses CRLF and BOM files', () => {
      const acl = post('docs-en/reference/5.1/Microsoft.PowerShell.Security/Get-Acl.md');
      expect(acl.title).toBe('Get-Acl');
      expect(acl.body).toContain('\r\n');
      const host = post('docs-en/reference/5.1/Microsoft.PowerShell.Utility/Write-Host.md');
      expect(host.title).toBe('Write-Host');
      expect(host.body.charCodeAt(0)).not.toBe(0xfeff);
    });

    it('keeps Microsoft keys as written and reads Locale', () => {
      const about = post('docs-en/reference/5.1/Microsoft.PowerShell.Core/About/About.md');
      expect(about.frontMatter).toMatchObject({
        'Help Version': 6,
        Locale: 'en-US',
        'ms.date': '01/18/2026',
      });
      expect(about.language).toBe('en-us');
      expect(about.publishedAt).toBeNull();
      expect(about.excerpt).toBe('About topics cover a range of concepts about PowerShell.');
    });
  });

  describe('ruby-lang (Jekyll, four languages)', () => {
    it('reads dates with a one-digit hour and an offset without a colon', () => {
      const p = post('ruby-lang/de/news/_posts/2013-11-22-heap-overflow-in-floating-point-parsing-cve-2013-4164.md');
      expect(p.frontMatter['date']).toBe('2013-11-22 5:00:00 +0000');
      expect(p.publishedAt?.toISOString()).toBe('2013-11-22T05:00:00.000Z');
    });

    it('reads `tags: security` as one tag and `tags:` as none', () => {
      expect(post('ruby-lang/de/news/_posts/2014-10-27-changing-default-settings-of-ext-openssl.md').tags).toEqual([
        { name: 'security', slug: 'security', kind: 'TAG' },
      ]);
      expect(post('ruby-lang/en/news/_posts/2025-10-17-rubygems-repository-transition.md').tags).toEqual([]);
    });

    it('keeps the last of two titles, with a warning', () => {
      const p = post('ruby-lang/fr/news/_posts/2013-06-27-ruby-1-8-7-p374-is-released.md');
      expect(p.title).toBe('Sortie de la version 1.8.7-p374 de Ruby');
      expect(p.warnings.map((w) => [w.line, w.message])).toEqual([
        [4, 'key "title" is given twice (lines 3 and 4); the last value is kept'],
      ]);
    });

    it('takes the language of every post from its lang key', () => {
      for (const [file, p] of postsIn('ruby-lang').filter(([f]) => f.includes('/news/_posts/'))) {
        expect({ file, language: p.language }).toEqual({ file, language: file.split('/')[1] });
      }
    });

    it('keeps Liquid as text, and layout: null and permalink pages', () => {
      const cities = post('ruby-lang/de/examples/cities.md');
      expect(cities.frontMatter).toEqual({ layout: null });
      expect(cities.html).toContain('{% highlight ruby %}');
      expect(post('ruby-lang/de/404.md').redirects).toEqual(['/de/404.html']);
    });
  });
});
