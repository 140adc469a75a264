import type { SqlClient } from '@pressroom/database';

// The search indexes take an import batch's vectors through their pending list, merged in one
// sorted pass before the batch commits, instead of one index insertion per article: a batch of
// 250 Chinese articles (about a thousand bigrams each) went in 7x faster that way. The
// switch is made and undone inside the batch's transaction, so no other session ever sees the
// list on (searches read it unsorted; issue 14 turned it off for them), and the batch's
// articles are in the index proper when it commits. A server user that does not own the table
// cannot switch it: the batch then inserts as before.
const INDEXES = ['"Article_searchVector_idx"', '"Article_searchTitleVector_idx"'];

/** Sends this transaction's search-index entries to the pending list (see bulkIndexEnd()). */
export async function bulkIndexBegin(tx: SqlClient): Promise<void> {
  await tx.query(
    `DO $$ BEGIN
       ${INDEXES.map((i) => `ALTER INDEX ${i} SET (fastupdate = on);`).join('\n       ')}
     EXCEPTION WHEN insufficient_privilege THEN NULL;
     END $$`,
  );
  // Large enough that the batch's inserts never stop to merge a part of the list themselves.
  await tx.query(`SELECT set_config('gin_pending_list_limit', '262144', true)`);
}

/** Merges the pending list into the indexes and switches it off again, before commit. */
export async function bulkIndexEnd(tx: SqlClient): Promise<void> {
  await tx.query(
    `DO $$ BEGIN
       ${INDEXES.map((i) => `PERFORM gin_clean_pending_list('${i}'::regclass);`).join('\n       ')}
       ${INDEXES.map((i) => `ALTER INDEX ${i} SET (fastupdate = off);`).join('\n       ')}
     EXCEPTION WHEN insufficient_privilege THEN NULL;
     END $$`,
  );
}
