// updateArticle throughput: 10 connections for 10 s, every update with its expectedVersion and
// a revision written, against the built API in its own process and a fresh database.
//
//   node bench/api/update-bench.mjs [--connections 10] [--duration 10] [--articles 40] [--body]
//     [--distinct] [--root DIR] [--gin-fastupdate on|off] [--no-change-trigger] [--searchers N]
//
// Each update sets the title (peerbench's M1); with --body it also changes the body. Articles
// carry a 4 KB body of news-like paragraphs, English and Chinese, the same in each; with
// --distinct, a seeded archive of different Chinese articles (bench/api/read-data.mjs: about
// 5 KB and 700 distinct bigrams each), loaded by SQL and given their search vectors by the
// checkout's own `search reindex`, as a real archive's are (so its figure reflects an index of
// many different bodies, not of 40 copies of one). --root runs another checkout's
// build (e.g. a baseline worktree) with this script, so both are measured alike.
// DATABASE_URL's server when set (a scratch database is made and dropped), else an embedded
// PostgreSQL in a temporary folder. Prints one JSON object on stdout; progress goes to stderr.
// --searchers N: N more connections, anonymous and without the response cache, search for a topic word (read-queries.mjs Q4, with
// totalCount) one request after another while the updates run, and the search's p50/p99 is
// printed: what readers feel of the search index's pending list under steady edits (issue 14).
// BENCH_SERVER_NODE_ARGS passes flags to the API's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { execFileSync } from 'node:child_process';
import { ensureBuild } from '../../scripts/ensure-build.mjs';
import { loadArticles } from './read-data.mjs';
import { QUERIES } from './read-queries.mjs';
import {
  backendCpuMs,
  backendCpuSpent,
  pendingListMerged,
  processCpuMs,
  startWriteBench,
  transactionCount,
} from './update-support.mjs';

const option = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const arg = (name, fallback) => Number(option(name) ?? fallback);
const root = path.resolve(option('root') ?? fileURLToPath(new URL('../..', import.meta.url)));
const EDIT_BODY = process.argv.includes('--body');
const DISTINCT = process.argv.includes('--distinct');
// Variants measured for docs/decisions.md: the search index's pending list, and the changes
// feed's per-row trigger on "Article" (libs/webhooks) switched off.
const GIN_FASTUPDATE = option('gin-fastupdate');
const CHANGE_TRIGGER = !process.argv.includes('--no-change-trigger');
const CONNECTIONS = arg('connections', 10);
const DURATION = arg('duration', 10);
// More articles than connections, so no two requests in flight ever edit the same one.
const ARTICLES = arg('articles', CONNECTIONS * 4);
const SEARCHERS = arg('searchers', 0);
const log = (message) => process.stderr.write(`${message}\n`);

const UPDATE = `mutation($id: ID!, $input: UpdateArticleInput!, $v: Int) {
  updateArticle(id: $id, input: $input, expectedVersion: $v) { id version } }`;
const CREATE = 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id version } }';
const BODY = Array.from({ length: 24 }, (_, i) =>
  i % 2
    ? `港口新闻第${i}段：记者在码头采访了工人和船长，他们谈到了天气、货运和城市的变化，以及未来几年的计划。`
    : `Paragraph ${i} of the **harbour** story: the reporters spoke with dock workers about the weather, freight and the city, with a [link](https://example.com/${i}).`,
).join('\n\n');

