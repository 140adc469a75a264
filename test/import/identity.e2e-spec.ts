import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { jest } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import { ExportService } from '@pressroom/importer';
import request from 'supertest';
import { tarOf, zipOf } from '../support/archives.js';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { CORPUS_DIR } from '../support/corpus.js';
import { createToken } from '../support/factories.js';
import { importPaths } from '../support/imports.js';
import { post, tempFolder, writeFiles } from '../support/temp-folder.js';
import { waitFor } from '../support/wait-for.js';

// Posts with neither an id nor a source URL: identified by their path in the site.
const HUGO: Record<string, string> = {
  'hugo.toml': 'title = "Site"\n',
  'content/_index.md': post('title: Home'),
  'content/posts/first.md': post('title: First\ndate: 2024-01-02'),
  'content/posts/bundle/index.md': post('title: Bundle\ndate: 2024-01-03\ntags: [a, b]'),
};
const JEKYLL: Record<string, string> = {
  '_config.yml': 'title: Site\n',
  '_posts/2024-01-02-first.md': post('title: First\nlayout: post'),
  '_drafts/later.md': post('title: Later'),
  'about.md': post('title: About'),
};

function under(folder: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([name, content]) => [`${folder}/${name}`, content]));
}

async function archive(name: string, bytes: Buffer): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'pressroom-archive-')), name);
  await writeFile(file, bytes);
  return file;
}

