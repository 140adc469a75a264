// The write path of peerbench (../shared/peerbench, workload/cms.write.mjs), alone: batches of 15
// aliased createArticle (slug, title, excerpt, a 3-5 KB Chinese HTML body, one author, 1-5
// tags), then one request of aliased publishArticle(id, at: a past date) for the published 90%,
// one request in flight, against the built API in its own process and a fresh database.
//
//   node bench/api/create-bench.mjs [--duration 20] [--root DIR]
//
// Prints one JSON object on stdout: articles/s, and CPU milliseconds per article of the API
// process and of the PostgreSQL backends serving it (local server only). --root runs another
// checkout's build (e.g. a baseline worktree) with this script, so both are measured alike.
// DATABASE_URL's server when set (a scratch database is made and dropped), else an embedded
// PostgreSQL. BENCH_SERVER_NODE_ARGS passes flags to the API's node (e.g. --cpu-prof).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureBuild } from '../../scripts/ensure-build.mjs';
import { backendCpuMs, backendCpuSpent, processCpuMs, startWriteBench } from './update-support.mjs';

const option = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const root = path.resolve(option('root') ?? fileURLToPath(new URL('../..', import.meta.url)));
const DURATION = Number(option('duration') ?? 20);
const BATCH = 15; // the API's alias limit, as peerbench's batches
const AUTHORS = 50;
const TAGS = 300;
const log = (message) => process.stderr.write(`${message}\n`);

// Deterministic, as peerbench's generator (mulberry32).
let seed = 20210817;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (list) => list[Math.floor(rand() * list.length)];
const SENTENCES = [
  '国家统计局今天发布数据显示，七月份全国规模以上工业增加值同比增长百分之六点四，增速较上月有所放缓。',
  '分析人士认为，受局部疫情和极端天气影响，部分行业生产短期承压，但经济长期向好的基本面没有改变。',
  '中国人民银行表示，将继续实施稳健的货币政策，保持流动性合理充裕，加大对中小微企业的支持力度。',
  '上海市政府新闻发布会介绍，今年上半年全市新增各类市场主体超过二十万户，营商环境持续改善。',
  '科技部负责人说，我国将进一步加强基础研究，完善科研评价机制，让科研人员把更多精力投入到创新中去。',
  '据新华社报道，河南多地遭遇持续强降雨，当地政府紧急转移安置受灾群众，抢修受损道路和电力设施。',
  '气象部门提醒，未来三天华北、黄淮等地仍有较强降雨过程，公众应注意防范山洪和地质灾害。',
  '东京奥运会闭幕后，中国体育代表团载誉归来，运动员们表示将以更好的状态备战下一届赛事。',
  '北京冬奥组委介绍，各竞赛场馆已全部完工，测试活动正按计划有序推进。',
  '教育部等部门联合印发通知，要求进一步减轻义务教育阶段学生作业负担和校外培训负担。',
];
const TITLES = ['国务院', '统计局', '气象台', '奥组委', '教育部', '科技部'];
const PREDICATES = ['发布最新数据', '部署重点工作', '召开新闻发布会', '回应社会关切'];

function article(n, authorIds, tagIds) {
  const target = int(3000, 5000);
  let body = '';
  while (Buffer.byteLength(body) < target) {
    let p = '';
    for (let i = int(2, 5); i > 0; i--) p += pick(SENTENCES);
    body += `<p>${p}</p>\n`;
  }
  const tags = new Set();
  for (let k = int(1, 5); tags.size < k;) tags.add(tagIds[Math.floor(TAGS * rand() * rand())]);
  return {
    input: {
      slug: `article-${String(n).padStart(6, '0')}-${process.pid}`,
      title: `${pick(TITLES)}${pick(PREDICATES)}（${n}）`,
      excerpt: pick(SENTENCES),
      body,
      bodyFormat: 'HTML',
      authors: [{ id: pick(authorIds) }],
      tags: [...tags].map((id) => ({ id })),
    },
    publishedAt: rand() < 0.9 ? new Date(Date.UTC(2021, 7, 1) - n * 600_000).toISOString() : null,
  };
}

if (!option('root')) ensureBuild();
const { database, server, prepared, gql, stop } = await startWriteBench(root, log, people);
const { authorIds, tagIds } = prepared;
try {
  let n = 0;
  const batch = async () => {
    const articles = Array.from({ length: BATCH }, () => article(++n, authorIds, tagIds));
    const defs = articles.map((_, i) => `$a${i}: CreateArticleInput!`);
    const fields = articles.map((_, i) => `c${i}: createArticle(input: $a${i}) { id }`);
    const created = await gql(
      `mutation CreateArticles(${defs.join(', ')}) { ${fields.join(' ')} }`,
      Object.fromEntries(articles.map((a, i) => [`a${i}`, a.input])),
    );
    const published = articles.map((a, i) => [a, i]).filter(([a]) => a.publishedAt);
    const vars = {};
    for (const [a, i] of published) Object.assign(vars, { [`p${i}`]: created[`c${i}`].id, [`at${i}`]: a.publishedAt });
    await gql(
      `mutation PublishArticles(${published.map(([, i]) => `$p${i}: ID!, $at${i}: DateTime`).join(', ')}) {
        ${published.map(([, i]) => `p${i}: publishArticle(id: $p${i}, at: $at${i}) { id }`).join(' ')} }`,
      vars,
    );
  };
  // Warm-up: JIT and the pools' connections, not counted.
  for (let i = 0; i < 4; i++) await batch();
  const warm = n;
  log(`batches of ${BATCH} createArticle + publishArticle for ${DURATION} s`);

  const apiCpuBefore = processCpuMs(server.pid);
  const pgCpuBefore = await backendCpuMs(database.url);
  const latencies = [];
  const started = performance.now();
  while (performance.now() - started < DURATION * 1000) {
    const t = performance.now();
    await batch();
    latencies.push(performance.now() - t);
  }
  const seconds = (performance.now() - started) / 1000;
  const apiCpuMs = processCpuMs(server.pid) - apiCpuBefore;
  const pgCpuMs = backendCpuSpent(pgCpuBefore, await backendCpuMs(database.url));
  const articles = n - warm;
  latencies.sort((a, b) => a - b);

  process.stdout.write(
    `${JSON.stringify({
      benchmark: 'createArticle x15 + publishArticle',
      root,
      durationSeconds: +seconds.toFixed(1),
      articles,
      articlesPerSecond: Math.round(articles / seconds),
      cpuMsPerArticle: { api: +(apiCpuMs / articles).toFixed(2), postgres: +(pgCpuMs / articles).toFixed(2) },
      batchMs: {
        p50: Math.round(latencies[Math.floor(latencies.length / 2)]),
        p99: Math.round(latencies[Math.floor(latencies.length * 0.99)]),
      },
    })}\n`,
  );
} finally {
  await stop();
}

/** peerbench's 50 authors and 300 tags, written directly: the bench is about articles. */
async function people(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const authors = await client.query(
      `INSERT INTO "Author" (id, slug, name) SELECT gen_random_uuid(), 'author-' || i, '作者' || i
       FROM generate_series(1, ${AUTHORS}) AS i RETURNING id`,
    );
    const tags = await client.query(
      `INSERT INTO "Tag" (id, slug, name) SELECT gen_random_uuid(), 'tag-' || i, '标签' || i
       FROM generate_series(1, ${TAGS}) AS i ORDER BY i RETURNING id`,
    );
    return { authorIds: authors.rows.map((r) => r.id), tagIds: tags.rows.map((r) => r.id) };
  } finally {
    await client.end();
  }
}
