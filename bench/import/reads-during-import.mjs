#!/usr/bin/env node
// Reads of articles while an import writes (issue 15): runs the CLI import of <folder> into
// <database-url> (migrated, e.g. by `cms migrate`) and meanwhile reads one article by id every
// 50 ms on a connection of its own; prints, as JSON, the reads' latency percentiles. A switch of
// the search index held through a batch's transaction (ACCESS EXCLUSIVE) made every such read
// wait for the whole batch. `--build <worktree>` runs another build's CLI (default: this one).
//
//   node bench/import/reads-during-import.mjs <folder> <database-url> [--build <worktree>]
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const build = args.includes('--build') ? path.resolve(args[args.indexOf('--build') + 1]) : root;
const [folder, url] = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--build');
if (!folder || !url) {
  console.error('usage: reads-during-import.mjs <folder> <database-url> [--build <worktree>]');
  process.exit(2);
}

const client = new pg.Client({ connectionString: url });
await client.connect();
const latencies = [];
let running = true;
const child = spawn(
  process.execPath,
  ['--max-old-space-size=320', path.join(build, 'apps/cli/dist/main.js'), 'import', folder, '--json'],
  { env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'ignore', 'inherit'] },
);
child.on('exit', () => (running = false));
while (running) {
  const started = performance.now();
  await client.query(`SELECT slug FROM "Article" WHERE id = '00000000-0000-0000-0000-000000000000'`);
  latencies.push(performance.now() - started);
  await new Promise((resolve) => setTimeout(resolve, 50));
}
await client.end();
latencies.sort((a, b) => a - b);
const at = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] * 10) / 10;
console.log(
  JSON.stringify({
    build,
    reads: latencies.length,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    maxMs: at(1),
    over100Ms: latencies.filter((l) => l > 100).length,
  }),
);
