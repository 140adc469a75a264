// Times each text pass over a body on hostile inputs of n and 4n characters: a linear pass
// takes about 4x as long at 4n, a quadratic one about 16x. Run after `npm run build`:
//   node bench/parse/adversarial-text.mjs [kilobytes=256]
import { parsePost, plainTextExcerpt, renderBody, slugify } from '@pressroom/frontmatter';
import { plainText } from '../../libs/content/dist/search/search-document.js';
import { displayText, highlight } from '../../libs/content/dist/search/highlight.js';

const kb = Number(process.argv[2] ?? 256);
const repeat = (unit, chars) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
const file = (header, body) => new TextEncoder().encode(`---\n${header}---\n${body}`);

const inputs = {
  'liquid unclosed {%': (n) => repeat('{% ', n),
  'liquid unclosed {{': (n) => repeat('{{ ', n),
  'lt without gt': (n) => repeat('<p ', n),
  'many <': (n) => repeat('<', n),
  'entity no semicolon': (n) => '&' + repeat('a', n),
  'many &#': (n) => repeat('&#1', n),
  'nested divs': (n) => repeat('<div>', n),
  'open p tags': (n) => repeat('<p>a ', n),
  'open h1': (n) => repeat('<h1>a ', n),
  'title tags': (n) => repeat('<title>', n),
  brackets: (n) => repeat('[', n),
  links: (n) => repeat('[a](', n),
  emphasis: (n) => repeat('*a_', n),
  backticks: (n) => repeat('`a``', n),
  'quotes >': (n) => repeat('> ', n),
  'list nesting': (n) => repeat('- ', n),
  dashes: (n) => repeat('-', n) + 'a',
  'spaces then x': (n) => repeat(' ', n) + 'x',
  'empty p spaces': (n) => repeat('<p>  ', n),
  comments: (n) => repeat('<!--', n),
  'yaml a: a:': (n) => repeat('a: ', n),
  'yaml flow [': (n) => repeat('[', n),
  'yaml quotes': (n) => repeat('"\n', n),
  'script open': (n) => repeat('<script>', n),
};

function time(fn) {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const n = kb * 1024;
const passes = {
  'parsePost md': (s) => parsePost(file('title: t\n', s), { path: 'a.md' }),
  'parsePost html': (s) => parsePost(file('', s), { path: 'a.html' }),
  'renderBody md': (s) => renderBody(s, 'MARKDOWN'),
  'excerpt(raw)': (s) => plainTextExcerpt(s),
  slugify: (s) => slugify(s),
  'search plainText': (s) => plainText(s),
  displayText: (s) => displayText(s),
  highlight: (s) => highlight(s, ['aaaa', 'harbours']),
  'yaml header': (s) => parsePost(file(`title: t\nx: "${s.replace(/"/g, '')}"\n`, ''), { path: 'a.md' }),
  'yaml key': (s) => parsePost(file(`${s.replace(/[\n"]/g, '')}: 1\n`, ''), { path: 'a.md' }),
  'toml header': (s) =>
    parsePost(new TextEncoder().encode(`+++\nx = "${s.replace(/["\\\n]/g, '')}"\n+++\n`), { path: 'a.md' }),
  'json header': (s) =>
    parsePost(new TextEncoder().encode(`{"x": "${s.replace(/["\\\n]/g, '')}"}\n`), { path: 'a.md' }),
};
const only = process.argv[3] ? new RegExp(process.argv[3]) : null;
for (const key of Object.keys(passes)) if (only && !only.test(key)) delete passes[key];
for (const [pass, fn] of Object.entries(passes)) {
  for (const [name, make] of Object.entries(inputs)) {
    const small = make(n);
    const big = make(4 * n);
    const a = time(() => fn(small));
    const b = time(() => fn(big));
    const flag = b > 10 * Math.max(a, 5) ? '  <-- superlinear' : '';
    console.log(
      `${pass.padEnd(15)} ${name.padEnd(22)} ${a.toFixed(0).padStart(7)} ms ${b.toFixed(0).padStart(7)} ms${flag}`,
    );
    if (b > 20_000) console.log('  (stopping this pass: too slow)');
  }
}
