// Issue 10's worst requests, all at once, against a live API on this machine, while
// /health/live is polled every 20 ms: does the process keep answering? Bounded (each attack
// once, 60 s at most) and loopback only.
//
//   node bench/hardening/load-and-fault.mjs [--url http://127.0.0.1:3000]
//   PRESSROOM_TOKEN=prs_... node bench/hardening/load-and-fault.mjs     # adds the editor cases
//
// Prints each attack's HTTP status and error code, the p50/p99/max latency of /health/live, and
// a last line saying whether it stayed under 100 ms throughout; exit code 1 when it did not.
// The editor cases write one article (a 300 KB body) when the API accepts it.
import http from 'node:http';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    interval: { type: 'string', default: '20' },
    budget: { type: 'string', default: '100' },
  },
});
const base = new URL(args.url);
if (base.hostname !== '127.0.0.1') {
  console.error(`refusing ${base.host}: this script only targets 127.0.0.1`);
  process.exit(2);
}
const token = process.env.PRESSROOM_TOKEN;
const INTERVAL_MS = Number(args.interval);
const BUDGET_MS = Number(args.budget);
const ATTACK_TIMEOUT_MS = 60_000;

/** Each attack: a GraphQL operation (query text and variables), sent once. */
function attacks() {
  const list = [
    {
      name: '5 MB query of repeated fields',
      query: `{ articles(first: 1) { edges { node { ${'id '.repeat((5 * 1024 ** 2) / 3)} } } } }`,
    },
    {
      name: 'revisions(first: -100000000)',
      query: '{ articles(first: 1) { edges { node { id revisions(first: -100000000) { totalCount } } } } }',
      auth: true,
    },
    {
      name: '8,000-condition OR filter',
      query: `{ articles(first: 5, where: { OR: [${Array.from({ length: 8000 }, (_, i) => `{ text: "w${i}" }`).join(', ')}] }) { totalCount } }`,
    },
    {
      name: '300,000-item list filter',
      query: 'query ($slugs: [String!]) { articles(first: 5, where: { tagSlugs: $slugs }) { totalCount } }',
      variables: { slugs: Array.from({ length: 300_000 }, (_, i) => `tag-${i}`) },
    },
    {
      name: 'NOT nested 3,000 deep',
      query: `{ articles(first: 5, where: ${'{ NOT: '.repeat(3000)}{ text: "x" }${' }'.repeat(3000)}) { totalCount } }`,
    },
    {
      name: 'NUL-byte arguments',
      query:
        'query ($t: String, $s: String) { articles(first: 5, where: { text: $t }) { totalCount } article(slug: $s) { id } }',
      variables: { t: 'a\u0000b', s: '\u0000' },
    },
    {
      name: 'forged cursors',
      query: `query ($a: String, $b: String) {
        one: articles(first: 5, after: $a) { totalCount }
        two: articles(last: 5, before: $b) { totalCount } }`,
      variables: {
        a: Buffer.from(JSON.stringify(['x'.repeat(100_000), { $ne: null }])).toString('base64url'),
        b: 'bm90IGEgY3Vyc29y!!' + '%00'.repeat(1000),
      },
    },
  ];
  if (token)
    list.push({
      name: '300 KB createArticle body with an unclosed {%',
      query: 'mutation ($input: CreateArticleInput!) { createArticle(input: $input) { id } }',
      variables: { input: { title: 'load-and-fault', body: `{% ${'lorem ipsum '.repeat(25_000)}` } },
      auth: true,
    });
  return list;
}

/** The request of each attack, its body serialised before the clock starts. */
function prepare(attack) {
  const headers = { 'content-type': 'application/json' };
  if (attack.auth && token) headers.authorization = `Bearer ${token}`;
  return { ...attack, headers, body: JSON.stringify({ query: attack.query, variables: attack.variables ?? {} }) };
}

