// Two builds' reads side by side on one database, not part of `npm test`:
//
//   npm run build && node bench/api/read-ab.mjs --baseline /path/to/other/checkout
//     [--articles 1000000] [--queries Q1,DEEP] [--rounds 2] [--duration 5] [--connections 10]
//
// Uses read-bench.mjs's database (pressroom_bench_read_<n>: run `read-bench.mjs --scale
// --articles <n>` first) and its scale queries (read-queries.mjs; DEEP is page 500 of the front
// page, by its cursor). Starts this checkout's API and the baseline's, both without their response
// cache, and sends each query to one then the other, alternating which goes first each round, so
// that a busy minute on a shared machine hits both. Prints the runs to stderr and, on stdout, one
// JSON object: per query and build, requests/s and p50 / p99 latency (ms) of each round.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { SCALE_QUERIES, pageCursorQuery } from './read-queries.mjs';
import { startBenchApi } from './update-support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const baseline = arg('baseline', null);
if (!baseline) throw new Error('--baseline <checkout> is required');
const articles = Number(arg('articles', 1000000));
const queries = arg('queries', 'Q1,DEEP').split(',');
const rounds = Number(arg('rounds', 2));
const duration = Number(arg('duration', 5));
const connections = Number(arg('connections', 10));
const server = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
const databaseUrl = Object.assign(new URL(server), { pathname: `/pressroom_bench_read_${articles}` }).toString();

const reads = { ...SCALE_QUERIES };
if (queries.includes('DEEP')) reads.DEEP = await pageCursorQuery(databaseUrl, 500);
const builds = { baseline: path.resolve(baseline), this: root };
const apis = Object.fromEntries(
  Object.entries(builds).map(([name, checkout], i) => {
    const port = 4790 + i;
    const api = startBenchApi(checkout, { databaseUrl, port, env: { RESPONSE_CACHE_MAX_BYTES: '0' } });
    return [name, { ...api, port }];
  }),
);

const results = {};
try {
  await Promise.all(Object.values(apis).map((api) => api.ready));
  for (let round = 0; round < rounds; round++) {
    for (const query of queries) {
      const order = round % 2 ? ['this', 'baseline'] : ['baseline', 'this'];
      for (const name of order) {
        const out = await autocannon({
          url: `http://127.0.0.1:${apis[name].port}/graphql`,
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(reads[query].graphql),
          connections,
          duration,
        });
        const run = {
          rps: Math.round(out.requests.average),
          p50: out.latency.p50,
          p99: out.latency.p99,
          errors: out.non2xx + out.errors,
        };
        ((results[query] ??= {})[name] ??= []).push(run);
        process.stderr.write(`round ${round + 1} ${query} ${name}: ${JSON.stringify(run)}\n`);
      }
    }
  }
  console.log(JSON.stringify({ articles, connections, duration, baseline: builds.baseline, results }, null, 2));
} finally {
  for (const api of Object.values(apis)) api.child.kill();
}
