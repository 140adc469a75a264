// Search latency under a steady stream of edits, for each setting of the search index's pending
// list (issue 14), not part of `npm test`:
//
//   node bench/api/search-under-updates.mjs [--articles 100000] [--duration 20] [--writers 4]
//     [--only TEXT] (the settings whose name contains TEXT)
//
// Uses the database read-bench.mjs loaded (pressroom_bench_read_<n>). For each setting: the
// index is set, VACUUM empties its pending list, then `writers` connections update random
// articles as an edit does (a new version and updatedAt: a non-HOT update, so every lexeme of the
// article's vector goes into the GIN index again) while two connections search for a word in
// one article of a hundred, through the index, as fast as they can. Prints JSON: per setting,
// updates/s, search p50/p99 (ms), and the pending list's size at the end (pages, when the
// pgstattuple extension can be created).
import pg from 'pg';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const count = arg('articles', 100_000);
const duration = arg('duration', 20) * 1000;
const writers = arg('writers', 4);
const server = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
const url = Object.assign(new URL(server), { pathname: `/pressroom_bench_read_${count}` }).toString();
const INDEX = '"Article_searchVector_idx"';
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : '';
const SETTINGS = Object.fromEntries(
  Object.entries({
    'fastupdate on, 4 MB list (PostgreSQL default)': 'fastupdate = on, gin_pending_list_limit = 4096',
    'fastupdate on, 256 kB list': 'fastupdate = on, gin_pending_list_limit = 256',
    'fastupdate on, 4 MB list, merged every 200 ms': 'fastupdate = on, gin_pending_list_limit = 4096',
    'fastupdate on, 16 MB list, merged every 1000 ms': 'fastupdate = on, gin_pending_list_limit = 16384',
    'fastupdate on, 16 MB list, merged every 2000 ms': 'fastupdate = on, gin_pending_list_limit = 16384',
    'fastupdate off (migration read_indexes)': 'fastupdate = off',
  }).filter(([name]) => name.includes(ONLY)),
);
// Settings whose pending list a separate connection merges on a timer (gin_clean_pending_list()),
// as SearchIndexMerger does, so no edit or search waits for a merge of a full list.
const MERGED_EVERY_MS = {
  'fastupdate on, 4 MB list, merged every 200 ms': 200,
  'fastupdate on, 16 MB list, merged every 1000 ms': 1000,
  'fastupdate on, 16 MB list, merged every 2000 ms': 2000,
};
// A topic (read-vocabulary.mjs) in about one article of a hundred, as parseSearch() gives it: the
// index holds Chinese as bigrams.
const SEARCH = `SELECT a.id FROM "Article" a WHERE a."searchVector" @@ to_tsquery('pressroom_search', '''阿富'' & ''富汗''')
  AND a.status = 'PUBLISHED' ORDER BY a."publishedAt" DESC NULLS LAST, a.id DESC LIMIT 20`;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function pendingPages(client) {
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pgstattuple');
    const { rows } = await client.query(`SELECT pending_pages FROM pgstatginindex('${INDEX}'::regclass)`);
    return rows[0].pending_pages;
  } catch {
    return null;
  }
}

async function measure(setting, mergeEveryMs) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`ALTER INDEX ${INDEX} SET (${setting})`);
  await admin.query('VACUUM "Article"');
  const { rows: ids } = await admin.query('SELECT id FROM "Article" ORDER BY random() LIMIT 5000');
  const until = Date.now() + duration;
  let updates = 0;
  const latencies = [];
  const writer = async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    while (Date.now() < until) {
      const { id } = ids[Math.floor(Math.random() * ids.length)];
      await c.query(`UPDATE "Article" SET version = version + 1, "updatedAt" = now() WHERE id = $1`, [id]);
      updates++;
    }
    await c.end();
  };
  const reader = async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query('SET enable_seqscan = off');
    while (Date.now() < until) {
      const t0 = performance.now();
      await c.query(SEARCH);
      latencies.push(performance.now() - t0);
    }
    await c.end();
  };
  let merges = 0;
  const merger = async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    while (Date.now() < until) {
      await c.query(`SELECT gin_clean_pending_list('${INDEX}'::regclass)`);
      merges++;
      await new Promise((resolve) => setTimeout(resolve, mergeEveryMs));
    }
    await c.end();
  };
  const tasks = [...Array.from({ length: writers }, writer), reader(), reader()];
  if (mergeEveryMs) tasks.push(merger());
  await Promise.all(tasks);
  const pending = await pendingPages(admin);
  await admin.end();
  latencies.sort((a, b) => a - b);
  const ms = (v) => Math.round(v * 10) / 10;
  return {
    updatesPerSecond: Math.round(updates / (duration / 1000)),
    searches: latencies.length,
    searchP50: ms(percentile(latencies, 50)),
    searchP99: ms(percentile(latencies, 99)),
    pendingPagesAtEnd: pending,
    ...(mergeEveryMs ? { merges } : {}),
  };
}

const results = {};
for (const [name, setting] of Object.entries(SETTINGS)) {
  results[name] = await measure(setting, MERGED_EVERY_MS[name]);
  process.stderr.write(`${name}: ${JSON.stringify(results[name])}\n`);
}
// Leave the index as the migrations set it (search_index_pending_list: the list on, default size).
const restore = new pg.Client({ connectionString: url });
await restore.connect();
await restore.query(`ALTER INDEX ${INDEX} RESET (gin_pending_list_limit)`);
await restore.query(`ALTER INDEX ${INDEX} SET (fastupdate = on)`);
await restore.end();
process.stdout.write(
  `${JSON.stringify({ articles: count, writers, durationSeconds: duration / 1000, results }, null, 2)}\n`,
);
