// updateArticle throughput: 10 connections for 10 s, every update with its expectedVersion and
// a revision written, against the built API in its own process and a fresh database.
//
//   node bench/api/update-bench.mjs [--connections 10] [--duration 10] [--articles 40]
//
// DATABASE_URL's server when set (a scratch database is made and dropped), else an embedded
// PostgreSQL in a temporary folder. Prints one JSON object on stdout; progress goes to stderr.
// BENCH_SERVER_NODE_ARGS passes flags to the API's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
import { execFileSync, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { ensureBuild } from '../../scripts/ensure-build.mjs';
import { freePort, scratchDatabase, waitForReady } from './update-support.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CONNECTIONS = arg('connections', 10);
const DURATION = arg('duration', 10);
// More articles than connections, so no two requests in flight ever edit the same one.
const ARTICLES = arg('articles', CONNECTIONS * 4);
const log = (message) => process.stderr.write(`${message}\n`);

const UPDATE = `mutation($id: ID!, $input: UpdateArticleInput!, $v: Int) {
  updateArticle(id: $id, input: $input, expectedVersion: $v) { id version } }`;
const CREATE = 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { id version } }';
const BODY = Array.from(
  { length: 8 },
  (_, i) => `Paragraph ${i} of the **harbour** story, with a [link](https://example.com/${i}).`,
).join('\n\n');

ensureBuild();
const database = await scratchDatabase(log);
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  DATABASE_URL: database.url,
  PORT: String(port),
  SEED_SAMPLE_POSTS: 'false',
  IMPORT_WORKER: 'false',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
};
const cli = (...args) =>
  execFileSync(process.execPath, [path.join(root, 'apps/cli/dist/main.js'), ...args], { env, encoding: 'utf8' });

let server;
try {
  cli('migrate');
  const token = cli('token', 'create', '--role', 'EDITOR', '--name', `bench-${process.pid}`).trim().split('\n').pop();
  server = spawn(
    process.execPath,
    [...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ') ?? []), path.join(root, 'apps/api/dist/main.js')],
    { env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  await waitForReady(base);

  const gql = async (query, variables) => {
    const res = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = await res.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const pool = [];
  for (let i = 0; i < ARTICLES; i++) {
    const { createArticle } = await gql(CREATE, { input: { title: `Bench article ${i}`, body: BODY } });
    pool.push({ id: createArticle.id, version: createArticle.version });
  }
  const revisionsBefore = await countRevisions(database.url);
  log(`${ARTICLES} articles; updateArticle x ${CONNECTIONS} connections for ${DURATION} s`);

  let sequence = 0;
  let conflicts = 0;
  let failures = 0;
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
                input: { title: `Edit ${n}`, body: `${BODY}\n\nEdit ${n}.` },
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
  const revisionsWritten = (await countRevisions(database.url)) - revisionsBefore;

  process.stdout.write(
    `${JSON.stringify({
      benchmark: 'updateArticle',
      connections: CONNECTIONS,
      durationSeconds: result.duration,
      updates: revisionsWritten,
      updatesPerSecond: Math.round(revisionsWritten / result.duration),
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
    })}\n`,
  );
} finally {
  server?.kill('SIGTERM');
  if (server) await new Promise((resolve) => server.once('exit', resolve));
  await database.drop();
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
