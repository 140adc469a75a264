import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Issue 13, one way to the database: SQL lives in `*.repository.ts` files of the module that
 * owns the table, and in `*.sql.ts` fragment builders that only repositories import. The files
 * below hold SQL that is about the connection or the tooling, not about a table of ours.
 */
const ALLOWED = new Set([
  'libs/database/src/database-pool.ts', // ping()
  'libs/database/src/migration-runner.ts', // the migrations table and the migrations themselves
  'libs/database/src/embedded-postgres.ts', // creating the development database
  'libs/database/src/pg-errors.ts', // BEGIN / COMMIT / ROLLBACK
  'libs/database/src/content-changes.service.ts', // LISTEN / NOTIFY
  'libs/importer/src/queue/import-queue.service.ts', // pg-boss's own tables
]);

const STATEMENT = /\b(SELECT|INSERT INTO|UPDATE\s+"|DELETE FROM)\b/;
const ROOT = join(import.meta.dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return ['node_modules', 'dist', 'generated'].includes(entry.name) ? [] : sourceFiles(path);
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Comments may name statements ("one INSERT ... SELECT"); only code counts. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|\s)\/\/.*$/gm, '$1');
}

function offenders(): string[] {
  return ['libs', 'apps']
    .flatMap((dir) => sourceFiles(join(ROOT, dir)))
    .map((path) => relative(ROOT, path).split(sep).join('/'))
    .filter((path) => !/\.(spec|repository|sql)\.ts$/.test(path) && !ALLOWED.has(path))
    .filter((path) => STATEMENT.test(withoutComments(readFileSync(join(ROOT, path), 'utf8'))));
}

describe('where SQL lives', () => {
  it('has no statement outside *.repository.ts and *.sql.ts files', () => {
    expect(offenders()).toEqual([]);
  });

  it('would see a statement in a service', () => {
    expect(STATEMENT.test(withoutComments('await db.query(`SELECT id FROM "Article"`);'))).toBe(true);
    expect(STATEMENT.test(withoutComments('await db.query(`UPDATE "Article" SET x = 1`);'))).toBe(true);
    expect(STATEMENT.test(withoutComments('// one INSERT INTO ... SELECT per batch'))).toBe(false);
  });
});

describe('who imports *.sql.ts files', () => {
  // A lib's barrel may re-export one for tests (revisionSnapshotSql in test/editing).
  it('only repositories, specs and lib barrels do', () => {
    const importers = ['libs', 'apps']
      .flatMap((dir) => sourceFiles(join(ROOT, dir)))
      .map((path) => relative(ROOT, path).split(sep).join('/'))
      .filter((path) => !/\.(spec|repository|sql)\.ts$/.test(path) && !path.endsWith('/src/index.ts'))
      .filter((path) => /from '[^']*\.sql\.js'/.test(readFileSync(join(ROOT, path), 'utf8')));
    expect(importers).toEqual([]);
  });
});
