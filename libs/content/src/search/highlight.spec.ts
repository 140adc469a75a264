import { displayText, highlight } from './highlight.js';

describe('displayText', () => {
  it('drops tags, scripts and styles, decodes entities and collapses whitespace', () => {
    expect(displayText('<p>a &amp; b&#39;s &#x4e2d;</p>\n<script>x()</script><style>p{}</style> <b>c</b>')).toBe(
      "a & b's 中 c",
    );
  });
});

describe('highlight', () => {
  it('marks CJK terms and English words with their inflections, escaping the rest', () => {
    expect(highlight('<Ferries> leave the harbours; 塔利班说', ['harbour', '塔利班'])).toBe(
      '&#60;Ferries&#62; leave the <mark>harbours</mark>; <mark>塔利班</mark>说',
    );
  });

  it('does not mark a word inside another word', () => {
    expect(highlight('seaharbour harbour', ['harbour'])).toBe('seaharbour <mark>harbour</mark>');
  });

  it('centres a long text on the first match, with ellipses', () => {
    const text = `${'lorem '.repeat(100)}target ${'ipsum '.repeat(100)}`;
    const snippet = highlight(text, ['target'], 100);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet).toContain('<mark>target</mark>');
    expect(snippet.replace(/<\/?mark>|…/g, '').length).toBeLessThanOrEqual(100);
  });

  it('starts at the beginning when nothing matches', () => {
    expect(highlight('short text', ['absent'])).toBe('short text');
  });
});
