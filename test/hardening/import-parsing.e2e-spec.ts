import type { INestApplication } from '@nestjs/common';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { importPaths } from '../support/imports.js';
import { post, tempFolder } from '../support/temp-folder.js';

const CREATE = 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id excerpt } }';
const UPDATE =
  'mutation($id: ID!, $v: Int, $input: UpdateArticleInput!) { updateArticle(id: $id, input: $input, expectedVersion: $v) { id } }';
const repeat = (unit: string, chars: number) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);

describe('no single body or file can hold the API or an import', () => {
  let app: INestApplication;
  let editor: string;
  beforeAll(async () => {
    process.env.IMPORT_FILE_TIME_BUDGET_MS = '1000';
    app = await createTestApp();
  });
  beforeEach(async () => {
    await resetDb(app);
    editor = await createToken(app, 'EDITOR');
  });
  afterAll(async () => {
    await app.close();
    delete process.env.IMPORT_FILE_TIME_BUDGET_MS;
  });

  /** Milliseconds to save `body` through createArticle, then updateArticle. */
  async function saveMillis(body: string): Promise<number> {
    const start = performance.now();
    const created = await gql(app, CREATE, { input: { title: 'Hostile', body } }, editor);
    expect(created.errors).toBeUndefined();
    const id = created.data!.createArticle.id as string;
    const updated = await gql(app, UPDATE, { id, v: 1, input: { body: `${body} ` } }, editor);
    expect(updated.errors).toBeUndefined();
    return performance.now() - start;
  }

  it('saves hostile bodies about as fast as prose of the same size', async () => {
    // The baseline is ordinary prose of the same length: rendering and storing it is linear. A
    // quadratic pass made the first body take 25 s (issue 10); a linear one stays within a few
    // times the prose. The factor is generous, so the check is about growth, not speed.
    const size = 1024 * 1024;
    const prose = await saveMillis(repeat('The council met on Tuesday to discuss the harbour wall. ', size));
    const hostile = [repeat('{% ', 300 * 1024), repeat('{% {{ <p <title> <!-- <h1>a ', size), repeat('<p>a ', size)];
    for (const body of hostile) {
      expect(await saveMillis(body)).toBeLessThan(Math.max(10 * prose, 10_000));
    }
  });

  it('fails a file that parses past its time budget alone, with PARSE_TIMEOUT', async () => {
    const root = await tempFolder({
      'a.md': post('title: A'),
      // The YAML parser takes seconds on a megabyte of `a: a: a: ...`.
      'slow.md': `---\n${'a: '.repeat(350_000)}\n---\nBody.\n`,
      'z.md': post('title: Z'),
    });

    const report = await importPaths(app, [root]);

    expect(report.counts).toMatchObject({ total: 3, created: 2, failed: 1 });
    expect(report.errors).toEqual([
      { path: 'slow.md', line: null, message: expect.stringMatching(/^PARSE_TIMEOUT: .*1000 ms/) },
    ]);
  });
});
