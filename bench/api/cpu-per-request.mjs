// CPU time per request, not part of `npm test`: a measure of per-request cost that holds on a
// shared, busy machine, where requests per second vary by 2x between runs (issue 14).
//
//   npm run build && node bench/api/cpu-per-request.mjs [--articles 10000] [--requests 3000]
//     [--rounds 5] [--queries Q1,Q2,Q3] [--connections 10] [--baseline /path/to/other/checkout]
//
// Uses read-bench.mjs's database (pressroom_bench_read_<n>; run that first, or with --load-only)
// and its queries. Starts this checkout's API without its response cache (as read-bench.mjs's
// `apiUncached`), the floor server (read-floor.mjs) and, with --baseline, the API of another
// built checkout on the same database; then, round after round, sends each server the same
// number of requests of each query in turn (alternating, so a busy minute hits all of them, and
// starting each round with the next server) and
// reads the server process's user + system CPU time from /proc before and after, and that of the
// PostgreSQL backends serving it (found by application_name: the API's `pressroom:<pid>`, the
// floor's PGAPPNAME), which a change in the SQL's cost moves (e.g. prepared statements). Prints JSON:
// per query and server, the median CPU ms per request over the rounds and the ratios.
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { QUERIES } from './read-queries.mjs';
import { startBenchApi } from './update-support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const articles = Number(arg('articles', 10000));
const requests = Number(arg('requests', 3000));
const rounds = Number(arg('rounds', 5));
const connections = Number(arg('connections', 10));
const queries = arg('queries', 'Q1,Q2,Q3').split(',');
const baseline = arg('baseline', null);
const log = (message) => process.stderr.write(`${message}\n`);
const server = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
const databaseUrl = Object.assign(new URL(server), { pathname: `/pressroom_bench_read_${articles}` }).toString();
const MS_PER_TICK = 1000 / 100; // USER_HZ, the unit of /proc/<pid>/stat's times

function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK; // utime, stime
}

function startApi(checkout, port) {
  const api = startBenchApi(checkout, { databaseUrl, port, env: { RESPONSE_CACHE_MAX_BYTES: '0' } });
  return { ...api, request: (q) => graphqlRequest(port, q) };
}

function graphqlRequest(port, query) {
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(QUERIES[query].graphql),
  };
}

/** CPU ms of each PostgreSQL backend whose application_name is `name`, by pid. */
async function backendsCpuMs(name) {
  const { rows } = await monitor.query('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [name]);
  return new Map(rows.map((r) => [r.pid, cpuMs(r.pid)]));
}

function spent(before, after) {
  let ms = 0;
  for (const [pid, end] of after) ms += end - (before.get(pid) ?? 0);
  return ms;
}

const FLOOR_APPLICATION = 'pressroom-bench-floor';

function startFloor(port) {
  const child = fork(path.join(root, 'bench/api/read-floor.mjs'), [String(port)], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PGAPPNAME: FLOOR_APPLICATION },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = new Promise((resolve) => child.once('message', resolve));
  return { child, ready, request: (q) => ({ url: `http://127.0.0.1:${port}${QUERIES[q].floor}`, method: 'GET' }) };
}

function drive(request, amount) {
  return new Promise((resolve, reject) =>
    autocannon({ ...request, connections, amount }, (error, result) => {
      if (error) return reject(error);
      if (result.non2xx || result.errors) return reject(new Error(`${request.url}: ${result.non2xx} non-2xx`));
      resolve(result);
    }),
  );
}

const monitor = new pg.Client({ connectionString: databaseUrl });
await monitor.connect();
const servers = { api: startApi(root, 3187), floor: startFloor(3188) };
if (baseline) servers.baseline = startApi(path.resolve(baseline), 3189);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  await Promise.all(Object.values(servers).map((s) => s.ready));
  const samples = {};
  const pgSamples = {};
  for (const q of queries) for (const s of Object.values(servers)) await drive(s.request(q), 500); // warm-up
  for (let round = 1; round <= rounds; round++) {
    for (const q of queries) {
      // Each round starts with the next server, so none always runs first or last.
      const order = Object.entries(servers);
      for (let i = 0; i < (round - 1) % order.length; i++) order.push(order.shift());
      for (const [name, s] of order) {
        const application = name === 'floor' ? FLOOR_APPLICATION : `pressroom:${s.child.pid}`;
        const before = cpuMs(s.child.pid);
        const backendsBefore = await backendsCpuMs(application);
        const result = await drive(s.request(q), requests);
        const ms = (cpuMs(s.child.pid) - before) / requests;
        const pgMs = spent(backendsBefore, await backendsCpuMs(application)) / requests;
        ((samples[q] ??= {})[name] ??= []).push(ms);
        ((pgSamples[q] ??= {})[name] ??= []).push(pgMs);
        log(
          `round ${round} ${q} ${name}: ${ms.toFixed(3)} CPU ms/request (PostgreSQL ${pgMs.toFixed(3)}), ${Math.round(result.requests.average)} req/s`,
        );
      }
    }
  }
  const report = { articles, requests, rounds, connections, baseline, queries: {} };
  for (const [q, byServer] of Object.entries(samples)) {
    const row = {};
    for (const [name, values] of Object.entries(byServer)) {
      row[`${name}CpuMs`] = Number(median(values).toFixed(3));
      row[`${name}PostgresCpuMs`] = Number(median(pgSamples[q][name]).toFixed(3));
    }
    row.floorOverApi = Number((row.floorCpuMs / row.apiCpuMs).toFixed(2));
    if (baseline) {
      row.floorOverBaseline = Number((row.floorCpuMs / row.baselineCpuMs).toFixed(2));
      row.apiOverBaseline = Number((row.apiCpuMs / row.baselineCpuMs).toFixed(2));
    }
    report.queries[q] = row;
  }
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} finally {
  for (const s of Object.values(servers)) s.child.kill('SIGTERM');
  await monitor.end();
}
