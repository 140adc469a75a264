import { readFileSync } from 'node:fs';
import { parsePost } from '../parse-post.js';
import {
  bytes,
  CORPUS_DIR,
  describeWithFixture,
  hasCorpus,
  hasSeed,
  listCorpusFolder,
  readCorpusFile,
  SEED_FILE,
} from '../testing/corpus.js';
import { parsed } from '../testing/parse.js';
import type { ExportableArticle, NormalisedPost } from '../types.js';
import { exportFileName } from './export-file-name.js';
import { serializePost } from './serialize-post.js';

/** Export, then import the file under the name export gives it. */
function roundTrip(article: ExportableArticle): NormalisedPost {
  const result = parsePost(bytes(serializePost(article)), { path: exportFileName(article) });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.post;
}

function fields(post: NormalisedPost) {
  const { title, slug, excerpt, body, status, language, sourceUrl, authors, tags, frontMatter } = post;
  return {
    title,
    slug,
    excerpt,
    body,
    status,
    language,
    sourceUrl,
    authors,
    tags,
    publishedAt: post.publishedAt?.toISOString() ?? null,
    keys: Object.keys(frontMatter).sort(),
  };
}

const blank: ExportableArticle = {
  title: '合同测试：编辑流程',
  slug: '合同测试-编辑流程',
  excerpt: null,
  body: '正文 **加粗**。\r\n',
  bodyFormat: 'MARKDOWN',
  status: 'DRAFT',
  publishedAt: null,
  language: null,
  sourceUrl: null,
  authors: [],
  tags: [],
  frontMatter: {},
};

describe('exportFileName', () => {
  it('names dated posts by their UTC day and the rest by slug', () => {
    const publishedAt = new Date('2021-08-30T01:33:13.561Z');
    expect(exportFileName({ slug: 'a', publishedAt, bodyFormat: 'MARKDOWN' })).toBe('_posts/2021-08-30-a.md');
    expect(exportFileName({ slug: 'a', publishedAt, bodyFormat: 'HTML' })).toBe('_posts/2021-08-30-a.html');
    expect(exportFileName({ slug: 'a', publishedAt: null, bodyFormat: 'MARKDOWN' })).toBe('_drafts/a.md');
    expect(exportFileName({ slug: 'a', publishedAt, bodyFormat: 'MARKDOWN', status: 'DRAFT' })).toBe('_drafts/a.md');
    expect(exportFileName({ slug: 'a', publishedAt, bodyFormat: 'HTML', status: 'ARCHIVED' })).toBe('_drafts/a.html');
    expect(exportFileName({ slug: 'a', publishedAt: null, bodyFormat: 'MARKDOWN', status: 'PUBLISHED' })).toBe(
      '_pages/a.md',
    );
  });

  it('never escapes its folder', () => {
    expect(exportFileName({ slug: '../x', publishedAt: null, bodyFormat: 'MARKDOWN' })).toBe('_drafts/..-x.md');
    expect(exportFileName({ slug: '', publishedAt: null, bodyFormat: 'MARKDOWN' })).toBe('_drafts/untitled.md');
  });
});

