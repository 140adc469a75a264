import { readFileSync } from 'node:fs';
import { parsePost } from './parse-post.js';
import { describeWithFixture, hasSeed, SEED_FILE } from './testing/corpus.js';
import type { NormalisedPost } from './types.js';

const SOURCE = 'https://www.zaobao.com/realtime/china/story20210830-1188123';

describeWithFixture(hasSeed, SEED_FILE, 'parsePost on the seed post', () => {
  let post: NormalisedPost;
  beforeAll(() => {
    const result = parsePost(readFileSync(SEED_FILE), { path: 'seed/000_eaef9e1ea3b8a7ef.txt' });
    if (!result.ok) throw new Error(`seed failed: ${JSON.stringify(result.error)}`);
    post = result.post;
  });

  it('reads the title, date, author, tags and source', () => {
    expect(post.title).toBe('王毅与布林肯通话：各方有必要同塔利班进行接触');
    expect(post.publishedAt?.toISOString()).toBe('2021-08-30T01:33:13.561Z');
    expect(post.authors).toEqual([{ name: '联合早报', slug: '联合早报' }]);
    expect(post.tags).toEqual([
      { name: '联合早报', slug: '联合早报', kind: 'TAG' },
      { name: '联合早报', slug: '联合早报', kind: 'CATEGORY' },
    ]);
    expect(post.sourceUrl).toBe(SOURCE);
    expect(post.identity).toBe(SOURCE);
  });

  it('is a published Chinese Markdown post', () => {
    expect(post.status).toBe('PUBLISHED');
    expect(post.language).toBe('zh');
    expect(post.bodyFormat).toBe('MARKDOWN');
    expect(post.lastModifiedAt).toBeNull();
    expect(post.redirects).toEqual([]);
  });

  it('keeps every header key in frontMatter', () => {
    expect(post.frontMatter).toEqual({
      layout: 'post',
      title: '王毅与布林肯通话：各方有必要同塔利班进行接触',
      date: '2021-08-30T01:33:13.561Z',
      author: '联合早报',
      from: SOURCE,
      tags: ['联合早报'],
      categories: ['联合早报'],
    });
  });

  it('renders the heading link and images with their lazy-load source', () => {
    expect(post.html.startsWith(`<h2><a href="${SOURCE}">王毅与布林肯通话`)).toBe(true);
    const images = post.html.match(/<img [^>]*>/g) ?? [];
    expect(images).toHaveLength(2);
    for (const image of images) {
      expect(image).toMatch(/ src="https:\/\/static\.zaobao\.com\/s3fs-public\/freemium_images\//);
      expect(image).not.toMatch(/style=|class=|data-src=|pinger-seen=/);
    }
  });

  it('keeps the body after the header byte for byte', () => {
    const source = readFileSync(SEED_FILE, 'utf8');
    expect(post.body.startsWith('<!--1630309740000-->\n')).toBe(true);
    expect(source.endsWith(post.body)).toBe(true);
  });

  it('renders every paragraph without ads, comments, scripts or handlers', () => {
    expect(post.html).toContain('王毅表示，阿富汗国内形势已发生根本性变化');
    expect(post.html).toContain('布林肯和王毅两人谈了国际社会必须要让塔利班遵守');
    const paragraphs = [...readFileSync(SEED_FILE, 'utf8').matchAll(/<p>([\s\S]*?)<\/p>/g)];
    expect(paragraphs).toHaveLength(11);
    for (const [paragraph] of paragraphs) expect(post.html).toContain(paragraph);
    expect(post.html).not.toMatch(/dfp-ad|id="imu"|<!--|<script|\son[a-z]+=/i);
    expect(post.html).not.toMatch(/<(div|section)>\s*<\/\1>/);
    expect(post.html).toContain('rel="noopener noreferrer"');
  });

  it('takes the excerpt from the first paragraph as plain text', () => {
    expect(post.excerpt).toMatch(/^中国国务委员兼外长王毅昨天与美国国务卿布林肯通电话时说/);
    expect(post.excerpt).not.toMatch(/[<>]/);
  });

  it('names the slug after the file, or after the title in a Jekyll post name', () => {
    expect(post.slug).toBe('000-eaef9e1ea3b8a7ef');
    const jekyll = parsePost(readFileSync(SEED_FILE), {
      path: '_posts/2021-08-30-王毅与布林肯通话：各方有必要同塔利班进行接触.md',
    });
    expect(jekyll.ok && jekyll.post.slug).toBe('王毅与布林肯通话-各方有必要同塔利班进行接触');
  });

  it('hashes bytes together with the options that change the result', () => {
    const again = parsePost(readFileSync(SEED_FILE), { path: 'seed/000_eaef9e1ea3b8a7ef.txt' });
    const zoned = parsePost(readFileSync(SEED_FILE), {
      path: 'seed/000_eaef9e1ea3b8a7ef.txt',
      timeZone: 'Asia/Shanghai',
    });
    expect(again.ok && again.post.contentHash).toBe(post.contentHash);
    expect(zoned.ok && zoned.post.contentHash).not.toBe(post.contentHash);
    expect(post.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });
});
