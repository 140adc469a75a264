import { plainTextExcerpt } from './excerpt.js';

describe('plainTextExcerpt', () => {
  it('takes the first paragraph that has text, as plain text', () => {
    const html =
      '<h2><a href="x">Title</a></h2>\n<div><p> </p><p>First &amp; <strong>best</strong>&nbsp;line.</p><p>Second</p></div>';
    expect(plainTextExcerpt(html)).toBe('First & best line.');
  });

  it('falls back to the whole text when there is no paragraph', () => {
    expect(plainTextExcerpt('<ul><li>one</li><li>two</li></ul>')).toBe('one two');
    expect(plainTextExcerpt('<div>  </div>')).toBeNull();
    expect(plainTextExcerpt('')).toBeNull();
  });

  it('skips paragraphs that hold only shortcodes or Liquid', () => {
    const html =
      '<p>{{&lt; fig alt=&quot;x&quot; src=&quot;/a.png&quot; &gt;}}</p><p>{% include x.html %}</p><p>Real text.</p>';
    expect(plainTextExcerpt(html)).toBe('Real text.');
  });

  it('cuts on characters, never inside one, and marks the cut', () => {
    const chinese = `<p>${'中国国务委员兼外长王毅'.repeat(40)}</p>`;
    const excerpt = plainTextExcerpt(chinese, 300)!;
    expect(Array.from(excerpt)).toHaveLength(300);
    expect(excerpt.endsWith('…')).toBe(true);
    const emoji = plainTextExcerpt(`<p>${'👩‍👩‍👧'.repeat(10)}</p>`, 5)!;
    expect(emoji).toBe(`${'👩‍👩‍👧'.repeat(4)}…`);
  });

  it('keeps a combining mark or a Hangul jamo with its letter at the cut', () => {
    // "e" + U+0301 and "ᄀ" + "ᅡ" are one character each, two UTF-16 units.
    expect(plainTextExcerpt(`<p>abcde\u0301fgh</p>`, 6)).toBe('abcde\u0301…');
    expect(plainTextExcerpt(`<p>가나\u1100\u1161다라</p>`, 4)).toBe('가나\u1100\u1161…');
  });

  it('leaves short text alone', () => {
    expect(plainTextExcerpt('<p>short</p>', 5)).toBe('short');
    expect(plainTextExcerpt('<p>longer one</p>', 5)).toBe('long…');
  });

  it('never returns markup', () => {
    expect(plainTextExcerpt('<p>a &lt;b&gt; <em>c</em></p>')).toBe('a <b> c');
    expect(plainTextExcerpt('<p><a href="x">link</a> text</p>')).not.toMatch(/<a/);
  });
});
