// The floor: the benchmark's four reads from node:http and pg with hand-written SQL, no
// framework, GraphQL or ORM. What the API is measured against. Run: node read-floor.mjs <port>
// with DATABASE_URL set.
import http from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const VISIBLE = `a.status = 'PUBLISHED' AND a."publishedAt" <= now()`;

const Q1 = `SELECT a.id, a.slug, a.title, a."publishedAt",
  coalesce((SELECT json_agg(json_build_object('name', u.name, 'slug', u.slug) ORDER BY l.position)
    FROM "ArticleAuthor" l JOIN "Author" u ON u.id = l."authorId" WHERE l."articleId" = a.id), '[]') AS authors,
  coalesce((SELECT json_agg(json_build_object('name', t.name, 'slug', t.slug, 'kind', t.kind) ORDER BY t.kind, t.name)
    FROM "ArticleTag" x JOIN "Tag" t ON t.id = x."tagId" WHERE x."articleId" = a.id), '[]') AS tags
  FROM "Article" a WHERE ${VISIBLE} ORDER BY a."publishedAt" DESC, a.id DESC LIMIT 20`;
const Q2 = `SELECT a.id, a.slug, a.title, a."publishedAt", a.body, a.html FROM "Article" a WHERE a.slug = $1 AND ${VISIBLE}`;
const TAGGED = `EXISTS (SELECT 1 FROM "ArticleTag" x JOIN "Tag" t ON t.id = x."tagId" WHERE x."articleId" = a.id AND t.kind = 'TAG' AND t.slug = $1)`;
const Q3 = `SELECT a.id, a.slug, a.title, a."publishedAt" FROM "Article" a WHERE ${TAGGED} AND ${VISIBLE}
  ORDER BY a."publishedAt" DESC, a.id DESC LIMIT 20`;
const Q3_COUNT = `SELECT count(*)::int AS n FROM "Article" a WHERE ${TAGGED} AND ${VISIBLE}`;
// The same index and query as the API's search, ranking every hit.
const Q4 = `SELECT a.id, a.slug, a.title, a."publishedAt", ts_rank(a."searchVector", q, 32) AS score
  FROM "Article" a, to_tsquery('pressroom_search', $1) q WHERE a."searchVector" @@ q AND ${VISIBLE}
  ORDER BY score DESC, a."publishedAt" DESC, a.id DESC LIMIT 20`;
const Q4_COUNT = `SELECT count(*)::int AS n FROM "Article" a WHERE a."searchVector" @@ to_tsquery('pressroom_search', $1) AND ${VISIBLE}`;

// The bigrams of a CJK word, as the API's query parser makes them.
const bigrams = (word) =>
  [...word]
    .slice(0, -1)
    .map((c, i) => `'${c}${word[i + 1]}'`)
    .join(' & ');

const routes = {
  '/q1': async () => ({ articles: (await pool.query(Q1)).rows }),
  '/q2': async (p) => ({ article: (await pool.query(Q2, [p.get('slug')])).rows[0] ?? null }),
  '/q3': async (p) => {
    const [page, count] = await Promise.all([pool.query(Q3, [p.get('tag')]), pool.query(Q3_COUNT, [p.get('tag')])]);
    return { totalCount: count.rows[0].n, articles: page.rows };
  },
  '/q4': async (p) => {
    const q = bigrams(p.get('q'));
    const [page, count] = await Promise.all([pool.query(Q4, [q]), pool.query(Q4_COUNT, [q])]);
    return { totalCount: count.rows[0].n, hits: page.rows };
  },
};

const server = http.createServer(async (req, res) => {
  const url = new URL(req.url, 'http://floor');
  const route = routes[url.pathname];
  if (!route) return res.writeHead(404).end();
  try {
    const body = JSON.stringify({ data: await route(url.searchParams) });
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
  } catch (error) {
    res.writeHead(500).end(String(error));
  }
});
server.listen(Number(process.argv[2] ?? 3199), '127.0.0.1', () => process.send?.('ready'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
