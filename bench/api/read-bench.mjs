// API read benchmark (issue 4), not part of `npm test`:
//
//   npm run build && node bench/api/read-bench.mjs [--articles 10000] [--duration 10] [--reuse]
//     [--queries Q1,Q2] [--connections 10,50] [--modes cached,uncached] [--load-only]
//     [--database-prefix pressroom_bench_read_] (another prefix keeps parallel checkouts apart)
//   node bench/api/read-bench.mjs --scale [--articles 10000,100000,1000000] [--duration 5]
//
// --scale (issue 14): for each size, the API without its response cache, 10 connections, Q1-Q3,
// search for a rare and a very common word, page 500 of the front page and where.text; prints
// the JSON, then a table of p50/p99 (ms) per query and size. Sizes over 20,000 repeat generated
// articles server-side (read-data.mjs), so a million load in minutes; --reuse keeps a database.
//
// Loads generated articles into a database of its own (pressroom_bench_read_<n>, on the server
// of DATABASE_URL, default the local one), starts the API (production build) twice, with its
// response cache (`api`, the default configuration) and without it (`apiUncached`,
// RESPONSE_CACHE_MAX_BYTES=0), and the floor server (read-floor.mjs: node:http + pg,
// hand-written SQL), and drives Q1-Q4 (read-queries.mjs) against each with autocannon at 10 and
// 50 connections. A benchmark repeats one query, so `api` measures answers from the cache and
// `apiUncached` the whole request path. Prints one JSON document: req/s, p50 and p99 latency
// (ms) per query, server and connection count, and each API's ratio to the floor of the same run.
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { runMigrations } from '@pressroom/database';
import { loadArticles } from './read-data.mjs';
import { QUERIES as BASE_QUERIES, SCALE_QUERIES, pageCursorQuery } from './read-queries.mjs';
import { startBenchApi } from './update-support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const scale = process.argv.includes('--scale');
const counts = arg('articles', scale ? '10000,100000,1000000' : '10000')
  .split(',')
  .map(Number);
const duration = Number(arg('duration', scale ? 5 : 10));
const only = arg('queries', scale ? Object.keys(SCALE_QUERIES).join(',') : 'Q1,Q2,Q3,Q4').split(',');
const connectionCounts = arg('connections', scale ? '10' : '10,50')
  .split(',')
  .map(Number);
const MODES = { cached: 'api', uncached: 'apiUncached' };
const apis = arg('modes', scale ? 'uncached' : 'cached,uncached')
  .split(',')
  .map((mode) => MODES[mode]);
const log = (message) => process.stderr.write(`${message}\n`);

const server = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
let count;
let database;
let databaseUrl;

async function prepare() {
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database])).rowCount;
  if (exists && process.argv.includes('--reuse')) {
    await admin.end();
    log(`reusing ${database}`);
    return null;
  }
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  await runMigrations(databaseUrl);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  log(`loading ${count} articles into ${database}`);
  const timings = await loadArticles(client, { count, log });
  await client.end();
  return timings;
}

function startApi(port, env = {}) {
  return startBenchApi(root, { databaseUrl, port, env });
}

