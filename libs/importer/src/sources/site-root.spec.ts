import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findSiteRoot, isSiteConfig, sitePath } from './site-root.js';

async function folder(files: string[]): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'pressroom-site-'));
  for (const file of files) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), '');
  }
  return root;
}

describe('findSiteRoot', () => {
  it.each([
    ['a Hugo configuration', ['a/site/hugo.toml', 'a/site/static/x.md'], 'a/site'],
    ['a Jekyll configuration', ['b/_config.yml', 'b/about.md', 'b/cat/_posts/x.md'], 'b'],
    ['content/', ['hugo/x/content/posts/a.md'], 'hugo/x'],
    ['_posts/', ['site/_posts/a.md', 'site/about.md'], 'site'],
    ['several _posts/, by the folder holding them all', ['r/en/news/_posts/a.md', 'r/de/news/_posts/a.md'], 'r'],
    ['the import root itself', ['_config.yml', 'a.md'], ''],
    ['no sign of a site', ['posts/a.md'], ''],
  ])('finds the site by %s', async (_why, files, expected) => {
    expect(await findSiteRoot(await folder(files), false)).toBe(expected);
  });

  it('takes the one folder that wraps an archive, and only in an archive', async () => {
    const wrapped = await folder(['blog/posts/a.md', 'blog/b.md']);
    expect(await findSiteRoot(wrapped, true)).toBe('blog');
    expect(await findSiteRoot(wrapped, false)).toBe('');
    expect(await findSiteRoot(await folder(['blog/a.md', 'other/b.md']), true)).toBe('');
  });
});

describe('sitePath', () => {
  it('is the path relative to the site root, and the path itself outside it', () => {
    expect(sitePath('a/site/content/x.md', 'a/site')).toBe('content/x.md');
    expect(sitePath('a/sites/x.md', 'a/site')).toBe('a/sites/x.md');
    expect(sitePath('x.md', '')).toBe('x.md');
  });
});

describe('isSiteConfig', () => {
  it.each([
    ['_config.yml', true],
    ['_config.toml', true],
    ['hugo.yaml', true],
    ['config.json', true],
    ['config.md', false],
    ['package.json', false],
  ])('%s marks a site: %s', (name, expected) => {
    expect(isSiteConfig(name)).toBe(expected);
  });
});