describe('identity that does not depend on where the import starts', () => {
  let app: INestApplication;
  let prisma: PrismaService;
  beforeAll(async () => {
    app = await createTestApp();
    prisma = app.get(PrismaService);
  });
  beforeEach(() => resetDb(app));
  afterAll(() => app.close());

  const keys = async () =>
    (await prisma.article.findMany({ select: { importKey: true } })).map((a) => a.importKey).sort();

  describe.each([
    ['Hugo', HUGO, ['content/_index.md', 'content/posts/bundle/index.md', 'content/posts/first.md']],
    ['Jekyll', JEKYLL, ['_drafts/later.md', '_posts/2024-01-02-first.md', 'about.md']],
  ])('a %s site', (_kind, site, identities) => {
    it('gets the same identities from its folder, its parent, a zip, a wrapped zip and a wrapped .tar.gz', async () => {
      const parent = await tempFolder(under('site', site));
      const first = await importPaths(app, [path.join(parent, 'site')]);
      expect(first.counts).toMatchObject({ created: 3, failed: 0 });
      expect(await keys()).toEqual(identities);

      const sources = [
        parent,
        await archive('site.zip', await zipOf(site)),
        await archive('site.zip', await zipOf(under('site', site))),
        await archive('parent.tar.gz', gzipSync(await tarOf(under('parent/site', site)))),
      ];
      for (const source of sources) {
        const again = await importPaths(app, [source]);
        expect({ source: path.basename(source), ...again.counts }).toMatchObject({
          source: path.basename(source),
          created: 0,
          updated: 0,
          unchanged: 3,
        });
      }
      expect(await keys()).toEqual(identities);
    });

    it('is written by export: the export imported back changes nothing, and elsewhere recreates them', async () => {
      await importPaths(app, [await tempFolder(site)]);
      const exported = await tempFolder();
      const files: Record<string, string> = {};
      for await (const file of app.get(ExportService).files()) files[file.path] = file.content;
      await writeFiles(exported, files);

      const back = await importPaths(app, [exported]);
      expect(back.counts).toMatchObject({ total: 3, created: 0, updated: 0, skipped: 0, unchanged: 3 });
      expect(await prisma.articleRevision.count()).toBe(0); // nothing replaced: no revision

      await resetDb(app);
      const fresh = await importPaths(app, [exported]);
      expect(fresh.counts).toMatchObject({ created: 3, failed: 0 });
      expect(await keys()).toEqual(identities);
    });
  });

  it('serialises an article to compare only for a file that ends with its body (issue 15)', async () => {
    const story = 'from: https://news.example.org/story/1';
    const folder = await tempFolder({
      '_posts/2024-01-02-first.md': post(`title: First\n${story}`, 'The story.'),
      '_posts/2024-01-03-again.md': post(`title: Again\n${story}`, 'The story, scraped again.'),
    });
    await importPaths(app, [folder]);
    const exportsOf = jest.spyOn(app.get(ExportService), 'exportsOf');

    try {
      const again = await importPaths(app, [folder]);

      // The repeat is parsed again (its path has no article), and told apart by its body alone.
      expect(again.counts).toMatchObject({ total: 2, unchanged: 1, skipped: 1, created: 0, updated: 0 });
      expect(exportsOf).not.toHaveBeenCalled();
    } finally {
      exportsOf.mockRestore();
    }
  });

  it('leaves out the one folder that wraps an archive of plain posts', async () => {
    const files = { 'posts/a.md': post('title: A'), 'posts/b.md': post('title: B') };
    await importPaths(app, [await tempFolder(files)]);

    const wrapped = await importPaths(app, [await archive('blog.zip', await zipOf(under('blog', files)))]);

    expect(wrapped.counts).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await keys()).toEqual(['posts/a.md', 'posts/b.md']);
  });

  it('takes over articles imported with the identities older imports gave, then leaves them unchanged', async () => {
    const parent = await tempFolder(under('site', HUGO));
    await importPaths(app, [path.join(parent, 'site')]);
    // What importing the parent gave before: paths relative to the import's root.
    await prisma.$executeRaw`UPDATE "Article" SET "importKey" = 'site/' || "importKey", "sourcePath" = 'site/' || "sourcePath"`;
    const ids = (await prisma.article.findMany({ select: { id: true } })).map((a) => a.id).sort();

    const adopted = await importPaths(app, [parent]);
    expect(adopted.counts).toMatchObject({ created: 0, updated: 3, skipped: 0 });
    expect((await prisma.article.findMany({ select: { id: true } })).map((a) => a.id).sort()).toEqual(ids);
    expect(await keys()).toEqual(['content/_index.md', 'content/posts/bundle/index.md', 'content/posts/first.md']);

    const again = await importPaths(app, [path.join(parent, 'site')]);
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  const hugo = path.join(CORPUS_DIR, 'hugo');
  (existsSync(hugo) ? describe : describe.skip)(
    existsSync(hugo) ? 'the shared Hugo corpus' : `the shared Hugo corpus (skipped: ${hugo} is absent)`,
    () => {
      it('gets the same identities from its site folder, its parent and a zip of the parent', async () => {
        const site = path.join(hugo, 'linkerd.io');
        const first = await importPaths(app, [site]);
        expect(first.counts.created).toBeGreaterThan(300);
        const zip = path.join(await mkdtemp(path.join(tmpdir(), 'pressroom-archive-')), 'hugo.zip');
        execFileSync('python3', ['-m', 'zipfile', '-c', zip, hugo]);

        for (const source of [hugo, zip]) {
          const again = await importPaths(app, [source]);
          expect({ source, ...again.counts }).toMatchObject({
            source,
            created: 0,
            updated: 0,
            unchanged: first.counts.created,
          });
        }
      }, 120_000);
    },
  );
});

describe('identity of uploaded archives', () => {
  let app: INestApplication;
  let admin: string;
  beforeAll(async () => {
    app = await createTestApp({ importWorker: true });
  });
  beforeEach(async () => {
    await resetDb(app);
    admin = await createToken(app, 'ADMIN');
  });
  afterAll(() => app.close());

  const upload = async (zip: Buffer, name: string) => {
    const { body } = await request(app.getHttpServer())
      .post('/admin/imports')
      .set('authorization', `Bearer ${admin}`)
      .attach('files', zip, name);
    return waitFor(
      async () => {
        const res = await request(app.getHttpServer())
          .get(`/admin/imports/${body.id}`)
          .set('authorization', `Bearer ${admin}`);
        return ['succeeded', 'partial', 'failed'].includes(res.body.status) ? res.body : undefined;
      },
      30_000,
      `import ${body.id}`,
    );
  };

  it('gives a site uploaded as a wrapped zip the identities of its folder', async () => {
    await importPaths(app, [await tempFolder(HUGO)]);

    const wrapped = await upload(await zipOf(under('parent/site', HUGO)), 'parent.zip');

    expect(wrapped.counts).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });
});
