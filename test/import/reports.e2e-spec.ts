import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { INestApplication } from '@nestjs/common';
import { PrismaService } from '@pressroom/database';
import request from 'supertest';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { importPaths } from '../support/imports.js';
import { tempFolder } from '../support/temp-folder.js';
import { createTestDatabase } from '../support/test-database.js';

const run = promisify(execFile);
const CLI = path.resolve('apps/cli/dist/main.js');
// Reads stdin in small bites with pauses, as a slow `jq` would, then parses what arrived.
const SLOW_READER = `
  const chunks = [];
  process.stdin.on('data', (chunk) => {
    chunks.push(chunk);
    process.stdin.pause();
    setTimeout(() => process.stdin.resume(), 2);
  });
  process.stdin.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    const report = JSON.parse(text);
    process.stdout.write(JSON.stringify({ bytes: text.length, failed: report.failed, errors: report.errors.length, moreErrors: report.moreErrors }));
  });`;

const ITEMS = `query($id: ID!, $outcome: ImportOutcome, $after: String) {
  importJob(id: $id) {
    moreWarnings
    items(outcome: $outcome, first: 100, after: $after) {
      totalCount
      edges { cursor node { path outcome line message warnings { line message } articleId } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

// Dated by their file names, so that each has exactly one warning: no front matter.
const noFrontMatter = (count: number) =>
  Object.fromEntries(
    Array.from({ length: count }, (_, i) => [`notes/2020-01-01-${String(i).padStart(4, '0')}.md`, `Note ${i}\n`]),
  );

describe('import reports a script can trust (issue 12)', () => {
  it('delivers a JSON report over 1 MB whole through a pipe to a slow reader', async () => {
    const deep = ['a', 'b', 'c'].map((c) => c.repeat(240)).join('/');
    const files = Object.fromEntries(
      Array.from({ length: 1100 }, (_, i) => [
        `${deep}/${String(i).padStart(4, '0')}-${'x'.repeat(230)}.md`,
        '---\ntitle: [broken\n---\n',
      ]),
    );
    const root = await tempFolder(files);
    const databaseUrl = await createTestDatabase();

    const { stdout } = await run(
      'sh',
      ['-c', `"${process.execPath}" "${CLI}" import "${root}" --json --dry-run | "${process.execPath}" -e "$READER"`],
      { env: { ...process.env, DATABASE_URL: databaseUrl, READER: SLOW_READER }, maxBuffer: 1 << 20 },
    );

    const summary = JSON.parse(stdout);
    expect(summary.bytes).toBeGreaterThan(1_000_000);
    expect(summary).toMatchObject({ failed: 1100, errors: 1000, moreErrors: 100 });
  }, 180_000);

  describe('in the API', () => {
    let app: INestApplication;
    let admin: string;
    beforeAll(async () => {
      app = await createTestApp();
    });
    beforeEach(async () => {
      await resetDb(app);
      admin = await createToken(app, 'ADMIN');
    });
    afterAll(() => app.close());

    it('counts the warnings past the first 1000 and pages every file through importJob.items', async () => {
      const root = await tempFolder({ ...noFrontMatter(1050), 'broken.md': '---\ntitle: [broken\n---\n' });
      const report = await importPaths(app, [root], { dryRun: true });

      const rest = await request(app.getHttpServer())
        .get(`/admin/imports/${report.id}`)
        .set('authorization', `Bearer ${admin}`);
      const pages: Record<string, any>[] = [];
      let after: string | null = null;
      do {
        const page: Record<string, any> = (await gql(app, ITEMS, { id: report.id, after }, admin)).data!.importJob;
        pages.push(page);
        after = page.items.pageInfo.hasNextPage ? page.items.pageInfo.endCursor : null;
      } while (after);
      const failed = await gql(app, ITEMS, { id: report.id, outcome: 'FAILED' }, admin);
      const editor = await gql(app, ITEMS, { id: report.id }, await createToken(app, 'EDITOR'));
      const forged = await gql(app, ITEMS, { id: report.id, after: 'WyJ4Il0' }, admin);

      expect(report.warnings).toHaveLength(1000);
      expect(report.moreWarnings).toBe(50);
      expect(rest.body).toMatchObject({ moreWarnings: 50, moreErrors: 0 });
      expect(pages[0]!.moreWarnings).toBe(50);
      expect(pages).toHaveLength(11);
      const nodes = pages.flatMap((p) => p.items.edges.map((e: any) => e.node));
      expect(nodes).toHaveLength(1051);
      expect(new Set(nodes.map((n) => n.path)).size).toBe(1051);
      expect(pages[0]!.items.totalCount).toBe(1051);
      expect(nodes.filter((n) => n.warnings.length === 1)).toHaveLength(1050);
      expect(failed.data!.importJob.items).toMatchObject({
        totalCount: 1,
        edges: [{ node: { path: 'broken.md', outcome: 'FAILED', line: expect.any(Number), articleId: null } }],
      });
      expect(failed.data!.importJob.items.edges[0].node.message).toContain('INVALID_YAML');
      expect(editor.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(forged.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
    }, 120_000);

    it('stores no warning document for a file without warnings, and lists it with none (issue 15)', async () => {
      const root = await tempFolder({
        'clean.md': '---\ntitle: Clean\ndate: 2020-01-01\n---\nBody\n',
        'notes/2020-01-02-bare.md': 'Bare note\n',
      });
      const report = await importPaths(app, [root]);
      const prisma = app.get(PrismaService);
      const stored = await prisma.importItem.findMany({ where: { jobId: report.id }, orderBy: { path: 'asc' } });
      expect(stored.map((i) => [i.path, i.outcome, i.warnings === null])).toEqual([
        ['clean.md', 'CREATED', true],
        ['notes/2020-01-02-bare.md', 'CREATED', false],
      ]);
      const token = await createToken(app, 'ADMIN');
      const listed = await gql<{ importJob: { items: { edges: { node: { path: string; warnings: unknown[] } }[] } } }>(
        app,
        ITEMS,
        { id: report.id },
        token,
      );
      expect(listed.data!.importJob.items.edges.map((e) => [e.node.path, e.node.warnings.length])).toEqual([
        ['clean.md', 0],
        ['notes/2020-01-02-bare.md', 1],
      ]);
    });

    it('imports UTF-16 files with a byte-order mark, little- and big-endian', async () => {
      const le = Buffer.from('\ufeff---\ntitle: Grüße LE\n---\nBody\n', 'utf16le');
      const be = Buffer.from(
        Buffer.from('\ufeff---\ntitle: Grüße BE\n---\nBody\n', 'utf16le').map((_, i, b) => b[i ^ 1]!),
      );
      const root = await tempFolder({ 'le.md': le, 'be.md': be, 'odd.md': Buffer.concat([le, Buffer.from([0x41])]) });

      const report = await importPaths(app, [root]);

      expect(report.counts).toMatchObject({ created: 2, failed: 1 });
      expect(report.errors).toEqual([
        {
          path: 'odd.md',
          line: null,
          message: expect.stringMatching(/INVALID_ENCODING.*UTF-16LE.*odd number of bytes/),
        },
      ]);
    });
  });
});
