import pg from 'pg';
import 'reflect-metadata';
import { searchDocument } from '@pressroom/content';
const c = new pg.Client({ connectionString: 'postgresql://postgres@127.0.0.1:5432/bench_read_10k' }); await c.connect();
const { rows } = await c.query('select id, title, excerpt, html from "Article" limit 2000');
function literal(seg) {
  // seg: segmented text; tokens split on whitespace; positions sequential; CJK-only tokens
  const pos = new Map(); let p = 0;
  for (const tok of seg.split(/\s+/)) { if (!tok) continue; if (!/^[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]+$/.test(tok)) continue; p++; let a = pos.get(tok); if (!a) pos.set(tok, a = []); if (a.length < 255) a.push(Math.min(p, 16383)); }
  let out = ''; for (const [k, a] of pos) out += `'${k}':${a.join(',')} `; return out;
}
let t0 = performance.now();
const data = rows.map((r) => { const d = searchDocument(r); return { id: r.id, lt: literal(d.searchTitle), lb: literal(d.searchBody) }; });
console.log('js', performance.now() - t0);
await c.query('drop table if exists t2; create table t2 (id uuid, v tsvector)');
t0 = performance.now();
await c.query(`insert into t2 select i, setweight(a::tsvector, 'A') || setweight(b::tsvector, 'D') from unnest($1::uuid[], $2::text[], $3::text[]) x(i, a, b)`, [data.map((d) => d.id), data.map((d) => d.lt), data.map((d) => d.lb)]);
console.log('insert literal', performance.now() - t0);
await c.query('truncate t2');
const segs = rows.map((r) => ({ id: r.id, ...searchDocument(r) }));
t0 = performance.now();
await c.query(`insert into t2 select i, pressroom_search_vector(a, b) from unnest($1::uuid[], $2::text[], $3::text[]) x(i, a, b)`, [segs.map((d) => d.id), segs.map((d) => d.searchTitle), segs.map((d) => d.searchBody)]);
console.log('insert to_tsvector', performance.now() - t0);
await c.query('drop table t2'); await c.end();
