// Block boundaries become spaces so "<p>a</p><p>b</p>" reads "a b", not "ab".
const BLOCK_TAGS =
  /<\/?(?:p|div|br|hr|h[1-6]|li|ul|ol|dl|dt|dd|tr|td|th|table|thead|tbody|section|article|aside|header|footer|blockquote|pre|figure|figcaption|details|summary)\b[^>]*>/gi;
const ANY_TAG = /<[^>]*>/g;
const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi;
const WHITESPACE = /\s+/g;
// Liquid tags/outputs and Hugo shortcodes are markup to the author, not prose.
const TEMPLATE_TAGS = /\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g;

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

/** Plain text of an HTML fragment, whitespace collapsed. */
export function htmlToText(html: string): string {
  return decodeEntities(html.replace(BLOCK_TAGS, ' ').replace(ANY_TAG, '')).replace(WHITESPACE, ' ').trim();
}

/** Text without Liquid (`{% %}`, `{{ }}`) and Hugo shortcodes (`{{< >}}`, `{{% %}}`). */
export function withoutTemplateTags(text: string): string {
  return text.includes('{') ? text.replace(TEMPLATE_TAGS, ' ').replace(WHITESPACE, ' ').trim() : text;
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
