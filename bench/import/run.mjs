#!/usr/bin/env node
// Import throughput against its floor (issue 15). For each data set: the floor program
// (floor.mjs: one thread that reads, parses the YAML, renders, sanitises and COPYs the rows),
// then Pressroom's CLI import into a new database, then the same import again unchanged; with
// --baseline, the same import with another build too, alternating which goes first, so every
// before/after pair is measured in the same minutes. Prints, as JSON: time, posts/s, peak RSS,
// the import's time over the floor's, the unchanged re-import's speed-up, and the CPU seconds
// the importer and PostgreSQL spent per post, for the import and for the re-import (when the
// server runs on this machine: their sum over the number of cores bounds how fast an import can
// be), and which targets are met.
//
//   node bench/import/run.mjs [--n 10000]... [--shape mixed|archive] [--size 200k]
//                             [--corpus [dir]] [--runs 1] [--baseline <worktree>] [--no-floor]
//                             [--db-prefix pressroom_bench_]
//
// --shape archive: the real-archive-shaped set (5 KB Chinese news, 2.2% repeating a `from:`).
// --size: every generated post that many bytes (± 10%), e.g. --size 200k for the memory bound.
// --corpus: also the repository's corpus (default ../shared/corpus), read where it is.
// --baseline: a worktree with its own build (e.g. `git worktree add /tmp/base ba69096`).
// Uses DATABASE_URL's server when set (a new database per run), else the machine's PostgreSQL
// at 127.0.0.1:5432; the databases are named `pressroom_bench_…`, or with --db-prefix's prefix.
// Not part of `npm test`.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { generatePosts } from './generate-posts.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const sizes = args.flatMap((a, i) => (a === '--n' ? [Number(args[i + 1])] : []));
const runs = Number(option('--runs', 1)) || 1;
const shape = option('--shape', 'mixed');
const postBytes = bytesOf(option('--size', '0'));
const corpus = args.includes('--corpus')
  ? path.resolve(
      option('--corpus', '').startsWith('--') || !option('--corpus', '')
        ? path.join(root, '..', 'shared', 'corpus')
        : option('--corpus'),
    )
  : null;
const baseline = option('--baseline', null);
const withFloor = !args.includes('--no-floor');
const dbPrefix = option('--db-prefix', 'pressroom_bench_');
const server = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

function bytesOf(text) {
  const m = /^(\d+(?:\.\d+)?)([km]?)b?$/i.exec(String(text));
  if (!m) throw new Error(`--size ${text}: expected e.g. 200k`);
  return Math.round(Number(m[1]) * { '': 1, k: 1024, m: 1024 * 1024 }[m[2].toLowerCase()]);
}

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
 * CPU seconds of the PostgreSQL backends serving `database` (their process title names it),
 * sampled while a measurement runs: the server is shared with other work, so the whole
 * server's CPU would count theirs too. Shared background processes (WAL writer, checkpointer,
 * autovacuum) are left out. Null when the server is not local or /proc cannot tell.
 */
class BackendCpu {
  constructor(database) {
    this.tag = ` ${database} `;
    this.seen = new Map();
    this.local = ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(server).hostname);
  }

  sample() {
    if (!this.local) return;
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
      try {
        if (!this.seen.has(pid) && !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(this.tag)) continue;
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
        this.seen.set(pid, (Number(f[11]) + Number(f[12])) / TICKS);
      } catch {
        // the process ended meanwhile: its last sample stands
      }
    }
  }

  /** Seconds since the first sample of each backend (a backend's CPU before it is unknown). */
  total() {
    return this.local && this.seen.size ? [...this.seen.values()].reduce((a, b) => a + b, 0) : null;
  }
}

/**
 * Runs a child node process and samples its peak RSS (VmHWM covers its worker threads), its
 * wall time, and the CPU seconds it and PostgreSQL spent meanwhile.
 */
function timedChild(argv, url) {
  return new Promise((resolve, reject) => {
    const backends = new BackendCpu(new URL(url).pathname.slice(1));
    backends.sample();
    const postgresBefore = backends.total() ?? 0;
    const cpuBefore = { importer: childrenCpu() };
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, argv, {
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
      backends.sample();
    }, 100);
    child.on('exit', (code) => {
      clearInterval(sample);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      backends.sample();
      const pgAfter = backends.total();
      const cpu = {
        importer: round(childrenCpu() - cpuBefore.importer),
        postgres: pgAfter === null ? null : round(pgAfter - postgresBefore),
      };
      try {
        const summary = JSON.parse(out.trim().split('\n').pop());
        resolve({ code, seconds, peakRssMb: Math.round(peakKb / 1024), cpu, summary });
      } catch {
        reject(new Error(`${path.basename(argv.at(-3) ?? '')} exited ${code}: ${out.slice(-500)}`));
      }
    });
  });
}

/** The CLI import of `build` (a worktree), with the same heap cap as `npm run cms` (package.json). */
const timedImport = (build, url, dir) =>
  timedChild(['--max-old-space-size=320', path.join(build, 'apps/cli/dist/main.js'), 'import', dir, '--json'], url);

