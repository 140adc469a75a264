import { readFile, writeFile } from 'node:fs/promises';
import type { INestApplication } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { SCHEMA_FILE } from '../../apps/api/src/graphql.config.js';
import { createTestApp } from '../support/create-test-app.js';

// What Nest writes (autoSchemaFile) when the API starts in development.
const HEADER =
  '# ------------------------------------------------------\n# THIS FILE WAS AUTOMATICALLY GENERATED (DO NOT MODIFY)\n# ------------------------------------------------------\n\n';

describe('schema.gql', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app.close());

  it('is the schema the code builds (start the API in development, or run this test with UPDATE_SCHEMA=1, to refresh it)', async () => {
    const current = HEADER + printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema));
    if (process.env.UPDATE_SCHEMA === '1') await writeFile(SCHEMA_FILE, current);
    const committed = await readFile(SCHEMA_FILE, 'utf8').catch(() => '(missing)');
    expect(committed.trimEnd()).toBe(current.trimEnd());
  });
});
