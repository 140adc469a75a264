import type { INestApplication } from '@nestjs/common';
import { DatabasePool, PrismaService } from '@pressroom/database';
import { createTestApp } from '../support/create-test-app.js';
import { importPaths } from '../support/imports.js';
import { post, tempFolder } from '../support/temp-folder.js';

// Issue 15: import batches merge their search-index entries at once through the GIN pending
// list: the body index's is always on (migration search_index_pending_list), the title's is
// switched on in a short statement of its own and off when the job ends. When the job reports
// succeeded, every article is in the indexes proper (nothing left pending) and the title's
// switch is off again.
const INDEXES = ['Article_searchVector_idx', 'Article_searchTitleVector_idx'];

function posts(): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < 40; i++) {
    out[`_posts/2024-03-${String((i % 28) + 1).padStart(2, '0')}-lighthouse-${i}.md`] = post(
      `title: Lighthouse keeper ${i}`,
      `港口 灯塔 报告 ${i}. The lighthouse keeper wrote about the harbour ferries.`,
    );
  }
  return out;
}

async function indexState(app: INestApplication) {
  const prisma = app.get(PrismaService);
  const options = await prisma.$queryRawUnsafe<{ relname: string; reloptions: string[] | null }[]>(
    `SELECT relname::text, reloptions FROM pg_class WHERE relname = ANY($1::text[]) ORDER BY relname`,
    INDEXES,
  );
  // Pages still pending in each index (0: everything was merged before the batch committed).
  const pending = await prisma.$queryRawUnsafe<{ pages: number }[]>(
    `SELECT gin_clean_pending_list(c.oid::regclass)::int AS pages FROM pg_class c WHERE relname = ANY($1::text[])`,
    INDEXES,
  );
  const [found] = await prisma
    .$transaction([
      prisma.$executeRawUnsafe(`SET LOCAL enable_seqscan = off`),
      prisma.$queryRawUnsafe<{ body: number; title: number }[]>(
        `SELECT count(*) FILTER (WHERE "searchVector" @@ to_tsquery('english', 'lighthouse'))::int AS body,
              count(*) FILTER (WHERE "searchTitleVector" @@ to_tsquery('english', 'keeper'))::int AS title
       FROM "Article"`,
      ),
    ])
    .then(([, rows]) => rows);
  return { options: options.map((o) => [o.relname, o.reloptions]), pending: pending.map((p) => p.pages), found };
}

/** The indexes once a job of the 40 posts has ended: lists off again, nothing pending, every post found. */
const AFTER_IMPORT_OF_40 = {
  options: [
    ['Article_searchTitleVector_idx', ['fastupdate=off']],
    ['Article_searchVector_idx', ['fastupdate=on']],
  ],
  pending: [0, 0],
  found: { body: 40, title: 40 },
};

describe('import search index in bulk', () => {
  it.each([
    ['merged per batch', 'true'],
    ['inserted one by one', 'false'],
  ])(
    "leaves every imported article in the indexes proper, their pending lists empty and the title's off (%s)",
    async (_, bulk) => {
      process.env.IMPORT_BULK_SEARCH_INDEX = bulk;
      process.env.IMPORT_BYTES_IN_FLIGHT = String(40 * 1024); // several batches
      const app = await createTestApp();
      try {
        const report = await importPaths(app, [await tempFolder(posts())]);
        expect(report.status).toBe('succeeded');
        expect(report.counts.created).toBe(40);
        expect(await indexState(app)).toEqual(AFTER_IMPORT_OF_40);
      } finally {
        delete process.env.IMPORT_BULK_SEARCH_INDEX;
        delete process.env.IMPORT_BYTES_IN_FLIGHT;
        await app.close();
      }
    },
    120_000,
  );

  // The switch takes an ACCESS EXCLUSIVE lock on the index, which a reader's open transaction on
  // "Article" holds off (and which would hold off every read of articles while it waits or is
  // held). Taken inside each batch's transaction, an import waited for such a reader, here until
  // its 5-minute statement timeout, and held the API's reads for each whole batch.
  it('does not wait for a reader of articles: the batches then insert their entries one by one', async () => {
    process.env.IMPORT_BYTES_IN_FLIGHT = String(40 * 1024);
    const app = await createTestApp();
    const reader = await app.get(DatabasePool).primary.connect();
    try {
      await reader.query('BEGIN');
      await reader.query(`SELECT count(*) FROM "Article" WHERE "searchVector" @@ to_tsquery('english', 'harbour')`);
      const report = await importPaths(app, [await tempFolder(posts())]);
      expect(report.status).toBe('succeeded');
      expect(report.counts.created).toBe(40);
      await reader.query('COMMIT');
      expect(await indexState(app)).toEqual(AFTER_IMPORT_OF_40);
    } finally {
      await reader.query('ROLLBACK').catch(() => undefined);
      reader.release();
      delete process.env.IMPORT_BYTES_IN_FLIGHT;
      await app.close();
    }
  }, 60_000);
});