function migrate(build, url) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(build, 'apps/cli/dist/main.js'), 'migrate'], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: 'ignore',
    });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`migrate exited ${code}`))));
  });
}

/** A new database for one measurement, dropped afterwards. */
async function withDatabase(label, fn) {
  const db = `${dbPrefix}${label}_${Date.now()}`;
  await admin(`CREATE DATABASE ${db}`);
  const url = Object.assign(new URL(server), { pathname: `/${db}` }).toString();
  try {
    return await fn(url);
  } finally {
    await admin(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x) => Math.round(x * 10) / 10;
/** Median CPU seconds per part, and per post in milliseconds. */
function cpuOf(runs, n) {
  const part = (name) => (runs.some((r) => r.cpu[name] === null) ? null : median(runs.map((r) => r.cpu[name])));
  const importer = part('importer');
  const postgres = part('postgres');
  const perPostMs = (s) => (s === null ? null : Math.round((s * 1e5) / n) / 100);
  return {
    importerSeconds: importer,
    postgresSeconds: postgres,
    importerMsPerPost: perPostMs(importer),
    postgresMsPerPost: perPostMs(postgres),
  };
}

function summarise(n, first, again, floorSeconds) {
  const seconds = median(first.map((r) => r.seconds));
  const peakRssMb = Math.max(...first.map((r) => r.peakRssMb), ...again.map((r) => r.peakRssMb));
  const speedup = Number((seconds / median(again.map((r) => r.seconds))).toFixed(1));
  const ratio = floorSeconds ? Number((seconds / floorSeconds).toFixed(2)) : null;
  return {
    import: {
      seconds: round(seconds),
      postsPerSecond: Math.round(n / seconds),
      peakRssMb: Math.max(...first.map((r) => r.peakRssMb)),
      created: first[0].summary.created,
      updated: first[0].summary.updated,
      skipped: first[0].summary.skipped,
      failed: first[0].summary.failed,
      cpu: cpuOf(first, n),
      all: first.map((r) => round(r.seconds)),
    },
    unchangedReimport: {
      seconds: round(median(again.map((r) => r.seconds))),
      peakRssMb: Math.max(...again.map((r) => r.peakRssMb)),
      unchanged: again[0].summary.unchanged,
      cpu: cpuOf(again, n),
      all: again.map((r) => round(r.seconds)),
    },
    timesFloor: ratio,
    reimportSpeedup: speedup,
    targets: {
      'import <= 1.5x floor': ratio === null ? null : ratio <= 1.5,
      'peak RSS < 500 MB': peakRssMb < 500,
      'unchanged re-import >= 5x faster': speedup >= 5,
      ...(n >= 100_000 ? { '100,000 posts < 90 s': (seconds * 100_000) / n < 90 } : {}),
    },
  };
}

const sets = [
  ...(sizes.length || !corpus ? (sizes.length ? sizes : [10_000]) : []).map((n) => ({ n, generated: true })),
  ...(corpus ? [{ n: null, dir: corpus, generated: false }] : []),
];
const builds = [{ name: 'this', dir: root }, ...(baseline ? [{ name: 'baseline', dir: path.resolve(baseline) }] : [])];
const results = [];
for (const set of sets) {
  const dir = set.generated ? await mkdtemp(path.join(tmpdir(), `pressroom-bench-${set.n}-`)) : set.dir;
  if (set.generated) await generatePosts(dir, set.n, { shape, size: postBytes });
  const load = [loadavg()[0]];
  const floors = [];
  const measured = Object.fromEntries(builds.map((b) => [b.name, { first: [], again: [] }]));
  try {
    for (let run = 0; run < runs; run++) {
      if (withFloor) {
        floors.push(await withDatabase('floor', (url) => timedChild([path.join(here, 'floor.mjs'), dir, url], url)));
      }
      // Alternate which build goes first, so neither always meets the same load.
      for (const build of run % 2 ? [...builds].reverse() : builds) {
        await withDatabase(build.name, async (url) => {
          await migrate(build.dir, url); // outside the timing
          measured[build.name].first.push(await timedImport(build.dir, url, dir));
          measured[build.name].again.push(await timedImport(build.dir, url, dir));
        });
      }
      load.push(loadavg()[0]);
    }
  } finally {
    if (set.generated) await rm(dir, { recursive: true, force: true });
  }
  const n = set.n ?? measured.this.first[0].summary.total;
  const floorSeconds = floors.length ? median(floors.map((f) => f.seconds)) : null;
  results.push({
    set: set.generated ? { posts: n, shape, postBytes: postBytes || 'shape default' } : { corpus: dir, posts: n },
    runs,
    loadAverage: load.map((l) => Number(l.toFixed(2))),
    floor: floors.length
      ? {
          seconds: round(floorSeconds),
          all: floors.map((f) => round(f.seconds)),
          peakRssMb: Math.max(...floors.map((f) => f.peakRssMb)),
          cpu: cpuOf(floors, n),
        }
      : null,
    ...Object.fromEntries(
      builds.map((b) => [b.name, summarise(n, measured[b.name].first, measured[b.name].again, floorSeconds)]),
    ),
  });
}
console.log(JSON.stringify({ machine: { cpus: availableParallelism(), node: process.version }, results }, null, 2));