describe('serializePost', () => {
  it('writes a YAML header and the body exactly as stored', () => {
    const text = serializePost({
      ...blank,
      status: 'PUBLISHED',
      publishedAt: new Date('2021-01-02T03:04:05Z'),
      tags: [{ name: 'a', kind: 'TAG' }],
    });
    // The slug is not written: the exported file name `_posts/2021-01-02-<slug>.md` gives it.
    expect(text).toBe(
      [
        '---',
        'title: 合同测试：编辑流程',
        'date: 2021-01-02T03:04:05.000Z',
        'tags:',
        '  - a',
        '---',
        '正文 **加粗**。\r\n',
      ].join('\n'),
    );
  });

  it('round-trips an article written in the editor', () => {
    const article: ExportableArticle = {
      ...blank,
      excerpt: 'Own excerpt',
      language: 'zh',
      sourceUrl: 'https://a.example/story',
      authors: [{ name: 'Ada' }, { name: '联合早报' }],
      tags: [
        { name: 'yes', kind: 'TAG' },
        { name: 'News', kind: 'CATEGORY' },
      ],
      frontMatter: { layout: 'post', on: 'no' },
    };
    const post = roundTrip(article);
    expect(fields(post)).toMatchObject({
      title: article.title,
      slug: article.slug,
      excerpt: 'Own excerpt',
      status: 'DRAFT',
      language: 'zh',
      sourceUrl: 'https://a.example/story',
      authors: [
        { name: 'Ada', slug: 'ada' },
        { name: '联合早报', slug: '联合早报' },
      ],
      tags: [
        { name: 'yes', slug: 'yes', kind: 'TAG' },
        { name: 'News', slug: 'news', kind: 'CATEGORY' },
      ],
      body: article.body,
    });
    expect(post.frontMatter).toMatchObject({ layout: 'post', on: 'no' });
    // YAML 1.1 readers (Jekyll) would read unquoted on/no/yes as booleans.
    expect(serializePost(article)).toMatch(/^"on": "no"$/m);
    expect(serializePost(article)).toMatch(/^ {2}- "yes"$/m);
  });

  it('writes edits back under the keys the header already uses', () => {
    const original = parsed(
      [
        '---',
        'title: Old',
        'from: https://a.example/1',
        'authors: [{name: Ada, url: "https://ada.example"}, Bob]',
        'tag: x',
        'draft: true',
        'description: Old text',
        '---',
        'Body',
      ].join('\n'),
      'posts/old.md',
    );
    const edited: ExportableArticle = {
      ...original,
      title: 'New',
      status: 'PUBLISHED',
      publishedAt: new Date('2022-02-02T00:00:00Z'),
      excerpt: 'New text',
      sourceUrl: 'https://a.example/2',
      authors: [{ name: 'Bob' }, { name: 'Ada' }],
      tags: [{ name: 'y', kind: 'TAG' }],
    };
    const text = serializePost(edited);
    expect(text).toContain('from: https://a.example/2');
    expect(text).toContain('description: New text');
    expect(text).toContain('draft: false');
    expect(text).toMatch(/authors:\n {2}- Bob\n {2}- name: Ada\n {4}url: https:\/\/ada.example/);
    expect(text).not.toMatch(/^(published|excerpt|source_url|tags):/m);
    const post = roundTrip(edited);
    expect(fields(post)).toMatchObject({
      title: 'New',
      status: 'PUBLISHED',
      excerpt: 'New text',
      sourceUrl: 'https://a.example/2',
      publishedAt: '2022-02-02T00:00:00.000Z',
    });
    expect(post.tags).toEqual([{ name: 'y', slug: 'y', kind: 'TAG' }]);
    expect(post.authors.map((a) => a.name)).toEqual(['Bob', 'Ada']);
  });

  it('clears fields the article no longer has', () => {
    const original = parsed(
      '---\ntitle: T\nfrom: https://a.example/1\ntags: [a]\nlang: de\n---\nDer Text ist hier.\n',
      'posts/t.md',
    );
    const post = roundTrip({ ...original, sourceUrl: null, tags: [], language: 'fr' });
    expect(post).toMatchObject({ sourceUrl: null, tags: [], language: 'fr' });
    expect(Object.keys(post.frontMatter).sort()).toEqual(['from', 'lang', 'tags', 'title']);
  });

  it('exports archived articles as unpublished', () => {
    expect(roundTrip({ ...blank, status: 'ARCHIVED', publishedAt: new Date('2020-01-01T00:00:00Z') }).status).toBe(
      'DRAFT',
    );
  });
});

describeWithFixture(hasSeed, SEED_FILE, 'serializePost on the seed', () => {
  it('is a fixed point: same fields, same header keys, same file on a second export', () => {
    const result = parsePost(readFileSync(SEED_FILE), { path: 'seed/000_eaef9e1ea3b8a7ef.txt' });
    if (!result.ok) throw new Error(result.error.message);
    const text = serializePost(result.post);
    expect(text.endsWith(result.post.body)).toBe(true);
    const again = roundTrip(result.post);
    expect(fields(again)).toEqual(fields(result.post));
    expect(again.frontMatter).toEqual(result.post.frontMatter);
    expect(serializePost(again)).toBe(text);
  });
});

describeWithFixture(hasCorpus, CORPUS_DIR, 'serializePost on corpus samples', () => {
  // Every 25th file of each folder: all header styles, languages and edge cases show up.
  const samples = ['news-zh', 'hugo', 'docs-en', 'ruby-lang'].flatMap((folder) =>
    (hasCorpus ? listCorpusFolder(folder) : []).filter((_, i) => i % 25 === 0).map((path) => ({ folder, path })),
  );

  it.each(samples)('round-trips $folder/$path', ({ folder, path }) => {
    const result = parsePost(readCorpusFile(`${folder}/${path}`), { path });
    if (!result.ok) return;
    const again = roundTrip(result.post);
    expect(fields(again)).toEqual(fields(result.post));
    expect(serializePost(again)).toBe(serializePost(result.post));
  });
});

describe('serializePost: identity', () => {
  const article: ExportableArticle = {
    title: 'Kept',
    slug: 'kept',
    excerpt: null,
    body: 'Body.\n',
    bodyFormat: 'MARKDOWN',
    status: 'PUBLISHED',
    publishedAt: new Date('2024-01-02T00:00:00Z'),
    language: null,
    sourceUrl: null,
    authors: [],
    tags: [],
    frontMatter: { title: 'Kept', layout: 'post' },
  };

  it('writes the article identity as `id`, so the import finds the article again', () => {
    const text = serializePost({ ...article, importKey: 'content/posts/kept.md' });
    expect(text).toMatch(/^id: content\/posts\/kept\.md$/m);
    expect(parsed(text, exportFileName(article)).identity).toBe('content/posts/kept.md');
  });

  it('writes no `id` when the header already gives the identity', () => {
    const text = serializePost({
      ...article,
      sourceUrl: 'https://a.example/kept',
      importKey: 'https://a.example/kept',
    });
    expect(text).not.toMatch(/^id:/m);
  });
});