if (!option('root')) ensureBuild();
// The searchers' answers computed each time, as the varied searches of real readers are.
if (SEARCHERS) process.env.RESPONSE_CACHE_MAX_BYTES = '0';
const { database, server, base, token, gql, stop } = await startWriteBench(root, log, configure);
try {
  const pool = DISTINCT ? await loadedArticles(database.url) : [];
  for (let i = 0; !DISTINCT && i < ARTICLES; i++) {
    const { createArticle } = await gql(CREATE, { input: { title: `Bench article ${i}`, body: BODY } });
    pool.push({ id: createArticle.id, version: createArticle.version });
  }
  const revisionsBefore = await countRevisions(database.url);
  log(`${ARTICLES} articles; updateArticle x ${CONNECTIONS} connections for ${DURATION} s`);

  const apiCpuBefore = processCpuMs(server.pid);
  const pgCpuBefore = await backendCpuMs(database.url);
  const transactionsBefore = await transactionCount(database.url);
  let sequence = 0;
  let conflicts = 0;
  let failures = 0;
  const searching = { running: true, latencies: [], failures: 0 };
  const searchers = Array.from({ length: SEARCHERS }, () => search(searching));
  const result = await autocannon({
    url: `${base}/graphql`,
    connections: CONNECTIONS,
    duration: DURATION,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: [
      {
        // Each request borrows an article and gives it back with its new version, so every
        // update carries the right expectedVersion and none conflicts by construction.
        setupRequest: (request, context) => {
          const article = pool.shift();
          context.article = article;
          const n = ++sequence;
          return {
            ...request,
            body: JSON.stringify({
              query: UPDATE,
              variables: {
                id: article.id,
                v: article.version,
                input: EDIT_BODY ? { title: `Edit ${n}`, body: `${BODY}\n\nEdit ${n}.` } : { title: `Edit ${n}` },
              },
            }),
          };
        },
        onResponse: (status, body, context) => {
          const article = context.article;
          const parsed = JSON.parse(body);
          const updated = parsed.data?.updateArticle;
          if (updated) article.version = updated.version;
          else if (parsed.errors?.[0]?.extensions?.code === 'CONFLICT') {
            conflicts++;
            article.version = parsed.errors[0].extensions.currentVersion;
          } else failures++;
          pool.push(article);
        },
      },
    ],
  });
  searching.running = false;
  await Promise.all(searchers);
  // CPU per update includes merging the run's last saves into the search index.
  const pendingPagesLeft = await pendingListMerged(database.url);
  const apiCpuMs = processCpuMs(server.pid) - apiCpuBefore;
  const pgCpuMs = backendCpuSpent(pgCpuBefore, await backendCpuMs(database.url));
  // pg_stat_database is updated when a backend goes idle: give the pool's backends a moment.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const transactions = (await transactionCount(database.url)) - transactionsBefore - 2;
  const revisionsWritten = (await countRevisions(database.url)) - revisionsBefore;
  const updates = result.requests.total - failures - conflicts;

  process.stdout.write(
    `${JSON.stringify({
      benchmark: 'updateArticle',
      root,
      edits: EDIT_BODY ? 'title and body' : 'title',
      articles: ARTICLES,
      distinct: DISTINCT,
      ginFastupdate: GIN_FASTUPDATE ?? 'as migrated',
      changeTrigger: CHANGE_TRIGGER,
      connections: CONNECTIONS,
      durationSeconds: result.duration,
      updates,
      updatesPerSecond: Math.round(updates / result.duration),
      // CPU per update: of the API process, and of the PostgreSQL backends serving it (local server only).
      transactionsPerUpdate: +(transactions / updates).toFixed(2),
      cpuMsPerUpdate: { api: +(apiCpuMs / updates).toFixed(2), postgres: +(pgCpuMs / updates).toFixed(2) },
      requestsPerSecond: { mean: result.requests.average, p50: result.requests.p50, min: result.requests.min },
      latencyMs: {
        mean: result.latency.average,
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
      },
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      conflicts,
      failures,
      revisionsWritten,
      pendingPagesLeft,
      ...(SEARCHERS ? { search: searchFigures(searching) } : {}),
    })}\n`,
  );
} finally {
  await stop();
}

/** One searcher: Q4 again and again until `state.running` is false, timing each answer. */
async function search(state) {
  while (state.running) {
    const started = performance.now();
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(QUERIES.Q4.graphql),
    });
    const body = await res.json();
    if (body.errors || !body.data?.search) state.failures++;
    else state.latencies.push(performance.now() - started);
  }
}

function searchFigures({ latencies, failures }) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);
  return { searchers: SEARCHERS, searches: sorted.length, failures, p50: at(0.5), p99: at(0.99) };
}

async function configure(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (GIN_FASTUPDATE) {
      await client.query(
        `ALTER INDEX "Article_searchVector_idx" SET (fastupdate = ${GIN_FASTUPDATE === 'on' ? 'on' : 'off'})`,
      );
    }
    if (!CHANGE_TRIGGER) await client.query('ALTER TABLE "Article" DISABLE TRIGGER article_changed_update');
    if (DISTINCT) {
      const started = Date.now();
      await loadArticles(client, { count: ARTICLES, vectors: false });
      execFileSync(process.execPath, [path.join(root, 'apps/cli/dist/main.js'), 'search', 'reindex', '--json'], {
        env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      await client.query('VACUUM ANALYZE');
      log(`${ARTICLES} distinct articles loaded and indexed in ${Math.round((Date.now() - started) / 1000)} s`);
    }
  } finally {
    await client.end();
  }
}

/** The loaded articles, in a seeded order (the same in every run), each edited in turn. */
async function loadedArticles(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT id::text, version FROM "Article" ORDER BY md5(slug)');
    return rows;
  } finally {
    await client.end();
  }
}

async function countRevisions(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT count(*)::int AS n FROM "ArticleRevision"');
    return rows[0].n;
  } finally {
    await client.end();
  }
}
