import autocannon from 'autocannon';
const [url, body, c = '1'] = process.argv.slice(2);
const r = await autocannon({ url, connections: Number(c), duration: 5, method: body ? 'POST' : 'GET', headers: { 'content-type': 'application/json' }, body });
console.log(url.slice(0, 40), (body ?? '').slice(0, 50), 'rps', r.requests.average, 'p50', r.latency.p50, 'p99', r.latency.p99, 'non2xx', r.non2xx);
