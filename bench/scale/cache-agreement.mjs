// How long a replica's cached answer outlives a write made through another replica (issue 13:
// within a second). Two API processes on one scratch database, each with its own response
// cache and DATA_DIR: B caches a read, A runs a mutation, B is read every 5 ms until it shows the
// change. Prints the median and the 95th percentile of commit-to-visible over --runs writes, and
// B's cache hit rate between writes (a cache that never answers would "agree" trivially).
//
//   node bench/scale/cache-agreement.mjs [--runs 40]
//
// DATABASE_URL's server when set (a scratch database is made and dropped), else an embedded one.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureBuild } from '../../scripts/ensure-build.mjs';
import { freePort, scratchDatabase, waitForReady } from '../api/update-support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '40' } } });
const runs = Number(values.runs);
const log = (line) => process.stderr.write(`${line}\n`);

const READ = '{ article(slug: "harbour") { title } }';
const CREATE =
  'mutation { createArticle(input: { title: "Harbour 0", slug: "harbour", body: "Text." }) { id version } }';
const RETITLE =
  'mutation($id: ID!, $v: Int!, $t: String!) { updateArticle(id: $id, expectedVersion: $v, input: { title: $t }) { version } }';

ensureBuild();
const database = await scratchDatabase(log);
const base = {
  ...process.env,
  DATABASE_URL: database.url,
  SEED_SAMPLE_POSTS: 'false',
  IMPORT_WORKER: 'false',
  LOG_LEVEL: 'warn',
  NODE_ENV: 'production',
  CACHE_MAX_AGE: '60',
  RESPONSE_CACHE_MAX_BYTES: String(32 * 1024 * 1024),
};
const cli = (...args) =>
  execFileSync(process.execPath, [path.join(root, 'apps/cli/dist/main.js'), ...args], { env: base, encoding: 'utf8' });

async function startApi() {
  const port = await freePort();
  const env = { ...base, PORT: String(port), DATA_DIR: await mkdtemp(path.join(tmpdir(), 'pressroom-bench-data-')) };
  const child = spawn(process.execPath, [path.join(root, 'apps/api/dist/main.js')], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForReady(url);
  return { url, child };
}

async function gql(url, query, variables, token) {
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return { data: body.data, cache: res.headers.get('x-cache') };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];

const apis = [];
try {
  cli('migrate');
  const token = cli('token', 'create', '--role', 'EDITOR', '--name', `bench-${process.pid}`).trim().split('\n').pop();
  apis.push(await startApi(), await startApi());
  const [a, b] = apis;
  const created = (await gql(a.url, CREATE, {}, token)).data.createArticle;
  const published = await gql(
    a.url,
    'mutation($id: ID!) { publishArticle(id: $id) { version } }',
    { id: created.id },
    token,
  );
  let version = published.data.publishArticle.version;
  const latencies = [];
  let hits = 0;
  let reads = 0;
  for (let i = 1; i <= runs; i++) {
    // B holds the current answer in its cache before the write.
    for (let j = 0; j < 3; j++, reads++) if ((await gql(b.url, READ)).cache === 'HIT') hits++;
    const title = `Harbour ${i}`;
    version = (await gql(a.url, RETITLE, { id: created.id, v: version, t: title }, token)).data.updateArticle.version;
    const started = performance.now(); // the mutation has answered: its transaction committed
    while ((await gql(b.url, READ)).data.article?.title !== title) {
      if (performance.now() - started > 10_000) throw new Error(`replica B never showed write ${i}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    latencies.push(performance.now() - started);
  }
  const ms = (x) => `${x.toFixed(0)} ms`;
  console.log(
    `commit to visible on the other replica, ${runs} writes: median ${ms(median(latencies))}, p95 ${ms(p95(latencies))}, max ${ms(Math.max(...latencies))}`,
  );
  console.log(`replica B's cache between writes: ${hits} hits of ${reads} reads`);
} finally {
  for (const api of apis) api.child.kill('SIGTERM');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await database.drop();
}
