import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import { ImportRunner, ImportService } from '@pressroom/importer';
import { createTestApp } from '../support/create-test-app.js';
import { post, tempFolder } from '../support/temp-folder.js';

// 6 folders x 8 names: every name is wanted as a slug by six posts of different identities, and
// every fourth name is also the same story (one `from:` URL) scraped into two folders.
const FOLDERS = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5'];
const NAMES = Array.from({ length: 8 }, (_, i) => `topic-${i}`);

function files(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [f, folder] of FOLDERS.entries())
    for (const [n, name] of NAMES.entries()) {
      const from = n % 4 === 0 && f >= 4 ? `\nfrom: https://example.org/story/${n}` : '';
      out[`${folder}/${name}.md`] = post(`title: ${name} in ${folder}${from}`, `${folder} ${name}`);
    }
  return out;
}

type Order = 'forward' | 'reverse';

/** Imports `paths` as one job whose batches (of `size` paths) are written `concurrency` at a time. */
async function importInBatches(
  app: INestApplication,
  root: string,
  batches: string[][],
  concurrency: number,
): Promise<void> {
  const job = await app.get(ImportService).createJob({ source: 'cli', sourcePath: root, createdBy: 'test' });
  const runner = app.get(ImportRunner);
  const run = (paths: string[]) =>
    runner.importEntries(
      job,
      (async function* () {
        for (const p of paths) yield { path: p, file: path.join(root, p) };
      })(),
    );
  for (let i = 0; i < batches.length; i += concurrency) await Promise.all(batches.slice(i, i + concurrency).map(run));
}

function batchesOf(paths: string[], size: number, order: Order): string[][] {
  const batches: string[][] = [];
  for (let i = 0; i < paths.length; i += size) batches.push(paths.slice(i, i + size));
  return order === 'reverse' ? batches.reverse() : batches;
}

/** What the files must decide alone: each article's identity, slug, source, version and revisions. */
async function site(app: INestApplication): Promise<string[]> {
  const articles = await app.get(PrismaService).article.findMany({
    select: { importKey: true, slug: true, sourcePath: true, version: true, _count: { select: { revisions: true } } },
  });
  return articles.map((a) => `${a.importKey} ${a.slug} ${a.sourcePath} v${a.version} r${a._count.revisions}`).sort();
}

describe('import determinism', () => {
  let root: string;
  let paths: string[];
  let reference: string[];
  beforeAll(async () => {
    const all = files();
    root = await tempFolder(all);
    paths = Object.keys(all).sort();
    const app = await createTestApp();
    try {
      await importInBatches(app, root, batchesOf(paths, 48, 'forward'), 1);
      reference = await site(app);
    } finally {
      await app.close();
    }
  });

  it('imports the same files into the same articles whatever the batch size, order and concurrency', async () => {
    expect(reference).toHaveLength(FOLDERS.length * NAMES.length - 2);
    for (const [size, order, concurrency] of [
      [5, 'reverse', 2],
      [7, 'forward', 3],
      [3, 'reverse', 1],
    ] as const) {
      const app = await createTestApp();
      try {
        await importInBatches(app, root, batchesOf(paths, size, order), concurrency);
        expect({ size, order, concurrency, site: await site(app) }).toEqual({
          size,
          order,
          concurrency,
          site: reference,
        });
      } finally {
        await app.close();
      }
    }
  }, 120_000);

  it('gives a job resumed after a crash the same rows, versions and revisions as an uninterrupted one', async () => {
    const app = await createTestApp();
    try {
      const batches = batchesOf(paths, 6, 'reverse');
      const job = await app.get(ImportService).createJob({ source: 'cli', sourcePath: root, createdBy: 'test' });
      const runner = app.get(ImportRunner);
      const run = (batch: string[]) =>
        runner.importEntries(
          job,
          (async function* () {
            for (const p of batch) yield { path: p, file: path.join(root, p) };
          })(),
        );
      const half = Math.floor(batches.length / 2);
      for (const batch of batches.slice(0, half)) await run(batch);
      // The worker dies; its messages are delivered again, the last one it took among them, in
      // whatever order the queue hands them out.
      for (const batch of [batches[half - 1]!, ...batches.slice(half).reverse(), batches[0]!]) await run(batch);

      expect(await site(app)).toEqual(reference);
    } finally {
      await app.close();
    }
  }, 120_000);
});
