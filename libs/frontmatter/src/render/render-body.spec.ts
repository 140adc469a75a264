import { renderBody } from './render-body.js';

const html = (source: string): string => renderBody(source, 'HTML');
const md = (source: string): string => renderBody(source, 'MARKDOWN');

describe('renderBody', () => {
  it('renders Markdown with raw HTML allowed, as Jekyll does', () => {
    expect(md('# Title\n\nSome *text* and <kbd>Ctrl</kbd>.')).toBe(
      '<h1>Title</h1>\n<p>Some <em>text</em> and <kbd>Ctrl</kbd>.</p>',
    );
  });

  it('takes HTML bodies as they are, then sanitises them', () => {
    expect(html('<p>*not markdown*</p>')).toBe('<p>*not markdown*</p>');
  });

  it('drops script and style together with their content', () => {
    const out = html('<p>a</p><script>alert(1)</script><style>p{color:red}</style><p>b</p>');
    expect(out).toBe('<p>a</p><p>b</p>');
    expect(md('text\n\n<script type="text/javascript">\nvar x = 1;\n</script>\n')).toBe('<p>text</p>');
  });

  it('drops iframe, object, embed and form controls', () => {
    const out = html(
      '<p>x</p><iframe src="https://evil.example">fallback</iframe><object data="a.swf"><embed src="a.swf"></object><form action="/x"><input name="q"><button>Go</button></form>',
    );
    expect(out).toBe('<p>x</p>');
  });

  it('drops event handler attributes', () => {
    expect(html('<p onclick="steal()">hi</p><img src="https://a.example/x.png" onerror="steal()">')).toBe(
      '<p>hi</p><img src="https://a.example/x.png" />',
    );
  });

  it('drops javascript: and data: URLs, even disguised', () => {
    expect(html('<a href="javascript:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(html('<a href="JaVaScRiPt&#58;alert(1)">x</a>')).toBe('<a>x</a>');
    expect(html('<a href="java\tscript:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(md('[x](javascript:alert(1))')).not.toMatch(/href/);
    expect(html('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="a">')).toBe('<img alt="a" />');
  });

  it('keeps links, images, tables, lists, quotes and code', () => {
    const source =
      '<a href="https://a.example/" title="t">l</a><img src="/x.png" alt="a" title="t" width="10" height="20">' +
      '<table><thead><tr><th>h</th></tr></thead><tbody><tr><td colspan="2">c</td></tr></tbody></table>' +
      '<ul><li>i</li></ul><ol start="3"><li>j</li></ol><blockquote><p>q</p></blockquote>' +
      '<figure><img src="https://a.example/f.png" alt=""><figcaption>cap</figcaption></figure>' +
      '<pre><code class="language-ruby other">puts 1</code></pre><p><strong>s</strong> <em>e</em> <del>d</del> <sup>1</sup></p>';
    expect(html(source)).toBe(
      '<a href="https://a.example/" title="t">l</a><img src="/x.png" alt="a" title="t" width="10" height="20" />' +
        '<table><thead><tr><th>h</th></tr></thead><tbody><tr><td colspan="2">c</td></tr></tbody></table>' +
        '<ul><li>i</li></ul><ol start="3"><li>j</li></ol><blockquote><p>q</p></blockquote>' +
        '<figure><img src="https://a.example/f.png" alt="" /><figcaption>cap</figcaption></figure>' +
        '<pre><code class="language-ruby">puts 1</code></pre><p><strong>s</strong> <em>e</em> <del>d</del> <sup>1</sup></p>',
    );
  });

  it('adds rel="noopener noreferrer" to links opening a new window', () => {
    expect(html('<a href="https://a.example/" target="_blank" rel="opener">x</a>')).toBe(
      '<a href="https://a.example/" target="_blank" rel="noopener noreferrer">x</a>',
    );
  });

  it('drops HTML comments, including the summary separator', () => {
    const out = md('<!--1611221280000-->\nintro\n<!--more-->\n\nrest <!-- note -->');
    expect(out).not.toContain('<!--');
    expect(out.replace(/\s+/g, ' ')).toBe('<p>intro</p> <p>rest </p>');
  });

  it('removes the empty containers ad slots leave, however nested', () => {
    const out = html(
      '<p>a</p><section id="imu"><div id="dfp-ad-imu1">        </div></section><div id="innity-in-post"></div>' +
        '<div id="dfp-ad-midarticlespecial">  &nbsp; </div><div><span> <br> </span></div><p>b</p>',
    );
    expect(out).toBe('<p>a</p><p>b</p>');
  });

  it('keeps containers that hold only an image', () => {
    expect(html('<div><p><img src="https://a.example/x.png" alt=""></p></div>')).toBe(
      '<div><p><img src="https://a.example/x.png" alt="" /></p></div>',
    );
  });

  it('drops ids, classes and inline styles', () => {
    expect(html('<div id="main" class="post" style="color:red"><p class="x">t</p></div>')).toBe('<div><p>t</p></div>');
  });

  it('uses data-src when a lazy-loaded image has no src', () => {
    expect(html('<img data-src="https://a.example/x.png" alt="x">')).toBe(
      '<img alt="x" src="https://a.example/x.png" />',
    );
  });

  it('keeps Liquid and Hugo shortcodes as text without running them', () => {
    expect(md('{% include home/hero.html %}\n\n{{ site.url }}/x\n\n{{< note >}}Hi{{< /note >}}')).toBe(
      '<p>{% include home/hero.html %}</p>\n<p>{{ site.url }}/x</p>\n<p>{{&lt; note &gt;}}Hi{{&lt; /note &gt;}}</p>',
    );
  });

  it('reduces a whole HTML page to its body content', () => {
    const page =
      '<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>T</title><script>x()</script></head>' +
      '<body>Follow this <a href="../tasks/">link</a>.</body></html>';
    expect(html(page)).toBe('Follow this <a href="../tasks/">link</a>.');
  });

  it('never lets a NUL character through', () => {
    expect(html('<p>a&#0;b</p>')).not.toContain('\u0000');
  });
});
