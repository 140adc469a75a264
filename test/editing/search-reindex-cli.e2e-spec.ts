import type { INestApplication } from '@nestjs/common';
import { SqlPool } from '@pressroom/database';
import pg from 'pg';
import {
  readSearchSources,
  writeSearchVectors,
} from '../../libs/content/src/articles/article-search-vectors.repository.js';
import { ArticleWriter } from '../../libs/content/src/articles/article-writer.service.js';
import { searchDocument } from '../../libs/content/src/search/search-document.js';
import { runCms } from '../support/cms-cli.js';
import { createTestApp, resetDb } from '../support/create-test-app.js';
import { createToken } from '../support/factories.js';
import { gql } from '../support/gql.js';
import { importPaths } from '../support/imports.js';
import { post, tempFolder } from '../support/temp-folder.js';
import { createTestDatabase } from '../support/test-database.js';
import { UPDATE_ARTICLE, createViaApi } from './editing-support.js';

// The first command may build the CLI (tsc -b), which takes longer than a test usually may.
const BUILD_TIMEOUT = 180_000;
const SEARCH = 'query($q: String!) { search(query: $q, first: 10) { edges { node { id } } } }';

interface Totals {
  read: number;
  written: number;
  unchanged: number;
  skipped: number;
}

describe('search reindex', () => {
  let app: INestApplication;
  let databaseUrl: string;
  let sql: SqlPool;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    app = await createTestApp({ databaseUrl });
    sql = app.get(SqlPool);
  });
  beforeEach(() => resetDb(app));
  afterAll(() => app.close());

  const cms = (...args: string[]) => runCms(databaseUrl, ...args);

  async function reindex(...args: string[]): Promise<Totals> {
    const { code, stdout, stderr } = await cms('search', 'reindex', '--json', ...args);
    if (code !== 0) throw new Error(`exit ${code}: ${stderr}`);
    const { read, written, unchanged, skipped } = JSON.parse(stdout) as Totals;
    return { read, written, unchanged, skipped };
  }

  async function found(query: string, token: string): Promise<string[]> {
    const { data, errors } = await gql(app, SEARCH, { q: query }, token);
    if (errors) throw new Error(JSON.stringify(errors));
    return data!.search.edges.map((e: any) => e.node.id).sort();
  }

  /** A copy of the article's content written by SQL, as a loader or a restore would: no vectors. */
  async function rawCopy(id: string, suffix: string): Promise<string> {
    const { rows } = await sql.query<{ id: string }>(
      `INSERT INTO "Article" (id, slug, title, excerpt, body, "bodyFormat", html, status, "publishedAt", language)
       SELECT gen_random_uuid(), slug || $2, title, excerpt, body, "bodyFormat", html, status, "publishedAt", language
       FROM "Article" WHERE id = $1 RETURNING id::text`,
      [id, suffix],
    );
    return rows[0]!.id;
  }

  /** Whether two articles' stored vectors (and body parts) are the same. */
  async function sameVectors(a: string, b: string): Promise<{ vector: boolean; body: boolean }> {
    const { rows } = await sql.query<{ vector: boolean; body: boolean }>(
      `SELECT x."searchVector" = y."searchVector" AS vector, x."searchBodyVector" = y."searchBodyVector" AS body
       FROM "Article" x, "Article" y WHERE x.id = $1 AND y.id = $2`,
      [a, b],
    );
    return rows[0]!;
  }

  /** What a reindex must leave alone: versions, updatedAt, revisions, the changes feed. */
  async function untouched(): Promise<unknown> {
    const { rows } = await sql.query(
      `SELECT (SELECT json_agg(json_build_object('id', id, 'v', version, 'at', "updatedAt"::text) ORDER BY id) FROM "Article") AS articles,
         (SELECT count(*)::int FROM "ArticleRevision") AS revisions,
         (SELECT coalesce(max(id), 0)::int FROM "ArticleChange") AS "lastChange"`,
    );
    return rows[0];
  }

  it(
    'gives rows loaded by SQL the vectors the application writes, without a version, revision or change; then has nothing to do',
    async () => {
      const editor = await createToken(app, 'EDITOR');
      const created = await createViaApi(app, editor, {
        title: 'Lighthouse 灯塔守护者',
        excerpt: 'Keepers of the coast.',
        body: 'The *keeper* climbs at dusk. 灯塔在黄昏时点亮。',
      });
      await importPaths(app, [
        await tempFolder({
          '_posts/2024-03-01-quay.md': post('title: Quay wardens', 'Wardens patrol the quay. 码头夜巡。'),
        }),
      ]);
      const imported = (await sql.query<{ id: string }>(`SELECT id::text FROM "Article" WHERE slug LIKE '%quay%'`))
        .rows[0]!.id;
      const createdCopy = await rawCopy(created.id as string, '-raw');
      const importedCopy = await rawCopy(imported, '-raw');
      expect(await found('keeper', editor)).toEqual([created.id]);
      expect(await found('码头', editor)).toEqual([imported]);
      const before = await untouched();

      const totals = await reindex();

      expect(totals).toEqual({ read: 2, written: 2, unchanged: 0, skipped: 0 });
      expect(await found('keeper', editor)).toEqual([created.id, createdCopy].sort());
      expect(await found('灯塔', editor)).toEqual([created.id, createdCopy].sort());
      expect(await found('码头', editor)).toEqual([imported, importedCopy].sort());
      // createArticle stores the body part; the import does not (decisions.md), so only its vector compares.
      expect(await sameVectors(created.id as string, createdCopy)).toEqual({ vector: true, body: true });
      expect((await sameVectors(imported, importedCopy)).vector).toBe(true);
      expect(await untouched()).toEqual(before);
      expect(await reindex()).toEqual({ read: 0, written: 0, unchanged: 0, skipped: 0 });
    },
    BUILD_TIMEOUT,
  );

  it(
    'lets a title-only edit of a reindexed row take the one-statement path (no read first), as it could not before',
    async () => {
      const editor = await createToken(app, 'EDITOR');
      const source = await createViaApi(app, editor, { title: 'Tide', body: 'High water at noon.' });
      const before = await rawCopy(source.id as string, '-before');
      const after = await rawCopy(source.id as string, '-after');
      const writer = app.get(ArticleWriter);
      const read = writer.read.bind(writer);
      let reads = 0;
      writer.read = (id: string) => {
        reads++;
        return read(id);
      };
      const rename = async (id: string, title: string) => {
        reads = 0;
        const { errors } = await gql(app, UPDATE_ARTICLE, { id, input: { title }, v: 1 }, editor);
        expect(errors).toBeUndefined();
        return reads;
      };

      expect(await rename(before, 'Tide tables')).toBe(1);
      expect(await reindex()).toEqual({ read: 1, written: 1, unchanged: 0, skipped: 0 });
      expect(await rename(after, 'Tide charts')).toBe(0);
      expect(await found('charts', editor)).toEqual([after]);
      expect(await found('water', editor)).toEqual([source.id, before, after].sort());
    },
    BUILD_TIMEOUT,
  );

  it(
    'recomputes every vector with --all: a wrong one is replaced, right ones and imported rows keep their form',
    async () => {
      const editor = await createToken(app, 'EDITOR');
      const right = await createViaApi(app, editor, { title: 'Harbour', body: 'Ferries at dawn.' });
      const wrong = await createViaApi(app, editor, { title: 'Breakwater', body: 'Waves on stone.' });
      await importPaths(app, [
        await tempFolder({ '_posts/2024-03-02-pier.md': post('title: Pier', 'Gulls on the pier.') }),
      ]);
      await sql.query(`UPDATE "Article" SET "searchVector" = to_tsvector('simple', 'bogus') WHERE id = $1`, [wrong.id]);
      const before = await untouched();

      expect(await reindex()).toEqual({ read: 0, written: 0, unchanged: 0, skipped: 0 });
      expect(await found('waves', editor)).toEqual([]);
      expect(await reindex('--all')).toEqual({ read: 3, written: 1, unchanged: 2, skipped: 0 });

      expect(await found('waves', editor)).toEqual([wrong.id]);
      expect(await found('bogus', editor)).toEqual([]);
      expect(await found('ferries', editor)).toEqual([right.id]);
      expect(await found('gulls', editor)).toHaveLength(1);
      const { rows } = await sql.query<{ bodies: number }>(
        `SELECT count("searchBodyVector")::int AS bodies FROM "Article"`,
      );
      expect(rows[0]!.bodies).toBe(2);
      expect(await untouched()).toEqual(before);
    },
    BUILD_TIMEOUT,
  );

  it('does not write a vector of text an edit replaced meanwhile, nor wait for a row another transaction holds', async () => {
    const editor = await createToken(app, 'EDITOR');
    const source = await createViaApi(app, editor, { title: 'Beacon', body: 'Signal fires.' });
    const edited = await rawCopy(source.id as string, '-edited');
    const held = await rawCopy(source.id as string, '-held');
    const page = await readSearchSources(sql, null, 10, false);
    const documents = page.map((row) => searchDocument(row));
    const { errors } = await gql(app, UPDATE_ARTICLE, { id: edited, input: { title: 'Lantern' }, v: 1 }, editor);
    expect(errors).toBeUndefined();
    const holder = new pg.Client({ connectionString: databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM "Article" WHERE id = $1 FOR UPDATE', [held]);

      expect(await writeSearchVectors(sql, page, documents)).toEqual({ written: 0, unchanged: 0, skipped: 2 });
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    expect(await found('lantern', editor)).toEqual([edited]);
    expect(await found('beacon', editor)).toEqual([source.id]);
    expect(await reindex()).toEqual({ read: 1, written: 1, unchanged: 0, skipped: 0 });
    expect(await found('beacon', editor)).toEqual([source.id, held].sort());
  });

  it(
    'refuses a bad page size or option with exit code 2 before touching the database',
    async () => {
      const zero = await cms('search', 'reindex', '--page-size', '0');
      const words = await cms('search', 'reindex', '--page-size', 'many');
      const unknown = await cms('search', 'reindex', '--everything');

      expect([zero.code, zero.stdout]).toEqual([2, '']);
      expect(zero.stderr).toContain('--page-size must be a whole number from 1 to 5000');
      expect([words.code, words.stdout]).toEqual([2, '']);
      expect([unknown.code, unknown.stdout]).toEqual([2, '']);
      expect(unknown.stderr).toContain("unknown option '--everything'");
    },
    BUILD_TIMEOUT,
  );
});
