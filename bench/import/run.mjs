#!/usr/bin/env node
// Import throughput: generate N corpus-shaped posts, import them through the CLI into a new
// database, then import them again unchanged. Prints posts/s and peak RSS for both, as JSON,
// and the CPU seconds the first import cost in the importer and in PostgreSQL (when the server
// runs on this machine): their sum over the number of cores bounds how fast an import can be.
//
//   node bench/import/run.mjs [--n 10000] [--n 100000] [--runs 1]
//
// Uses DATABASE_URL's server when set (a new database per run), else the machine's PostgreSQL
// at 127.0.0.1:5432. Not part of `npm test`.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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

const TICKS = 100; // USER_HZ: /proc reports CPU time in these

/** CPU seconds of this process's reaped children (fields cutime and cstime of /proc/self/stat). */
function childrenCpu() {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  return (Number(fields[13]) + Number(fields[14])) / TICKS;
}

/**
 * CPU seconds of every postgres process of this machine, the ended ones included (the
 * postmaster's children times); null when the server is not local or /proc cannot tell.
 */
function postgresCpu() {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(server).hostname)) return null;
  let total = 0;
  let seen = 0;
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (!stat.includes('(postgres)')) continue;
      const f = stat.split(') ')[1].split(' ');
      total += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
      seen++;
    } catch {
      // the process ended meanwhile
    }
  }
  return seen ? total / TICKS : null;
}

/**
 * Runs the CLI import and samples the process's peak RSS (VmHWM covers its worker threads).
 * Also the CPU seconds the importer and PostgreSQL spent: with two cores, an import cannot take
 * less wall time than their sum over two.
 */
function timedImport(url, dir) {
  return new Promise((resolve, reject) => {
    const cpuBefore = { importer: childrenCpu(), postgres: postgresCpu() };
    const started = process.hrtime.bigint();
    // The same heap cap as `npm run cms` (package.json).
    const child = spawn(
      process.execPath,
      ['--max-old-space-size=320', path.join(root, 'apps/cli/dist/main.js'), 'import', dir, '--json'],
      {
        env: { ...process.env, DATABASE_URL: url },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
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
      const pgAfter = postgresCpu();
      const cpu = {
        importer: round(childrenCpu() - cpuBefore.importer),
        postgres: pgAfter === null || cpuBefore.postgres === null ? null : round(pgAfter - cpuBefore.postgres),
      };
      try {
        const summary = JSON.parse(out.trim().split('\n').pop());
        resolve({ code, seconds, peakRssMb: Math.round(peakKb / 1024), cpu, summary });
      } catch {
        reject(new Error(`import exited ${code}: ${out.slice(-500)}`));
      }
    });
  });
}

function migrate(url) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'apps/cli/dist/main.js'), 'migrate'], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: 'ignore',
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`migrate exited ${code}`))));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x * 10) / 10;
/** Median CPU seconds per part, and per post in milliseconds. */
function cpuOf(runs, n) {
  const part = (name) => (runs.some((r) => r.cpu[name] === null) ? null : median(runs.map((r) => r.cpu[name])));
  const importer = part('importer');
  const postgres = part('postgres');
  const perPostMs = (s) => (s === null ? null : round((s * 1000) / n));
  return {
    importerSeconds: importer,
    postgresSeconds: postgres,
    importerMsPerPost: perPostMs(importer),
    postgresMsPerPost: perPostMs(postgres),
  };
}

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
    import: {
      seconds: median(first.map((r) => r.seconds)),
      postsPerSecond: median(first.map(rate)),
      peakRssMb: Math.max(...first.map((r) => r.peakRssMb)),
      created: first[0].summary.created,
      failed: first[0].summary.failed,
      cpu: cpuOf(first, n),
    },
    unchangedReimport: {
      seconds: median(again.map((r) => r.seconds)),
      postsPerSecond: median(again.map(rate)),
      peakRssMb: Math.max(...again.map((r) => r.peakRssMb)),
      unchanged: again[0].summary.unchanged,
    },
    reimportSpeedup: Number((median(first.map((r) => r.seconds)) / median(again.map((r) => r.seconds))).toFixed(1)),
  });
}
console.log(
  JSON.stringify(
    { machine: { cpus: (await import('node:os')).availableParallelism(), node: process.version }, results },
    null,
    2,
  ),
);
