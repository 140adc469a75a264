import { validateEnv } from '@pressroom/common';
import { openDatabase } from '../cli-context.js';

/** Applies pending migrations; returns the names applied. */
export async function runMigrate(): Promise<string[]> {
  const database = await openDatabase(validateEnv(process.env));
  await database.stop();
  return database.applied;
}
