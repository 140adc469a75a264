// Block boundaries become spaces so "<p>a</p><p>b</p>" reads "a b", not "ab". Sticky: it only
// names the tag that starts at a given `<`.
const BLOCK_TAG =
  /<\/?(?:p|div|br|hr|h[1-6]|li|ul|ol|dl|dt|dd|tr|td|th|table|thead|tbody|section|article|aside|header|footer|blockquote|pre|figure|figcaption|details|summary)\b/iy;
const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi;
const WHITESPACE = /\s+/g;

// Sanitised HTML only escapes these; the rest arrive as characters already.
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  mdash: '—',
  ndash: '–',
  hellip: '…',
};

/**
 * Plain text of an HTML fragment, whitespace collapsed: the one HTML-to-text of Pressroom, for
 * titles, excerpts, language detection, the search index and search snippets (issue 13). A scanner, not `/<[^>]*>/g`: that regex
 * rescans to the end of the text from every `<` that no `>` follows, quadratic on hostile input
 * (issue 10); here the first such `<` ends the scan.
 */
export function htmlToText(html: string): string {
  let text = '';
  let from = 0;
  for (let lt = html.indexOf('<'); lt !== -1; lt = html.indexOf('<', from)) {
    const gt = html.indexOf('>', lt + 1);
    if (gt === -1) break;
    BLOCK_TAG.lastIndex = lt;
    text += BLOCK_TAG.test(html) ? `${html.slice(from, lt)} ` : html.slice(from, lt);
    from = gt + 1;
  }
  text += html.slice(from);
  return decodeEntities(text).replace(WHITESPACE, ' ').trim();
}

/**
 * Text without Liquid (`{% %}`, `{{ }}`) and Hugo shortcodes (`{{< >}}`, `{{% %}}`): markup to
 * the author, not prose. Each tag ends at the first closer after it, as with the lazy regex
 * `/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g`, but once a closer is missing it is never searched
 * for again: the regex rescanned the rest of the body from every unclosed `{%` (a 300 KB body
 * froze the API for 25 s, issue 10).
 */
export function withoutTemplateTags(text: string): string {
  if (!text.includes('{')) return text;
  const missing = new Set<string>();
  let out = '';
  let from = 0;
  for (let at = text.indexOf('{'); at !== -1; at = text.indexOf('{', at + 1)) {
    const next = text[at + 1];
    const closer = next === '%' ? '%}' : next === '{' ? '}}' : null;
    if (closer === null || missing.has(closer)) continue;
    const end = text.indexOf(closer, at + 2);
    if (end === -1) {
      missing.add(closer);
      continue;
    }
    out += `${text.slice(from, at)} `;
    from = end + 2;
    at = from - 1;
  }
  return (out + text.slice(from)).replace(WHITESPACE, ' ').trim();
}

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    // NUL and values outside Unicode must not come back as characters.
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}
