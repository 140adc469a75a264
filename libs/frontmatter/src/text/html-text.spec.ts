import { elements, withoutElements } from './elements.js';
import { plainTextExcerpt } from './excerpt.js';
import { htmlToText, withoutTemplateTags } from './html-text.js';

const MB = 1024 * 1024;
const repeat = (unit: string, chars = MB) => unit.repeat(Math.ceil(chars / unit.length));

/** Milliseconds `work` takes. The bound asserted is ~100x what a linear pass needs; the regexes
 * these scanners replaced took minutes on the same megabyte. */
function millis(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}
const LINEAR_BOUND_MS = 5000;

describe('text scanners', () => {
  it('strip Liquid and shortcodes as the lazy regex did', () => {
    expect(withoutTemplateTags('a {% include x %} b {{ site.url }} c {{< note >}} d')).toBe('a b c d');
    expect(withoutTemplateTags('a {% open b {{ x }} c')).toBe('a {% open b c');
    expect(withoutTemplateTags('{%}%} x {{}}')).toBe('x');
    expect(withoutTemplateTags('a { b } {')).toBe('a { b } {');
  });

  it('read tags as text boundaries, and leave a `<` no `>` follows', () => {
    expect(htmlToText('<p>a</p><p>b&amp;c</p><span>d</span>e')).toBe('a b&c de');
    expect(htmlToText('1 < 2 and 3')).toBe('1 < 2 and 3');
  });

  it('find elements in order, each ended by its own first closing tag', () => {
    const html = '<p>a</p><P class="x">b</P><h2>c<h3>d</h3></h2><p>never closed';
    expect([...elements(html, ['p'])].map((e) => e.inner)).toEqual(['a', 'b']);
    expect([...elements(html, ['h2', 'h3'])].map((e) => `${e.name}:${e.inner}`)).toEqual(['h2:c<h3>d</h3>']);
    expect(withoutElements('x<pre>code</pre>y<pre>z', 'pre')).toBe('x y<pre>z');
  });

  it.each([
    ['unclosed Liquid tags', repeat('{% ')],
    ['unclosed Liquid outputs', repeat('{{ ')],
    ['`<` without `>`', repeat('<p ')],
    ['unclosed paragraphs', repeat('<p>a ')],
    ['unclosed comments', repeat('<!--')],
  ])('stay linear on a megabyte of %s', (_name, text) => {
    expect(millis(() => withoutTemplateTags(htmlToText(text)))).toBeLessThan(LINEAR_BOUND_MS);
    expect(millis(() => plainTextExcerpt(text))).toBeLessThan(LINEAR_BOUND_MS);
    expect(millis(() => [...elements(text, ['p', 'h1'])])).toBeLessThan(LINEAR_BOUND_MS);
  });
});
