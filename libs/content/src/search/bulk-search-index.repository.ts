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
// The body's index keeps its list on for good (migration search_index_pending_list, merged after
// each write by SearchIndexMerger): only the title's is switched.
const BODY_INDEX = '"Article_searchVector_idx"';
const SWITCHED = ['"Article_searchTitleVector_idx"'];
const INDEXES = [BODY_INDEX, ...SWITCHED];
const SWITCH_LOCK_WAIT = '200ms';
/** pg_try_advisory_xact_lock key of the body index's merge: one merging process at a time. */
const MERGE_LOCK = 0x5072_6d31; // "Prm1"

/** How many of the switched indexes have their pending list on. */
async function pendingListsOn(sql: SqlPool): Promise<number> {
  const { rows } = await sql.query<{ on: number }>(
    `SELECT count(*)::int AS on FROM pg_class
     WHERE oid = ANY(ARRAY[${SWITCHED.map((i) => `'${i}'::regclass`).join(', ')}]) AND 'fastupdate=on' = ANY(reloptions)`,
  );
  return rows[0]!.on;
}

const QUERY_CANCELED = '57014';

/** What a merge did: the list's pages it merged, `'cut'` when its time ran out, or `'busy'` (another session merges). */
export type MergeOutcome = number | 'cut' | 'busy';

/**
 * Merges the body index's pending list into the index proper, unless another session is
 * merging it already (it takes whatever is pending as it goes). Throws insufficient_privilege
 * (42501) when this server user may not merge (not the table's owner): then writers merge a full
 * list themselves, as PostgreSQL does by default.
 *
 * `timeLimitMs` cuts the merge short. gin_clean_pending_list() merges until the list is empty,
 * writing what it has gathered whenever it reaches the list's end; under steady writes it chases
 * their appends, finding a few new rows each time, and each such pass costs about as much as a
 * large one, since it visits every key of the rows it holds (on peerbench's articles, about
 * 30 ms for 10 rows as for 100). Cut, the chase stops and the next merge takes the rest in one
 * large pass. What a cut merge wrote stays (the cleanup is not transactional) and its rows still
 * pending are merged again later, which GIN treats as a no-op ("multiple insertion of the same
 * entry is detected and treated as a no-op", ginfast.c).
 */
export async function mergeSearchIndexPendingList(sql: SqlPool, timeLimitMs?: number): Promise<MergeOutcome> {
  return sql.transaction(
    async (tx) => {
      if (timeLimitMs) await tx.query(`SET LOCAL statement_timeout = ${Math.ceil(timeLimitMs)}`);
      try {
        const { rows } = await tx.query<{ pages: number | null }>(
          `SELECT CASE WHEN pg_try_advisory_xact_lock(${MERGE_LOCK})
             THEN gin_clean_pending_list('${BODY_INDEX}'::regclass)::int END AS pages`,
        );
        return rows[0]?.pages ?? 'busy';
      } catch (error) {
        // The transaction is aborted; its COMMIT ends it as a ROLLBACK, without an error.
        if (timeLimitMs && (error as { code?: string }).code === QUERY_CANCELED) return 'cut';
        throw error;
      }
    },
    () => false, // what readers see is the same: no response cache needs to forget anything
  );
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
  if ((await pendingListsOn(sql)) === SWITCHED.length) return true;
  await switchIndexes(
    sql,
    SWITCHED.map((i) => `ALTER INDEX ${i} SET (fastupdate = on);`),
  );
  return (await pendingListsOn(sql)) === SWITCHED.length;
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

/**
 * When an import job ends: merges what is pending (the body index's list too, which is always
 * on, so a finished job's entries are in the indexes proper whether or not its batches merged
 * them) and switches the title index's list off. Returns whether it is off.
 */
export async function bulkIndexOff(sql: SqlPool): Promise<boolean> {
  await sql.query(
    `DO $$ BEGIN
       PERFORM gin_clean_pending_list('${BODY_INDEX}'::regclass);
     EXCEPTION WHEN insufficient_privilege THEN NULL;
     END $$`,
  );
  if ((await pendingListsOn(sql)) === 0) return true;
  await switchIndexes(sql, [
    ...SWITCHED.map((i) => `PERFORM gin_clean_pending_list('${i}'::regclass);`),
    ...SWITCHED.map((i) => `ALTER INDEX ${i} SET (fastupdate = off);`),
  ]);
  return (await pendingListsOn(sql)) === 0;
}
