// A reader's `articles(where: { text })` page statement after each of several ANALYZEs, this
// build's and optionally another's (issue 14), not part of `npm test`:
//
//   npm run build && node bench/api/title-text-statement.mjs [--baseline /path/to/other/checkout]
//     [--articles 1000000] [--texts 阿富汗,经济] [--analyzes 3] [--runs 7]
//
// Uses read-bench.mjs's database (pressroom_bench_read_<n>). The planner guesses how many titles
// contain a text from ANALYZE's sample, so the same statement may be planned differently after
// each ANALYZE; this prints, for each ANALYZE and text, the planner's guess, the true count, and
// the median time of the first page (20) as each build's repository writes it, run as its
// SqlReader would run it (SqlReader.queryUsingIndexes: sequential scans off in a transaction).
// Timed through pg on one connection, alternating the builds; the API around it is not measured.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const here = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const baseline = option('baseline');
const articles = Number(option('articles', 1_000_000));
const texts = option('texts', '阿富汗').split(',');
const analyzes = Number(option('analyzes', 3));
const runs = Number(option('runs', 7));

const server = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const url = new URL(server);
url.pathname = `/pressroom_bench_read_${articles}`;
const client = new pg.Client({ connectionString: url.toString() });
await client.connect();

const builds = {};
for (const [name, root] of [['this', here], ...(baseline ? [['baseline', path.resolve(baseline)]] : [])]) {
  const repository = await import(path.join(root, 'libs/content/dist/articles/articles.repository.js'));
  const { ANONYMOUS } = await import(path.join(root, 'libs/common/dist/index.js'));
  builds[name] = { articlePage: repository.articlePage, ANONYMOUS };
}

/** A SqlReader over this one connection, each statement timed as its build's reader sends it. */
function timingReader(timings) {
  const timed = async (statement, usingIndexes) => {
    const started = performance.now();
    if (usingIndexes) await client.query('BEGIN; SET LOCAL enable_seqscan = off');
    await client.query(statement.text, statement.values);
    if (usingIndexes) await client.query('COMMIT');
    timings.push(performance.now() - started);
    return [];
  };
  return {
    query: (s) => timed(s, false),
    queryPrepared: (s) => timed(s, false),
    queryUsingIndexes: (s) => timed(s, true),
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = [];
for (let a = 1; a <= analyzes; a++) {
  await client.query('ANALYZE "Article"');
  for (const text of texts) {
    const pattern = `%${text}%`;
    const guess = (await client.query(`EXPLAIN SELECT 1 FROM "Article" WHERE title ILIKE $1`, [pattern])).rows[0][
      'QUERY PLAN'
    ].match(/rows=(\d+)/)[1];
    const { count } = (
      await client.query(`SELECT count(*)::int AS count FROM "Article" WHERE title ILIKE $1`, [pattern])
    ).rows[0];
    const names = Object.keys(builds);
    const timings = Object.fromEntries(names.map((name) => [name, []]));
    for (let r = 0; r < runs; r++) {
      for (const name of r % 2 ? [...names].reverse() : names) {
        const { articlePage, ANONYMOUS } = builds[name];
        await articlePage(
          timingReader(timings[name]),
          { where: { text }, viewer: ANONYMOUS },
          { backward: false, take: 20, cursor: null },
        );
      }
    }
    const row = {
      analyze: a,
      text,
      plannerGuess: Number(guess),
      matches: count,
      msMedian: Object.fromEntries(names.map((name) => [name, +median(timings[name]).toFixed(1)])),
      msMax: Object.fromEntries(names.map((name) => [name, +Math.max(...timings[name]).toFixed(1)])),
    };
    results.push(row);
    process.stderr.write(`${JSON.stringify(row)}\n`);
  }
}
await client.end();
console.log(JSON.stringify({ benchmark: 'title-text-statement', articles, runs, results }, null, 1));
