// Generates the benchmark's articles: 50 authors, 300 tags (1-5 per article), 90% published,
// Chinese bodies of about 5 KB. Deterministic (seeded), set-based inserts, search vectors
// computed the fast way (searchDocument() + pressroom_search_vector), as the importer does.
import 'reflect-metadata';
import { searchDocument } from '@pressroom/content';
import { COMMON, TOPICS } from './read-vocabulary.mjs';

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
  const title = `${topics[0]}${common()}${common()}${common()}${n % 7 === 0 ? topics.at(-1) : ''}`;
  return { title, excerpt: paragraphs[0].slice(3, 80), html: paragraphs.join('\n'), body: paragraphs.join('\n\n') };
}

/**
 * Inserts `count` articles with authors and tags into an empty, migrated database through
 * `client` (a pg Client). Returns what the queries need: a slug, a tag slug, timings.
 */
export async function loadArticles(client, { count, seed = 42, batch = 500, log = () => {} }) {
  const rand = random(seed);
  const common = zipfPicker(COMMON, rand);
  const started = Date.now();
  await client.query(
    `INSERT INTO "Author" (id, slug, name) SELECT gen_random_uuid(), 'author-' || i, '作者' || i FROM generate_series(1, 50) i`,
  );
  await client.query(`INSERT INTO "Tag" (id, slug, name, kind) SELECT gen_random_uuid(), 'tag-' || i, '标签' || i,
    (CASE WHEN i % 10 = 0 THEN 'CATEGORY' ELSE 'TAG' END)::"TagKind" FROM generate_series(1, 300) i`);
  const authors = (await client.query(`SELECT id FROM "Author" ORDER BY slug`)).rows.map((r) => r.id);
  const tags = (await client.query(`SELECT id FROM "Tag" ORDER BY slug`)).rows.map((r) => r.id);
  let segmentMs = 0;
  for (let from = 0; from < count; from += batch) {
    const rows = [];
    for (let n = from; n < Math.min(count, from + batch); n++) {
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
    const ids = (
      await client.query(
        `INSERT INTO "Article" (id, slug, title, excerpt, body, html, status, "publishedAt", "searchVector")
       SELECT gen_random_uuid(), 'article-' || n, t, e, b, h, s::"ArticleStatus", p, pressroom_search_vector(tw, tb, bw, bb)
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::tsvector[],
         $10::text[], $11::tsvector[])
         AS v(n, t, e, b, h, s, p, tw, tb, bw, bb)
       RETURNING id`,
        [
          rows.map((r) => r.n),
          rows.map((r) => r.title),
          rows.map((r) => r.excerpt),
          rows.map((r) => r.body),
          rows.map((r) => r.html),
          rows.map((r) => r.status),
          rows.map((r) => r.publishedAt),
          rows.map((r) => r.titleWords),
          rows.map((r) => r.titleBigrams),
          rows.map((r) => r.bodyWords),
          rows.map((r) => r.bodyBigrams),
        ],
      )
    ).rows.map((r) => r.id);
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
    if ((from / batch) % 20 === 19) log(`  ${from + batch} articles`);
  }
  await client.query('VACUUM ANALYZE');
  return { loadMs: Date.now() - started, segmentMs: Math.round(segmentMs) };
}
