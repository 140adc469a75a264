import sanitizeHtml from 'sanitize-html';

const ALLOWED_TAGS = [
  'a',
  'abbr',
  'article',
  'aside',
  'b',
  'bdi',
  'bdo',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'picture',
  'pre',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'section',
  'small',
  'source',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
  'wbr',
];

// Disallowed tags whose text must go too (code, styles, fallbacks, a page's <head>);
// other disallowed tags (font, center, form, ...) are unwrapped and keep their text.
const DROPPED_WITH_CONTENT = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'applet',
  'frame',
  'frameset',
  'head',
  'title',
  'textarea',
  'select',
  'option',
  'button',
  'svg',
  'math',
];

// ids and classes are dropped everywhere (ad slots hang on them); only code keeps its
// `language-*` class for syntax highlighting.
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel', 'name'],
    img: ['src', 'srcset', 'alt', 'title', 'width', 'height'],
    source: ['srcset', 'media', 'type'],
    td: ['colspan', 'rowspan', 'align'],
    th: ['colspan', 'rowspan', 'align', 'scope'],
    ol: ['start', 'reversed', 'type'],
    li: ['value'],
    time: ['datetime'],
    abbr: ['title'],
    blockquote: ['cite'],
    q: ['cite'],
    code: ['class'],
  },
  allowedClasses: { code: ['language-*'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'], source: ['http', 'https'] },
  allowProtocolRelative: true,
  nonTextTags: DROPPED_WITH_CONTENT,
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: attribs['target'] === '_blank' ? { ...attribs, rel: 'noopener noreferrer' } : attribs,
    }),
    // Scraped news pages lazy-load: the real address sits in data-src.
    img: (tagName, attribs) => ({
      tagName,
      attribs: !attribs['src'] && attribs['data-src'] ? { ...attribs, src: attribs['data-src'] } : attribs,
    }),
  },
};

const MAX_EMPTY_PASSES = 8;

// After sanitising, containers carry no attributes, so an empty one is literally `<div></div>`.
const EMPTY_CONTAINER =
  /<(div|section|article|aside|header|footer|figure|blockquote|p|span|strong|em|b|i|u|small)>(?:\s|&nbsp;|<br \/>)*<\/\1>/g;

/** Allowlist sanitising, then removal of the empty shells that ad slots leave behind. */
export function sanitize(html: string): string {
  let clean = sanitizeHtml(html, OPTIONS);
  // Each pass peels one level of empty nesting. Ad slots are two or three deep; the cap keeps
  // a hostile file of a million nested empty divs linear (what is left is invisible anyway).
  for (let pass = 0, before = ''; pass < MAX_EMPTY_PASSES && before !== clean; pass++) {
    before = clean;
    clean = clean.replace(EMPTY_CONTAINER, '');
  }
  // Comments and ad shells removed from the edges leave blank lines behind.
  return clean.trim();
}
