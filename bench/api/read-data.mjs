// Generates the benchmark's articles: 50 authors, 300 tags (1-5 per article), 90% published,
// Chinese bodies of about 5 KB. Deterministic (seeded), set-based inserts, search vectors
// computed the fast way (searchDocument() + pressroom_search_vector), as the importer does, or
// left for the checkout's own `search reindex` (vectors: false).
import { randomUUID } from 'node:crypto';
import 'reflect-metadata';
import { searchDocument } from '@pressroom/content';
import { COMMON, TOPICS } from './read-vocabulary.mjs';

export const RARE_WORD = 'zephyrine';

/** mulberry32: small, seeded, good enough to pick words. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Zipf-like: the word of rank r is drawn with weight 1 / (r + 3).
function zipfPicker(words, rand) {
  const cumulative = [];
  let sum = 0;
  for (let r = 0; r < words.length; r++) cumulative.push((sum += 1 / (r + 4)));
  return () => {
    const x = rand() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo];
  };
}

function article(n, rand, common) {
  const topics = Array.from({ length: 1 + Math.floor(rand() * 3) }, () => TOPICS[Math.floor(rand() * TOPICS.length)]);
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(rand() * 14) }, () =>
      rand() < 0.06 ? topics[Math.floor(rand() * topics.length)] : common(),
    );
    return `${words.join('')}${rand() < 0.3 ? '，' : '。'}`;
  };
  const paragraphs = [];
  let length = 0;
  while (length < 1600) {
    const text = Array.from({ length: 3 + Math.floor(rand() * 4) }, sentence).join('');
    paragraphs.push(`<p>${text}</p>`);
    length += text.length;
  }
  // RARE_WORD: in one article of 5,000 (two at 10,000, 200 at a million).
  const rare = n % 5000 === 777 ? ` ${RARE_WORD}` : '';
  const title = `${topics[0]}${common()}${common()}${common()}${n % 7 === 0 ? topics.at(-1) : ''}${rare}`;
  return { title, excerpt: paragraphs[0].slice(3, 80), html: paragraphs.join('\n'), body: paragraphs.join('\n\n') };
}

/** Articles generated in JavaScript; larger sets repeat them server-side (see loadArticles). */
export const TEMPLATES = 20_000;

/**
 * One multi-row INSERT of generated articles; the bigram vectors go as binary parameters, or,
 * without `vectors`, none are written (for `search reindex` to compute).
 */
async function insertGenerated(client, rows, vectors) {
  const values = [];
  const ids = rows.map(() => randomUUID());
  const width = vectors ? 12 : 8;
  const tuples = rows.map((r, i) => {
    const p = (k) => `$${i * width + k}`;
    values.push(ids[i], r.n, r.title, r.excerpt, r.body, r.html, r.status, r.publishedAt);
    if (vectors) values.push(r.titleWords, Buffer.from(r.titleBigrams), r.bodyWords, Buffer.from(r.bodyBigrams));
    const vector = vectors
      ? `, pressroom_search_vector(${p(9)}, ${p(10)}::tsvector, ${p(11)}, ${p(12)}::tsvector)`
      : '';
    return `(${p(1)}::uuid, 'article-' || ${p(2)}::int, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)}::"ArticleStatus",
      ${p(8)}::timestamptz${vector})`;
  });
  await client.query(
    `INSERT INTO "Article" (id, slug, title, excerpt, body, html, status, "publishedAt"${vectors ? ', "searchVector"' : ''})
     VALUES ${tuples.join(', ')}`,
    values,
  );
  return ids;
}

/**
 * Copies of the first TEMPLATES articles, made by the server in one INSERT … SELECT per chunk:
 * article n repeats template n % TEMPLATES (text, vector, status, tags and authors; TOASTed
 * values are copied compressed), with a new slug and a new random date over the same three years.
 */
async function repeatTemplates(client, count, vectors, log) {
  const chunk = 100_000;
  const column = vectors ? ', "searchVector"' : '';
  for (let from = TEMPLATES; from < count; from += chunk) {
    const to = Math.min(count, from + chunk) - 1;
    await client.query(
      `INSERT INTO "Article" (id, slug, title, excerpt, body, html, status, "publishedAt"${column})
       SELECT gen_random_uuid(), 'article-' || g, t.title, t.excerpt, t.body, t.html, t.status,
         CASE WHEN t."publishedAt" IS NULL THEN NULL
           ELSE timestamptz '2021-01-01 00:00Z' + floor(random() * 3 * 365 * 24) * interval '1 hour' END
         ${column.replace(', ', ', t.')}
       FROM generate_series($1::int, $2::int) g JOIN "Article" t ON t.slug = 'article-' || (g % $3::int)`,
      [from, to, TEMPLATES],
    );
    log(`  ${to + 1} articles`);
  }
  const copies = `FROM "Article" a JOIN "Article" t ON t.slug = 'article-' || (substr(a.slug, 9)::int % ${TEMPLATES})
    WHERE substr(a.slug, 9)::int >= ${TEMPLATES}`;
  await client.query(
    `INSERT INTO "ArticleTag" ("articleId", "tagId") SELECT a.id, l."tagId" ${copies.replace(
      'WHERE',
      'JOIN "ArticleTag" l ON l."articleId" = t.id WHERE',
    )}`,
  );
  await client.query(`INSERT INTO "ArticleAuthor" ("articleId", "authorId", position)
    SELECT a.id, l."authorId", l.position ${copies.replace('WHERE', 'JOIN "ArticleAuthor" l ON l."articleId" = t.id WHERE')}`);
}

