#!/usr/bin/env node
// The floor an import is measured against (issue 15): one thread that only reads each post
// file, parses its YAML front matter, renders the Markdown, sanitises the HTML and COPYs the
// rows into one table. No identity, slugs, tags, authors, search vector, revision or report.
// Rendering and sanitising are Pressroom's own renderBody() (markdown-it and sanitize-html with
// the same options and allowlist), the header the `yaml` library Pressroom falls back to, so the
// two programs do the same work on a body and differ only in what Pressroom adds.
//
//   node bench/import/floor.mjs <folder> <database-url>
//
// Prints {"posts":…,"failed":…,"seconds":…} as JSON. The database must exist; the table is
// created (and emptied) here. Built libs are needed (`npm run build`).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { parse as parseYaml } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { renderBody } = await import(pathToFileURL(path.join(root, 'libs/frontmatter/dist/index.js')).href);

const POST_EXTENSIONS = new Set(['.md', '.markdown', '.html', '.htm', '.txt']);
const SKIPPED = new Set(['_site', 'node_modules']);
/** Rows per COPY statement's chunk written to the socket. */
const CHUNK_ROWS = 500;

const [folder, url] = process.argv.slice(2);
if (!folder || !url) {
  console.error('usage: floor.mjs <folder> <database-url>');
  process.exit(2);
}

/** The post files under `dir`, sorted at each level (the importer's order). */
async function* walk(dir, relative = '') {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const e of entries) {
    const rel = relative ? `${relative}/${e.name}` : e.name;
    if (e.isDirectory() && !e.name.startsWith('.') && !SKIPPED.has(e.name)) yield* walk(path.join(dir, e.name), rel);
    else if (e.isFile() && POST_EXTENSIONS.has(path.extname(e.name).toLowerCase())) yield [rel, path.join(dir, e.name)];
  }
}

/** YAML between `---` lines, else no header; a header that does not parse is kept as none. */
function split(text) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { header: {}, body: text };
  let header;
  try {
    header = parseYaml(m[1]) ?? {};
  } catch {
    header = {};
  }
  return { header: typeof header === 'object' ? header : {}, body: text.slice(m[0].length) };
}

// COPY's text format: backslash, tab, newline and carriage return escaped; NUL is not allowed.
const escape = (s) =>
  s === null || s === undefined
    ? '\\N'
    : String(s)
        .replace(/\0/g, '')
        .replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]);

function dateOf(value) {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

const client = new pg.Client({ connectionString: url });
await client.connect();
await client.query(
  `DROP TABLE IF EXISTS floor_post;
   CREATE TABLE floor_post (path text PRIMARY KEY, title text, published_at timestamptz,
     front_matter json NOT NULL, body text NOT NULL, html text NOT NULL)`,
);

const started = process.hrtime.bigint();
let posts = 0;
let failed = 0;
const copy = client.query(copyFrom('COPY floor_post FROM STDIN'));
const done = new Promise((resolve, reject) => {
  copy.on('finish', resolve);
  copy.on('error', reject);
});
let rows = [];
const flush = async () => {
  if (!rows.length) return;
  if (!copy.write(rows.join(''))) await new Promise((r) => copy.once('drain', r));
  rows = [];
};
for await (const [rel, file] of walk(folder)) {
  try {
    const text = await readFile(file, 'utf8');
    const { header, body } = split(text);
    const html = renderBody(body, /\.html?$/i.test(file) ? 'HTML' : 'MARKDOWN');
    const title = typeof header.title === 'string' ? header.title : path.basename(rel);
    rows.push([rel, title, dateOf(header.date), JSON.stringify(header), body, html].map(escape).join('\t') + '\n');
    posts++;
  } catch {
    failed++;
  }
  if (rows.length >= CHUNK_ROWS) await flush();
}
await flush();
copy.end();
await done;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
await client.end();
console.log(JSON.stringify({ posts, failed, seconds: Math.round(seconds * 100) / 100 }));