async function run(attack) {
  const started = performance.now();
  try {
    const res = await fetch(new URL('/graphql', base), {
      method: 'POST',
      headers: attack.headers,
      body: attack.body,
      signal: AbortSignal.timeout(ATTACK_TIMEOUT_MS),
    });
    const text = await res.text();
    let code = '';
    try {
      const body = JSON.parse(text);
      code = body.errors?.[0]?.extensions?.code ?? body.code ?? (body.data ? 'data' : '');
    } catch {
      code = 'non-JSON';
    }
    return { name: attack.name, status: res.status, code, ms: performance.now() - started };
  } catch (error) {
    return { name: attack.name, status: 'none', code: error.name, ms: performance.now() - started };
  }
}

/**
 * GET /health/live every INTERVAL_MS; latencies in ms. On a thread of its own: this process
 * also serialises and sends megabytes of attack bodies, and on one event loop that work would
 * delay the probes' timers and answers, counting the client's stalls against the server. At
 * most MAX_IN_FLIGHT probes wait at once (a frozen server would otherwise collect thousands of
 * sockets): a tick with that many waiting counts as missed. Probes still waiting at the end
 * count as failed, with their age as latency.
 */
const MAX_IN_FLIGHT = 8;
function pollHealth() {
  const worker = new Worker(new URL(import.meta.url), {
    workerData: { probe: true, url: new URL('/health/live', base).href, interval: INTERVAL_MS },
  });
  const ready = new Promise((resolve) => worker.once('message', resolve));
  return {
    ready,
    async stop() {
      const result = new Promise((resolve) => worker.once('message', resolve));
      worker.postMessage('stop');
      const summary = await result;
      await worker.terminate();
      return summary;
    },
  };
}

/** The probing thread: see pollHealth(). */
function probeUntilStopped({ url, interval }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT });
  const latencies = [];
  const waiting = new Set();
  let failures = 0;
  let missed = 0;
  const probe = () => {
    if (waiting.size >= MAX_IN_FLIGHT) return void missed++;
    const started = performance.now();
    waiting.add(started);
    const done = (ok) => {
      if (!waiting.delete(started)) return;
      latencies.push(performance.now() - started);
      if (!ok) failures++;
    };
    const req = http.get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode === 200));
    });
    req.on('error', () => done(false));
  };
  const timer = setInterval(probe, interval);
  parentPort.once('message', async () => {
    clearInterval(timer);
    await new Promise((resolve) => setTimeout(resolve, 200)); // let the last probes land
    const now = performance.now();
    for (const started of waiting) latencies.push(now - started);
    failures += waiting.size;
    agent.destroy();
    parentPort.postMessage({ latencies, failures, missed });
  });
  parentPort.postMessage('ready');
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

if (!isMainThread) {
  probeUntilStopped(workerData);
} else {
  await main();
}

async function main() {
  const live = await fetch(new URL('/health/live', base)).catch(() => null);
  if (!live?.ok) {
    console.error(`no API answering on ${base.origin}/health/live`);
    process.exit(2);
  }
  const prepared = attacks().map(prepare);
  const health = pollHealth();
  await health.ready;
  const started = performance.now();
  const results = await Promise.all(prepared.map(run));
  const elapsed = performance.now() - started;
  const { latencies, failures, missed } = await health.stop();

  console.log(`target ${base.origin}${token ? ' (with a token: editor cases on)' : ' (no token: editor cases off)'}`);
  for (const r of results)
    console.log(
      `  ${r.name.padEnd(48)} HTTP ${String(r.status).padEnd(4)} ${String(r.code).padEnd(22)} ${r.ms.toFixed(0)} ms`,
    );
  const sorted = [...latencies].sort((a, b) => a - b);
  const max = sorted.at(-1) ?? Infinity;
  console.log(
    `/health/live: ${sorted.length} probes over ${(elapsed / 1000).toFixed(1)} s, p50 ${percentile(sorted, 50).toFixed(1)} ms, ` +
      `p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${max.toFixed(1)} ms, ${failures} unanswered, ${missed} ticks missed`,
  );
  const kept = failures === 0 && missed === 0 && max < BUDGET_MS;
  console.log(
    `/health/live kept answering under ${BUDGET_MS} ms throughout: ${kept ? 'yes' : `NO (max ${max.toFixed(0)} ms, ${failures} unanswered, ${missed} ticks missed)`}`,
  );
  process.exit(kept ? 0 : 1);
}
