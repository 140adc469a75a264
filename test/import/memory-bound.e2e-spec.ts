import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import { ImportRunner } from '@pressroom/importer';
import { createTestApp } from '../support/create-test-app.js';
import { importPaths } from '../support/imports.js';
import { post, tempFolder } from '../support/temp-folder.js';

// Issue 15: what an import holds is bounded by the bytes of its files in flight, not by how many
// files it holds. Large posts with a small budget: the budget is never passed (except by a file
// larger than all of it, which goes alone), and the import gives the same rows, slugs and
// versions as with the default budget, where these files all fit in one batch.
const KB = 1024;
const BUDGET = 700 * KB;

function largePost(i: number, bytes: number): string {
  const paragraph = `Paragraph ${i} of a long story about the harbour and its ferries.\n\n`;
  return post(`title: Long story ${i}\ntags: [harbour]`, paragraph.repeat(Math.ceil(bytes / paragraph.length)));
}

function files(): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < 10; i++) out[`_posts/2024-01-${String(i + 10)}-story.md`] = largePost(i, 250 * KB);
  // Larger than the whole budget: goes alone, and still lands.
  out['_posts/2024-02-01-huge.md'] = largePost(99, 1200 * KB);
  // Same slug wanted twice: the suffix must not depend on the batching.
  out['a/same-name.md'] = largePost(100, 200 * KB);
  out['b/same-name.md'] = largePost(101, 200 * KB);
  return out;
}

async function site(app: INestApplication): Promise<string[]> {
  const articles = await app.get(PrismaService).article.findMany({
    select: { importKey: true, slug: true, sourcePath: true, version: true, html: true },
  });
  return articles.map((a) => `${a.importKey} ${a.slug} ${a.sourcePath} v${a.version} ${a.html.length}`).sort();
}

async function importWithBudget(root: string, budget: number | null) {
  if (budget === null) delete process.env.IMPORT_BYTES_IN_FLIGHT;
  else process.env.IMPORT_BYTES_IN_FLIGHT = String(budget);
  const app = await createTestApp();
  try {
    const report = await importPaths(app, [root]);
    return { report, site: await site(app), peak: app.get(ImportRunner).budget.peak };
  } finally {
    delete process.env.IMPORT_BYTES_IN_FLIGHT;
    await app.close();
  }
}

describe('import memory bound', () => {
  it('never holds more file bytes than IMPORT_BYTES_IN_FLIGHT, and writes the same rows as with the default', async () => {
    const root = await tempFolder(files());
    const small = await importWithBudget(root, BUDGET);
    expect(small.report.status).toBe('succeeded');
    expect(small.report.counts).toMatchObject({ total: 13, created: 13, failed: 0 });
    // The huge file alone is the only thing allowed past the budget.
    expect(small.peak).toBeLessThanOrEqual(Math.max(BUDGET, 1200 * KB + 1000));
    expect(small.peak).toBeGreaterThan(250 * KB);

    const usual = await importWithBudget(root, null);
    expect(usual.report.counts).toMatchObject({ total: 13, created: 13 });
    expect(usual.peak).toBeGreaterThan(BUDGET); // the default took them in larger batches
    expect(small.site).toEqual(usual.site);
  }, 120_000);
});
