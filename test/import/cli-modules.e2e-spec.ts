import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { post, tempFolder } from '../support/temp-folder.js';
import { createTestDatabase } from '../support/test-database.js';

const run = promisify(execFile);
const CLI = path.resolve('apps/cli/dist/main.js');
const PRELOAD = path.resolve('test/support/loaded-modules.mjs');
// The API's layers: their modules took the CLI a second to load before an import read its
// first file, which made an unchanged re-import mostly start-up (issue 15).
const API_LAYERS =
  /node_modules\/(@nestjs\/graphql|@nestjs\/apollo|@apollo\/server|@nestjs\/platform-fastify|fastify)\/|\.resolver\.js$|apps\/api\//;

/** Runs the built CLI and returns the modules it loaded (see loaded-modules.mjs). */
async function modulesLoadedBy(args: string[], databaseUrl: string): Promise<string[]> {
  const list = path.join(await tempFolder(), 'modules.txt');
  await run(process.execPath, ['--import', PRELOAD, CLI, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOADED_MODULES_FILE: list },
  });
  return (await readFile(list, 'utf8')).split('\n').filter(Boolean);
}

describe('the CLI loads what its command needs (issue 15)', () => {
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
  });

  it('imports without loading GraphQL, resolvers or the HTTP server', async () => {
    const posts = await tempFolder({ '_posts/2024-01-01-hello.md': post('title: Hello') });

    const loaded = await modulesLoadedBy(['import', posts, '--json'], databaseUrl);

    // The list is real: the import ran through the importer, Nest and the database.
    expect(loaded.some((url) => url.endsWith('libs/importer/dist/import.service.js'))).toBe(true);
    expect(loaded.some((url) => url.includes('node_modules/@nestjs/core/'))).toBe(true);
    expect(loaded.filter((url) => API_LAYERS.test(url))).toEqual([]);
    // Nor the front-matter parser on the main thread (the parse threads load it), nor Prisma's
    // query compiler: the import's own queries are plain SQL (issue 15).
    expect(
      loaded.filter((url) => /node_modules\/(markdown-it|sanitize-html|yaml)\/|query_compiler_bg/.test(url)),
    ).toEqual([]);
  });

  it('exports without them either', async () => {
    const loaded = await modulesLoadedBy(['export', await tempFolder()], databaseUrl);

    expect(loaded.some((url) => url.endsWith('libs/importer/dist/export/export.service.js'))).toBe(true);
    expect(loaded.filter((url) => API_LAYERS.test(url))).toEqual([]);
  });

  it('migrates without them, nor the importer', async () => {
    const loaded = await modulesLoadedBy(['migrate'], databaseUrl);

    expect(loaded.some((url) => url.endsWith('libs/database/dist/migration-runner.js'))).toBe(true);
    expect(loaded.filter((url) => API_LAYERS.test(url) || url.includes('libs/importer/'))).toEqual([]);
  });
});
