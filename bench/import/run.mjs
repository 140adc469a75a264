#!/usr/bin/env node
// Import throughput: generate N corpus-shaped posts, import them through the CLI into a new
// database, then import them again unchanged. Prints posts/s and peak RSS for both, as JSON.
//
//   node bench/import/run.mjs [--n 10000] [--n 100000] [--runs 1]
//
// Uses DATABASE_URL's server when set (a new database per run), else the machine's PostgreSQL
// at 127.0.0.1:5432. Not part of `npm test`.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { generatePosts } from './generate-posts.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const sizes = args.flatMap((a, i) => (a === '--n' ? [Number(args[i + 1])] : []));
const runs = Number(args[args.indexOf('--runs') + 1] || 1) || 1;
const server = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

async function admin(sql) {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs the CLI import and samples the process's peak RSS (VmHWM covers its worker threads). */
function timedImport(url, dir) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    // The same heap cap as `npm run cms` (package.json).
    const child = spawn(process.execPath, ['--max-old-space-size=320', path.join(root, 'apps/cli/dist/main.js'), 'import', dir, '--json'], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let peakKb = 0;
    child.stdout.on('data', (d) => (out += d));
    const sample = setInterval(async () => {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
      const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peakKb = Math.max(peakKb, hwm);
    }, 100);
    child.on('exit', (code) => {
      clearInterval(sample);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      try {
        const summary = JSON.parse(out.trim().split('\n').pop());
        resolve({ code, seconds, peakRssMb: Math.round(peakKb / 1024), summary });
      } catch {
        reject(new Error(`import exited ${code}: ${out.slice(-500)}`));
      }
    });
  });
}

function migrate(url) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'apps/cli/dist/main.js'), 'migrate'], { env: { ...process.env, DATABASE_URL: url }, stdio: 'ignore' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`migrate exited ${code}`))));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const results = [];
for (const n of sizes.length ? sizes : [10_000]) {
  const dir = await mkdtemp(path.join(tmpdir(), `pressroom-bench-${n}-`));
  await generatePosts(dir, n);
  const first = [];
  const again = [];
  for (let run = 0; run < runs; run++) {
    const db = `pressroom_bench_${n}_${Date.now()}`;
    await admin(`CREATE DATABASE ${db}`);
    const url = Object.assign(new URL(server), { pathname: `/${db}` }).toString();
    try {
      await migrate(url); // outside the timing
      first.push(await timedImport(url, dir));
      again.push(await timedImport(url, dir));
    } finally {
      await admin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    }
  }
  await rm(dir, { recursive: true, force: true });
  const rate = (r) => Math.round(n / r.seconds);
  results.push({
    posts: n,
    runs,
    import: { seconds: median(first.map((r) => r.seconds)), postsPerSecond: median(first.map(rate)), peakRssMb: Math.max(...first.map((r) => r.peakRssMb)), created: first[0].summary.created, failed: first[0].summary.failed },
    unchangedReimport: { seconds: median(again.map((r) => r.seconds)), postsPerSecond: median(again.map(rate)), peakRssMb: Math.max(...again.map((r) => r.peakRssMb)), unchanged: again[0].summary.unchanged },
    reimportSpeedup: Number((median(first.map((r) => r.seconds)) / median(again.map((r) => r.seconds))).toFixed(1)),
  });
}
console.log(JSON.stringify({ machine: { cpus: (await import('node:os')).availableParallelism(), node: process.version }, results }, null, 2));
