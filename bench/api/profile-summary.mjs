// Summarises a V8 .cpuprofile (node --cpu-prof), not part of `npm test`:
//
//   node bench/api/profile-summary.mjs <file.cpuprofile> [--top 40] [--match text]
//
// Prints, as a share of the samples taken from the first request on: the packages (node_modules/<name>, node: internals, the
// project's own files) by self time, then functions by inclusive time (self + everything they
// called; a function counted once per sample however often it recurses) and by self time.
import { readFileSync } from 'node:fs';

const file = process.argv[2];
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const top = Number(arg('top', 40));
const match = arg('match', null);
const profile = JSON.parse(readFileSync(file, 'utf8'));

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

function packageOf(url) {
  if (!url) return '(native)';
  if (url.startsWith('node:')) return 'node:' + url.slice(5).split('/')[0];
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = url.slice(nm + 13).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const m = url.match(/\/(apps|libs)\/([^/]+)\//);
  return m ? `${m[1]}/${m[2]}` : url;
}
const keyOf = (node) => {
  const f = node.callFrame;
  const where = f.url
    ? `${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*?\/(apps|libs)\//, '$1/')}:${f.lineNumber + 1}`
    : '';
  return `${f.functionName || '(anonymous)'} ${where}`;
};

const deltas = profile.timeDeltas;
const selfByKey = new Map();
const inclByKey = new Map();
const selfByPackage = new Map();
let total = 0;
let idle = 0;
// Start-up (module loading, Nest's wiring) is not what a request costs: samples count from the
// first HTTP request the server parsed.
const isRequest = (id) => {
  for (let cur = id; cur !== undefined; cur = parent.get(cur))
    if (byId.get(cur).callFrame.functionName === 'parserOnIncoming') return true;
  return false;
};
const first = profile.samples.findIndex(isRequest);
profile.samples.forEach((id, i) => {
  if (i < first) return;
  const dt = deltas[i + 1] ?? deltas[i] ?? 0;
  const leaf = byId.get(id);
  const name = leaf.callFrame.functionName;
  if (name === '(idle)' || name === '(program)') {
    if (name === '(idle)') {
      idle += dt;
      return;
    }
    total += dt;
    selfByPackage.set('(program)', (selfByPackage.get('(program)') ?? 0) + dt);
    return;
  }
  total += dt;
  const leafKey = keyOf(leaf);
  selfByKey.set(leafKey, (selfByKey.get(leafKey) ?? 0) + dt);
  const pkg = leaf.callFrame.functionName === '(garbage collector)' ? '(gc)' : packageOf(leaf.callFrame.url);
  selfByPackage.set(pkg, (selfByPackage.get(pkg) ?? 0) + dt);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const key = keyOf(byId.get(cur));
    if (seen.has(key)) continue;
    seen.add(key);
    inclByKey.set(key, (inclByKey.get(key) ?? 0) + dt);
  }
});

const pct = (v) => `${((v / total) * 100).toFixed(1).padStart(5)}%`;
const print = (title, map, n) => {
  console.log(`\n${title}`);
  [...map]
    .filter(([k]) => !match || k.includes(match))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .forEach(([k, v]) => console.log(`${pct(v)}  ${k}`));
};
console.log(`busy ${(total / 1e6).toFixed(1)} s, idle ${(idle / 1e6).toFixed(1)} s`);
print('packages by self time', selfByPackage, 30);
print('functions by inclusive time', inclByKey, top);
print('functions by self time', selfByKey, top);