/** Drops the secondary indexes of the tables a load fills; returns the statements that rebuild them. */
async function dropIndexes(client) {
  const { rows } = await client.query(`SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
    FROM pg_index i WHERE i.indrelid IN ('"Article"'::regclass, '"ArticleTag"'::regclass, '"ArticleAuthor"'::regclass)
      AND NOT i.indisprimary AND NOT i.indisunique`);
  for (const { name } of rows) await client.query(`DROP INDEX ${name}`);
  return rows.map((r) => r.def);
}

/**
 * Inserts `count` articles with authors and tags into an empty, migrated database through
 * `client` (a pg Client): up to TEMPLATES generated here, the rest repeated by the server, so a
 * million load in minutes. Secondary indexes are built once at the end, as a restore would.
 * Returns timings.
 */
export async function loadArticles(client, { count, seed = 42, batch = 200, vectors = true, log = () => {} }) {
  const rand = random(seed);
  const common = zipfPicker(COMMON, rand);
  const started = Date.now();
  const rebuild = count > TEMPLATES ? await dropIndexes(client) : [];
  await client.query(
    `INSERT INTO "Author" (id, slug, name) SELECT gen_random_uuid(), 'author-' || i, '作者' || i FROM generate_series(1, 50) i`,
  );
  await client.query(`INSERT INTO "Tag" (id, slug, name, kind) SELECT gen_random_uuid(), 'tag-' || i, '标签' || i,
    (CASE WHEN i % 10 = 0 THEN 'CATEGORY' ELSE 'TAG' END)::"TagKind" FROM generate_series(1, 300) i`);
  const authors = (await client.query(`SELECT id FROM "Author" ORDER BY slug`)).rows.map((r) => r.id);
  const tags = (await client.query(`SELECT id FROM "Tag" ORDER BY slug`)).rows.map((r) => r.id);
  let segmentMs = 0;
  const generated = Math.min(count, TEMPLATES);
  for (let from = 0; from < generated; from += batch) {
    const rows = [];
    for (let n = from; n < Math.min(generated, from + batch); n++) {
      const a = article(n, rand, common);
      const t0 = performance.now();
      const search = searchDocument(a);
      segmentMs += performance.now() - t0;
      const published = rand() < 0.9;
      // Spread over three years; some share a timestamp, as imports of one feed do.
      const at = new Date(Date.UTC(2021, 0, 1) + Math.floor(rand() * 3 * 365 * 24) * 3_600_000);
      rows.push({
        ...a,
        ...search,
        n,
        status: published ? 'PUBLISHED' : 'DRAFT',
        publishedAt: published ? at.toISOString() : null,
      });
    }
    const ids = await insertGenerated(client, rows, vectors);
    const authorLinks = ids.flatMap((id) => {
      const first = Math.floor(rand() * authors.length);
      return rand() < 0.2
        ? [
            [id, authors[first], 0],
            [id, authors[(first + 1) % authors.length], 1],
          ]
        : [[id, authors[first], 0]];
    });
    const tagLinks = ids.flatMap((id) => {
      const picked = new Set(
        Array.from({ length: 1 + Math.floor(rand() * 5) }, () => tags[Math.floor(rand() * tags.length)]),
      );
      return [...picked].map((tag) => [id, tag]);
    });
    await client.query(
      `INSERT INTO "ArticleAuthor" ("articleId", "authorId", position) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[])`,
      [authorLinks.map((l) => l[0]), authorLinks.map((l) => l[1]), authorLinks.map((l) => l[2])],
    );
    await client.query(`INSERT INTO "ArticleTag" ("articleId", "tagId") SELECT * FROM unnest($1::uuid[], $2::uuid[])`, [
      tagLinks.map((l) => l[0]),
      tagLinks.map((l) => l[1]),
    ]);
    if ((from / batch) % 50 === 49) log(`  ${from + batch} articles`);
  }
  const generatedMs = Date.now() - started;
  if (count > generated) await repeatTemplates(client, count, vectors, log);
  const insertedMs = Date.now() - started;
  await client.query(`SET maintenance_work_mem = '1GB'`);
  for (const def of rebuild) await client.query(def);
  log(`  indexes built`);
  await client.query('VACUUM ANALYZE');
  return { loadMs: Date.now() - started, generatedMs, insertedMs, segmentMs: Math.round(segmentMs) };
}