function startFloor(port) {
  const child = fork(path.join(root, 'bench/api/read-floor.mjs'), [String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return { child, ready: new Promise((resolve) => child.once('message', resolve)) };
}

function target(kind, port, query) {
  if (kind === 'floor') return { url: `http://127.0.0.1:${port}${query.floor}`, method: 'GET' };
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(query.graphql),
  };
}

async function check(name, kind, request) {
  const res = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
  const body = await res.json();
  if (!res.ok || body.errors || !body.data)
    throw new Error(`${name} on ${kind}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  const cache = res.headers.get('x-cache');
  if ((kind === 'apiUncached' && cache) || (kind === 'api' && !cache))
    throw new Error(`${name} on ${kind}: X-Cache ${cache}`);
  return body.data;
}

function run(request, connections, seconds) {
  return new Promise((resolve, reject) => {
    autocannon({ ...request, connections, duration: seconds }, (error, result) => {
      if (error) return reject(error);
      resolve({
        rps: Math.round(result.requests.average),
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors + result.timeouts + result.non2xx,
      });
    });
  });
}

/** Runs every query on one size of archive; returns its report. */
async function measure() {
  const load = await prepare();
  const QUERIES = { ...BASE_QUERIES, ...SCALE_QUERIES };
  if (only.includes('DEEP')) QUERIES.DEEP = await pageCursorQuery(databaseUrl, 500);
  if (process.argv.includes('--load-only')) return { articles: count, load };
  const ports = { api: 3197, apiUncached: 3196, floor: 3198 };
  const needFloor = !scale && only.some((name) => QUERIES[name].floor);
  const servers = {
    api: apis.includes('api') ? startApi(ports.api) : null,
    apiUncached: apis.includes('apiUncached') ? startApi(ports.apiUncached, { RESPONSE_CACHE_MAX_BYTES: '0' }) : null,
    floor: needFloor ? startFloor(ports.floor) : null,
  };
  const kindsOf = (name) => [...apis, ...(needFloor && QUERIES[name].floor ? ['floor'] : [])];
  const all = [...apis, ...(needFloor ? ['floor'] : [])];
  try {
    await Promise.all(all.map((kind) => servers[kind].ready));
    const facts = {};
    for (const name of only) {
      let apiData;
      for (const kind of kindsOf(name)) {
        const data = await check(name, kind, target(kind, ports[kind], QUERIES[name]));
        if (kind !== 'floor') apiData = data;
      }
      const total = apiData.search?.totalCount ?? apiData.articles?.totalCount;
      if (total !== undefined) facts[name] = { totalCount: total, estimate: apiData.search?.totalCountIsEstimate };
    }
    const results = [];
    for (const name of only) {
      // JIT and caches: a first run of each query is not what a server that has been up serves.
      for (const kind of kindsOf(name)) await run(target(kind, ports[kind], QUERIES[name]), 10, scale ? 2 : 5);
      for (const connections of connectionCounts) {
        const row = { query: name, about: QUERIES[name].about, connections };
        for (const kind of kindsOf(name)) {
          const request = target(kind, ports[kind], QUERIES[name]);
          if (!scale) await run(request, connections, 2); // settle at this concurrency
          row[kind] = await run(request, connections, duration);
          log(`${count} ${name} x${connections} ${kind}: ${JSON.stringify(row[kind])}`);
        }
        if (row.floor)
          for (const kind of apis) row[`${kind}ToFloor`] = Math.round((row[kind].rps / row.floor.rps) * 100) / 100;
        results.push(row);
      }
    }
    return { articles: count, durationSeconds: duration, load, facts, results };
  } finally {
    for (const kind of all) servers[kind].child.kill('SIGTERM');
    await Promise.all(all.map((kind) => new Promise((resolve) => servers[kind].child.once('exit', resolve))));
  }
}

const reports = [];
for (const size of counts) {
  count = size;
  database = `${arg('database-prefix', 'pressroom_bench_read_')}${count}`;
  databaseUrl = Object.assign(new URL(server), { pathname: `/${database}` }).toString();
  reports.push(await measure());
}
process.stdout.write(`${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
if (scale && !process.argv.includes('--load-only')) {
  const cell = (report, name) => {
    const row = report.results.find((r) => r.query === name);
    return row ? `${row.apiUncached.p50} / ${row.apiUncached.p99}` : '';
  };
  const lines = [
    `| query (p50 / p99 ms, 10 connections, no cache) | ${reports.map((r) => r.articles.toLocaleString('en')).join(' | ')} |`,
    `| --- | ${reports.map(() => '---').join(' | ')} |`,
    ...only.map((name) => `| ${name} | ${reports.map((r) => cell(r, name)).join(' | ')} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
