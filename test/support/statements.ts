import type { INestApplication } from '@nestjs/common';
import { DatabasePool } from '@pressroom/database';

/**
 * Every statement `app` sends from now on, whoever sends it (the app must be built with
 * `logQueries`); empty it with `statements.length = 0`.
 */
export function recordStatements(app: INestApplication): string[] {
  const statements: string[] = [];
  app.get(DatabasePool).onQuery((sql) => {
    statements.push(sql);
  });
  return statements;
}
