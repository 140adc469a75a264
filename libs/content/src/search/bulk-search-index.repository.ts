import type { SqlClient, SqlPool } from '@pressroom/database';

// The search indexes take an import batch's vectors through their pending list, merged in one
// sorted pass before the batch commits, instead of one index insertion per article: a batch of
// 250 Chinese articles (about a thousand bigrams each) went in 7x faster that way.
//
// Switching the list (ALTER INDEX … SET (fastupdate)) takes an ACCESS EXCLUSIVE lock on the
// index, which every statement planned on "Article" waits for. Taken inside each batch's
// transaction, as it first was, it held the API's reads of articles (and the other writer's
// batch) for the whole batch. So the switch is its own short statement that waits at most
// SWITCH_LOCK_WAIT: on when an import's batch starts and it is off, off again when the job
// ends. Meanwhile other writers' entries go through the list too, and every batch merges
// whatever is pending before it commits, so searches never find more than the batches in
// flight unmerged, and a finished job's articles are in the indexes proper. A lock not had in
// time leaves the batch to insert entry by entry (or the list on until the next job ends);
// a server user that does not own the table cannot switch it and always inserts entry by entry.
const INDEXES = ['"Article_searchVector_idx"', '"Article_searchTitleVector_idx"'];
const SWITCH_LOCK_WAIT = '200ms';

/** How many of the indexes have their pending list on. */
async function pendingListsOn(sql: SqlPool): Promise<number> {
  const { rows } = await sql.query<{ on: number }>(
    `SELECT count(*)::int AS on FROM pg_class
     WHERE oid = ANY(ARRAY[${INDEXES.map((i) => `'${i}'::regclass`).join(', ')}]) AND 'fastupdate=on' = ANY(reloptions)`,
  );
  return rows[0]!.on;
}

/** Runs `statements` in a statement of its own, given up past SWITCH_LOCK_WAIT or without ownership. */
async function switchIndexes(sql: SqlPool, statements: string[]): Promise<void> {
  await sql.query(
    `DO $$ BEGIN
       SET LOCAL lock_timeout = '${SWITCH_LOCK_WAIT}';
       ${statements.join('\n       ')}
     EXCEPTION WHEN lock_not_available OR insufficient_privilege THEN NULL;
     END $$`,
  );
}

/**
 * Before a batch's transaction: switches the pending lists on unless they are. Returns whether
 * they are on (the batch then merges them, see bulkIndexMerge()).
 */
export async function bulkIndexOn(sql: SqlPool): Promise<boolean> {
  if ((await pendingListsOn(sql)) === INDEXES.length) return true;
  await switchIndexes(
    sql,
    INDEXES.map((i) => `ALTER INDEX ${i} SET (fastupdate = on);`),
  );
  return (await pendingListsOn(sql)) === INDEXES.length;
}

/** In the batch's transaction, before its inserts: a list large enough that no insert merges part of it. */
export async function bulkIndexPrepare(tx: SqlClient): Promise<void> {
  await tx.query(`SELECT set_config('gin_pending_list_limit', '262144', true)`);
}

/** In the batch's transaction, before it commits: merges everything pending into the indexes. */
export async function bulkIndexMerge(tx: SqlClient): Promise<void> {
  await tx.query(
    `DO $$ BEGIN
       ${INDEXES.map((i) => `PERFORM gin_clean_pending_list('${i}'::regclass);`).join('\n       ')}
     EXCEPTION WHEN insufficient_privilege THEN NULL;
     END $$`,
  );
}

/** When an import job ends: merges what is pending and switches the lists off. Returns whether they are off. */
export async function bulkIndexOff(sql: SqlPool): Promise<boolean> {
  if ((await pendingListsOn(sql)) === 0) return true;
  await switchIndexes(sql, [
    ...INDEXES.map((i) => `PERFORM gin_clean_pending_list('${i}'::regclass);`),
    ...INDEXES.map((i) => `ALTER INDEX ${i} SET (fastupdate = off);`),
  ]);
  return (await pendingListsOn(sql)) === 0;
}
