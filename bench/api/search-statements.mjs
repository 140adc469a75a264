// The API's search statements, timed in the database (issue 14), not part of `npm test`:
//
//   npm run build && node bench/api/search-statements.mjs --database pressroom_bench_read_readsdb_1000000
//     [--words zephyrine,记者] [--rounds 7] [--repeat 20] [--roots <checkout>,<another checkout>] [--explain]
//
// For each word, runs SearchService.search (the built one of each root: this checkout by default)
// as read-bench's search query does (anonymous, first 20, totalCount and totalCountIsEstimate,
// the node's id, slug, title and date), through a reader that times every statement it sends.
// Roots and words alternate round by round (`repeat` searches each), so a before/after pair
// shares the machine's noise. Prints, per root and word, the median time of a whole search and
// of each statement (ms), the median over rounds of the PostgreSQL backend's CPU time per search
// (from /proc: the database must be on this machine), and
// with --explain one `EXPLAIN (ANALYZE, BUFFERS)` of each statement first (after a run that warms
// the connection's caches).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { COMMON_WORD } from './read-queries.mjs';
import { RARE_WORD } from './read-data.mjs';

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const server = new URL(process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
const database = arg('database', 'pressroom_bench_read_readsdb_1000000');
const url = Object.assign(new URL(server), { pathname: `/${database}` }).toString();
const words = arg('words', `${RARE_WORD},${COMMON_WORD}`).split(',');
const rounds = Number(arg('rounds', 7));
const repeat = Number(arg('repeat', 20));
const roots = arg('roots', here).split(',');
const explain = process.argv.includes('--explain');

const client = new pg.Client({ connectionString: url });
await client.connect();

/** The reader SearchRepository expects, running each statement as SqlReader does and timing it. */
function timingReader(timings) {
  const run = async (query, begin) => {
    const started = performance.now();
    await client.query(begin);
    try {
      const { rows } = await client.query(query.text, query.values);
      return rows;
    } finally {
      await client.query('COMMIT');
      timings.push(Math.round((performance.now() - started) * 10) / 10);
    }
  };
  return {
    query: (query) => run(query, 'BEGIN'),
    queryUsingIndexes: (query) => run(query, 'BEGIN; SET LOCAL enable_seqscan = off'),
  };
}

async function serviceOf(root) {
  const dist = (file) => pathToFileURL(path.join(root, 'libs/content/dist/search', file)).href;
  const { SearchService } = await import(dist('search.service.js'));
  const { SearchRepository } = await import(dist('search.repository.js'));
  return (reader) => new SearchService(new SearchRepository(reader));
}

const anonymous = { role: null, name: null };
const selection = { fields: new Set(['id', 'slug', 'title', 'publishedAt']) };
const services = await Promise.all(roots.map(serviceOf));

if (explain) {
  for (const [r, make] of services.entries()) {
    for (const word of words) {
      const reader = {
        query: async (query) => (await client.query(query.text, query.values)).rows,
        queryUsingIndexes: async (query) => {
          await client.query('BEGIN; SET LOCAL enable_seqscan = off');
          try {
            if (query.text.trimStart().startsWith('EXPLAIN'))
              return (await client.query(query.text, query.values)).rows;
            const plan = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.text}`, query.values);
            process.stderr.write(
              `\n--- ${roots[r]} ${word}\n${plan.rows.map((row) => row['QUERY PLAN']).join('\n')}\n`,
            );
            return (await client.query(query.text, query.values)).rows;
          } finally {
            await client.query('COMMIT');
          }
        },
      };
      // Twice, the second printed: the first plans with the connection's catalog caches cold.
      await make(timingReader([])).search({ query: word, first: 20 }, anonymous, selection, true);
      await make(reader).search({ query: word, first: 20 }, anonymous, selection, true);
    }
  }
}

// The backend's CPU time (user + system, from /proc: PostgreSQL on this machine), which a busy
// machine does not inflate as it does wall time; ticks of 10 ms, so read over `repeat` searches.
const backendPid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
const cpuMs = () => {
  const fields = readFileSync(`/proc/${backendPid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

const samples = {}; // root|word -> { whole: [], statements: [[]], cpu: [] }
for (let round = 0; round < rounds; round++) {
  for (const [r, make] of services.entries()) {
    for (const word of words) {
      const key = `${roots[r]}|${word}`;
      samples[key] ??= { whole: [], statements: [], cpu: [], totals: new Set() };
      const cpuBefore = cpuMs();
      for (let i = 0; i < repeat; i++) {
        const timings = [];
        const started = performance.now();
        const result = await make(timingReader(timings)).search({ query: word, first: 20 }, anonymous, selection, true);
        samples[key].whole.push(Math.round((performance.now() - started) * 10) / 10);
        timings.forEach((t, j) => (samples[key].statements[j] ??= []).push(t));
        samples[key].totals.add(`${result.totalCount}${result.totalCountIsEstimate ? ' (estimate)' : ''}`);
      }
      samples[key].cpu.push(Math.round(((cpuMs() - cpuBefore) / repeat) * 100) / 100);
    }
  }
}
await client.end();

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const report = Object.entries(samples).map(([key, s]) => {
  const [root, word] = key.split('|');
  return {
    root,
    word,
    totalCount: [...s.totals].join(', '),
    medianMs: median(s.whole),
    cpuMs: median(s.cpu),
    cpuRunsMs: s.cpu,
    statementMedianMs: s.statements.map(median),
  };
});
process.stdout.write(`${database}, ${rounds} rounds, medians (ms)\n`);
for (const r of report)
  process.stdout.write(
    `${r.root} ${r.word}: search ${r.medianMs} (statements ${r.statementMedianMs.join(' + ')}), PostgreSQL CPU ${r.cpuMs} per search (rounds ${r.cpuRunsMs.join(', ')}); totalCount ${r.totalCount}\n`,
  );
